#include "tools.h"

#include <algorithm>
#include <cstdlib>

#include "file_tools.h"
#include "process.h"

namespace coder {
namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

json Function(const std::string& name, const std::string& description, json properties,
              json required) {
  return {
      {"type", "function"},
      {"function",
       {{"name", name},
        {"description", description},
        {"parameters", {{"type", "object"}, {"properties", properties}, {"required", required}}}}}};
}

json StringArg(const std::string& description) {
  return {{"type", "string"}, {"description", description}};
}

json IntegerArg(const std::string& description) {
  return {{"type", "integer"}, {"description", description}};
}

double SecondsLeft(const ToolContext& context) {
  return std::chrono::duration<double>(context.deadline - Clock::now()).count();
}

std::string FormatCommand(const CommandResult& result, double timeout) {
  std::string head = result.timed_out
                         ? "[killed after " + std::to_string(static_cast<int>(timeout)) + " s]\n"
                         : "[exit code " + std::to_string(result.exit_code) + "]\n";
  return head + (result.output.empty() ? "(no output)\n" : result.output);
}

// A required string argument, or an error for the model.
bool GetString(const ToolCall& call, const char* key, std::string* value, std::string* error) {
  auto it = call.arguments.find(key);
  if (it == call.arguments.end() || !it->is_string()) {
    *error = "Error: " + call.name + " needs the string argument \"" + key + "\".";
    return false;
  }
  *value = it->get<std::string>();
  return true;
}

int GetInt(const ToolCall& call, const char* key) {
  auto it = call.arguments.find(key);
  if (it == call.arguments.end()) return 0;
  double value = 0;
  if (it->is_number()) value = it->get<double>();
  if (it->is_string()) value = std::atof(it->get<std::string>().c_str());
  return static_cast<int>(std::clamp(value, 0.0, 1e6));  // out of range: no number at all
}

std::string Quote(const std::string& text) {
  std::string quoted = "'";
  for (char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

std::string RunCommand(const ToolCall& call, const ToolContext& context) {
  std::string command, error;
  if (!GetString(call, "command", &command, &error)) return error;
  double timeout = GetInt(call, "timeout") > 0 ? GetInt(call, "timeout") : kCommandTimeoutSeconds;
  timeout = std::min({timeout, kCommandTimeoutMaxSeconds, SecondsLeft(context)});
  if (timeout < 1) return "Error: no time is left to run a command.";
  return FormatCommand(RunShell(command, timeout, kOutputCapBytes), timeout);
}

std::string RunTests(const ToolCall& call, const ToolContext& context) {
  if (context.visible_test.empty()) return "Error: this task has no visible test command.";
  std::string command = context.visible_test;
  auto names = call.arguments.find("names");
  if (names != call.arguments.end() && names->is_array()) {
    for (const json& name : *names) {
      if (name.is_string()) command += " " + Quote(name.get<std::string>());
    }
  }
  double timeout = std::min(context.test_timeout_seconds, SecondsLeft(context));
  if (timeout < 1) return "Error: no time is left to run the tests.";
  return "$ " + command + "\n" +
         FormatCommand(RunShell(command, timeout, kOutputCapBytes), timeout);
}

}  // namespace

json ToolSchemas() {
  return json::array(
      {Function("view_file",
                "Show a file with line numbers (a line range if given; at most 400 lines at "
                "once), or list a directory.",
                {{"path", StringArg("file or directory, relative to the working directory")},
                 {"start_line", IntegerArg("first line to show (1-based, optional)")},
                 {"end_line", IntegerArg("last line to show (inclusive, optional)")}},
                {"path"}),
       Function("create_file", "Create a file, or overwrite it, with the given content.",
                {{"path", StringArg("file to write, relative to the working directory")},
                 {"content", StringArg("the whole new content of the file")}},
                {"path", "content"}),
       Function("edit_file",
                "Replace the one occurrence of old_str in a file by new_str. old_str must "
                "match the file exactly (whitespace included) and exactly once.",
                {{"path", StringArg("file to edit")},
                 {"old_str", StringArg("exact text to replace; include enough lines to be "
                                       "unique")},
                 {"new_str", StringArg("the replacement text")}},
                {"path", "old_str", "new_str"}),
       Function("run_command",
                "Run a shell command in the working directory (no network, no input); "
                "returns its exit code and output (stdout and stderr, long output cut in "
                "the middle).",
                {{"command", StringArg("the command, run with /bin/sh -c")},
                 {"timeout", IntegerArg("seconds before it is killed (default 60)")}},
                {"command"}),
       Function("run_tests",
                "Run the task's visible tests and return their output: per test case PASS "
                "or FAIL with the failure report, last a line 'N passed, N failed'.",
                {{"names",
                  {{"type", "array"},
                   {"items", {{"type", "string"}}},
                   {"description", "only these test cases (optional)"}}}},
                json::array())});
}

std::string RunTool(const ToolCall& call, const ToolContext& context) {
  if (!call.error.empty()) return "Error: " + call.error + ".";
  std::string path, error;
  if (call.name == "view_file") {
    if (!GetString(call, "path", &path, &error)) return error;
    return ViewFile(path, GetInt(call, "start_line"), GetInt(call, "end_line"));
  }
  if (call.name == "create_file") {
    std::string content;
    if (!GetString(call, "path", &path, &error) || !GetString(call, "content", &content, &error)) {
      return error;
    }
    return CreateFile(path, content);
  }
  if (call.name == "edit_file") {
    std::string old_text, new_text;
    if (!GetString(call, "path", &path, &error) || !GetString(call, "old_str", &old_text, &error) ||
        !GetString(call, "new_str", &new_text, &error)) {
      return error;
    }
    return EditFile(path, old_text, new_text);
  }
  if (call.name == "run_command") return RunCommand(call, context);
  if (call.name == "run_tests") return RunTests(call, context);
  return "Error: there is no tool named \"" + call.name +
         "\"; the tools are view_file, create_file, edit_file, run_command and run_tests.";
}

}  // namespace coder
