// Tool calls as the model sends them: OpenAI's structured `tool_calls` (the clade model
// socket passes them through from OpenAI and Anthropic), or, for a server that does not
// take tools or a model that answers in text, blocks in the answer's text in the format
// the system prompt describes (the one Qwen and Hermes models are trained on):
//
//   <tool_call>
//   {"name": "view_file", "arguments": {"path": "bank.cc"}}
//   </tool_call>
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace coder {

struct ToolCall {
  std::string id;  // OpenAI's tool_call id; empty for text calls
  std::string name;
  nlohmann::json arguments;  // an object
  std::string error;         // non-empty: the call could not be read (sent back as its result)
};

// The calls in OpenAI's `message.tool_calls` array ("arguments" is a JSON string there).
std::vector<ToolCall> ParseOpenAiToolCalls(const nlohmann::json& tool_calls);

// The <tool_call> blocks of an answer's text, in order. A block that is not valid JSON
// (or has no "name") gives a call with `error` set. A block left open at the end of the
// text (an answer cut at its token limit) counts as one. Without any <tool_call> tag,
// fenced JSON blocks that look like calls ({"name": ..., "arguments": {...}}) are taken.
std::vector<ToolCall> ParseTextToolCalls(const std::string& text);

}  // namespace coder
