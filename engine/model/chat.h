// One chat call, independent of the provider: what is asked and what came back, tool
// calls included (OpenAI's tools / tool_calls, Anthropic's tools / tool_use; wire.h maps
// them).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace clade::model {

// A tool the model may call: an OpenAI "function" tool, an Anthropic tool.
struct ToolDefinition {
  std::string name;
  std::string description;
  nlohmann::json parameters = nlohmann::json::object();  // the arguments' JSON Schema
};

// A call the model asked for: OpenAI's tool_calls[i], Anthropic's tool_use block.
struct ToolCall {
  std::string id;
  std::string name;
  std::string arguments;  // JSON text as OpenAI sends it (Anthropic's "input", serialised)
};

// Which tools the model may or must call: OpenAI's tool_choice, Anthropic's.
struct ToolChoice {
  enum class Kind { kAuto, kNone, kRequired, kTool };
  Kind kind = Kind::kAuto;
  std::string name;  // with kTool: the tool it must call
};

struct ChatMessage {
  std::string role;  // "system", "user", "assistant" or "tool"
  std::string content;
  std::vector<ToolCall> tool_calls;  // an assistant message's calls
  std::string tool_call_id;          // a tool message: the call it answers
};

struct ChatRequest {
  std::vector<ChatMessage> messages;
  std::optional<double> temperature;  // unset: the config's
  std::optional<int> max_tokens;      // unset: the config's
  // Part of the cache key, and sent to OpenAI-compatible servers (which may sample with
  // it): two children of one parent asking the same question get different answers.
  std::optional<uint64_t> seed;
  std::vector<ToolDefinition> tools;     // empty: none (and no tool_choice is sent)
  std::optional<ToolChoice> tool_choice;  // unset: the server's default (auto)
};

struct Usage {
  int64_t input_tokens = 0;
  int64_t output_tokens = 0;
  int64_t total() const { return input_tokens + output_tokens; }
};

struct ChatResponse {
  std::string text;           // the assistant's answer
  std::string finish_reason;  // "stop", "length", "tool_calls", ... (Anthropic's mapped)
  std::vector<ToolCall> tool_calls;  // the calls it asks for, in order
  Usage usage;
  double cost = 0;      // from usage and the config's prices
  bool cached = false;  // answered from the response cache, no call made
  int attempts = 0;     // HTTP attempts made (0 when cached)
};

}  // namespace clade::model
