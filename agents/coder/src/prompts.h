// What the model is told: the system prompt (the tools and how to call them) and the
// first user message (the task).
#pragma once

#include <string>

#include "task.h"

namespace coder {

std::string SystemPrompt();

// The statement, the workspace's files and the visible test command.
std::string TaskPrompt(const Task& task, const std::string& file_list);

// The message that goes back after text-format tool calls: each result in a
// <tool_result> block, in the order of the calls.
std::string ToolResultBlock(const std::string& name, const std::string& result);

// Sent when an answer has text but was cut at the token limit with no tool call.
std::string ContinuePrompt();

}  // namespace coder
