// The tools offered to the model: their OpenAI function schemas and their execution.
//   view_file(path, start_line?, end_line?)   create_file(path, content)
//   edit_file(path, old_str, new_str)         run_command(command, timeout?)
//   run_tests(names?)
#pragma once

#include <chrono>
#include <string>

#include "tool_calls.h"
#include <nlohmann/json.hpp>

namespace coder {

// Bytes of command or test output sent back to the model (its first and last halves).
inline constexpr size_t kOutputCapBytes = 12000;
// Default and largest timeout of run_command, in seconds.
inline constexpr double kCommandTimeoutSeconds = 60;
inline constexpr double kCommandTimeoutMaxSeconds = 300;

struct ToolContext {
  std::string visible_test;  // the task's visible test command; empty: run_tests is refused
  double test_timeout_seconds = 120;
  std::chrono::steady_clock::time_point deadline;  // no command runs past it
};

// The "tools" array of a chat request (OpenAI function calling).
nlohmann::json ToolSchemas();

// Runs one call and returns the text the model gets back. Unknown tools, missing or
// mistyped arguments and unreadable calls give a sentence starting with "Error:".
std::string RunTool(const ToolCall& call, const ToolContext& context);

}  // namespace coder
