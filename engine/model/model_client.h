// The model client: one configured provider, called with retries, accounting, budgets, a
// concurrency limit and the response cache.
//
//   auto client = CLADE_TRY(ModelClient::Create(config));
//   ChatResponse answer = CLADE_TRY(client->Chat({.messages = {{"user", "Hello"}}}));
//
// Retries (exponential backoff with jitter, Retry-After honoured) on 429, 5xx, connection
// failures, resets, timeouts and malformed answers; an authentication or bad-request
// error stops at once. Every error message is one sentence naming the endpoint and model,
// and the key is never in it (nor in anything else the client returns or stores).
// Thread safety: Chat may be called from several threads; at most config.concurrency
// calls are in flight at once.
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <random>
#include <string>

#include "engine/model/chat.h"
#include "engine/model/model_config.h"
#include "engine/model/response_cache.h"
#include "support/error.h"

namespace clade::model {

struct Spent {
  int64_t calls = 0;         // answers received from the provider (not from the cache)
  int64_t cached = 0;        // answers from the cache
  int64_t input_tokens = 0;  // of the provider's answers only
  int64_t output_tokens = 0;
  double cost = 0;
  int64_t tokens() const { return input_tokens + output_tokens; }
};

class ModelClient {
 public:
  // Reads the key from config.api_key_env. Errors (kUsage): the variable is named but not
  // set (unless the config is offline).
  static Result<std::shared_ptr<ModelClient>> Create(const ModelConfig& config);
  // For tests and tools: the key given directly (may be empty).
  ModelClient(ModelConfig config, std::string key);

  ModelClient(const ModelClient&) = delete;
  ModelClient& operator=(const ModelClient&) = delete;

  // One chat call. Budgets are checked first: a client past budget_tokens or budget_money
  // refuses without calling. Errors are infrastructure failures (kFailure).
  Result<ChatResponse> Chat(const ChatRequest& request);

  // What all calls so far have spent.
  Spent spent() const;
  const ModelConfig& config() const { return config_; }
  // Cost of a usage under the config's prices.
  double Cost(const Usage& usage) const;
  // `text` with every occurrence of the key replaced by "[redacted]".
  std::string Redact(std::string text) const;

 private:
  Result<ChatResponse> Call(const std::string& body, int* attempts);
  double Backoff(int attempt, double retry_after);
  std::string Where() const;

  ModelConfig config_;
  std::string key_;
  ResponseCache cache_;
  mutable std::mutex mutex_;
  std::condition_variable slot_freed_;
  int in_flight_ = 0;
  Spent spent_;
  std::mt19937_64 jitter_;
};

}  // namespace clade::model
