// The model, reached through CLADE_MODEL_SOCKET: OpenAI chat completions over HTTP on a
// Unix socket (the engine's model proxy, or any OpenAI-compatible server behind one).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "tool_calls.h"
#include <nlohmann/json.hpp>

namespace coder {

struct ModelReply {
  enum class Kind {
    kAnswer,       // the model answered
    kBudgetSpent,  // HTTP 429 "insufficient_quota": the run's token budget is spent
    kError,        // anything else: `error` says what
  };
  Kind kind = Kind::kError;
  nlohmann::json message;            // the assistant message, as it goes into the history
  std::string content;               // its text ("" when there is none)
  std::vector<ToolCall> tool_calls;  // OpenAI tool_calls, if the server returned any
  std::string finish_reason;
  int64_t input_tokens = 0;
  int64_t output_tokens = 0;
  std::string error;
};

class ModelClient {
 public:
  // `model_name` goes into each request's "model" (the clade socket ignores it; a server
  // reached directly, e.g. vLLM or Ollama, needs its served name).
  ModelClient(std::string socket_path, std::string model_name)
      : socket_path_(std::move(socket_path)), model_name_(std::move(model_name)) {}

  // One chat completion: `messages` (OpenAI format), `tools` (sent when not empty),
  // at most `max_tokens` in the answer, waiting at most `timeout_seconds`.
  ModelReply Chat(const nlohmann::json& messages, const nlohmann::json& tools, int max_tokens,
                  double timeout_seconds) const;

 private:
  std::string socket_path_;
  std::string model_name_;
};

}  // namespace coder
