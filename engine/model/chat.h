// One chat call, independent of the provider: what is asked and what came back.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace clade::model {

struct ChatMessage {
  std::string role;  // "system", "user" or "assistant"
  std::string content;
};

struct ChatRequest {
  std::vector<ChatMessage> messages;
  std::optional<double> temperature;  // unset: the config's
  std::optional<int> max_tokens;      // unset: the config's
  // Part of the cache key, and sent to OpenAI-compatible servers (which may sample with
  // it): two children of one parent asking the same question get different answers.
  std::optional<uint64_t> seed;
};

struct Usage {
  int64_t input_tokens = 0;
  int64_t output_tokens = 0;
  int64_t total() const { return input_tokens + output_tokens; }
};

struct ChatResponse {
  std::string text;           // the assistant's answer
  std::string finish_reason;  // "stop", "length", ... (Anthropic's stop_reason mapped)
  Usage usage;
  double cost = 0;      // from usage and the config's prices
  bool cached = false;  // answered from the response cache, no call made
  int attempts = 0;     // HTTP attempts made (0 when cached)
};

}  // namespace clade::model
