#include "prompts.h"

namespace coder {

std::string SystemPrompt() {
  return R"(You are an expert C++ software engineer working alone in a task's directory. You solve the task by calling tools, one step at a time, until the work is done and tested.

Tools:
- view_file(path, start_line?, end_line?): a file with line numbers, or a directory listing.
- create_file(path, content): write a whole file (new, or replacing the old content).
- edit_file(path, old_str, new_str): replace the one occurrence of old_str; it must match the file exactly, whitespace included, and exactly once.
- run_command(command, timeout?): run a shell command in the working directory (no network).
- run_tests(names?): run the task's visible tests.

To call tools, either use the function-calling interface, or write each call in your answer as a JSON object inside <tool_call> tags, for example:
<tool_call>
{"name": "view_file", "arguments": {"path": "main.cc"}}
</tool_call>
Strings in the JSON must be escaped (newlines as \n, quotes as \"). You may make several calls in one answer; they run in order and their results come back in <tool_result> blocks.

How to work:
1. Read the statement, then view the files you need (headers first).
2. Write the solution; prefer create_file for a stub you replace entirely, edit_file for small changes.
3. Run the visible tests and fix what fails. Hidden tests check more cases than the visible ones: handle the edge cases the statement names.
4. When the tests pass and the work is complete, answer with a short summary and no tool call: that ends the session.)";
}

std::string TaskPrompt(const Task& task, const std::string& file_list) {
  std::string prompt = "# Task " + task.id + "\n\n" + task.statement + "\n\n";
  prompt += "# Files in the working directory\n\n" + file_list + "\n";
  if (!task.visible_test.empty()) {
    prompt += "# Visible tests\n\nrun_tests runs `" + task.visible_test + "`.\n";
  }
  return prompt;
}

std::string ToolResultBlock(const std::string& name, const std::string& result) {
  return "<tool_result name=\"" + name + "\">\n" + result +
         (result.empty() || result.back() != '\n' ? "\n" : "") + "</tool_result>\n";
}

std::string ContinuePrompt() {
  return "Your answer was cut off at the token limit. Continue; keep each tool call short "
         "(write large files in parts with edit_file if needed).";
}

}  // namespace coder
