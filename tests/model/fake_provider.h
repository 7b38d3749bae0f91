// A loopback model server for the tests: speaks OpenAI chat completions
// (POST /v1/chat/completions) and Anthropic Messages (POST /v1/messages) as the real
// services do: their answer and error bodies, usage fields, 401 for a wrong key,
// Retry-After on 429, and on request slow answers and truncated bodies. Each test scripts
// the replies; every request is recorded.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

namespace httplib {
class Server;
}

namespace clade::model::testing {

struct Reply {
  int status = 200;
  std::string body;
  std::map<std::string, std::string> headers;
  double delay_seconds = 0;  // sleep before answering
  bool truncate = false;     // announce the body's length, send half of it, close
};

struct Received {
  std::string path;
  std::map<std::string, std::string> headers;  // names lower-cased
  nlohmann::json body;                         // null if the body was not JSON
  // The text of the last user message (both protocols).
  std::string LastUser() const;
  // The system prompt (OpenAI: the system messages; Anthropic: "system").
  std::string System() const;
};

// Bodies as the real services send them.
Reply OpenAiAnswer(const std::string& text, int input_tokens = 10, int output_tokens = 5);
Reply AnthropicAnswer(const std::string& text, int input_tokens = 10, int output_tokens = 5);
Reply OpenAiError(int status, const std::string& type, const std::string& message);
Reply AnthropicError(int status, const std::string& type, const std::string& message);

// The local servers' dialects of the OpenAI protocol (docs/models.md's recipes), as they
// answer and fail: what each adds to or leaves out of an answer, and its error body.
enum class Dialect { kLlamaCpp, kVllm, kOllama };
// llama.cpp's server: the loaded model's file name as `model`, a `timings` object, a
// `system_fingerprint` of its build. vLLM: `reasoning_content` and `tool_calls` in the
// message, `stop_reason` and `logprobs` in the choice, `prompt_logprobs` and
// `kv_transfer_params` beside. Ollama: `system_fingerprint: fp_ollama`, the model as asked.
Reply LocalAnswer(Dialect dialect, const std::string& model, const std::string& text,
                  int input_tokens = 10, int output_tokens = 5);
// llama.cpp: {"error": {"code", "message", "type"}} (type e.g. unavailable_error while the
// model loads, exceed_context_size_error). vLLM (before its 2025 change to OpenAI's form):
// {"object": "error", "message", "type", "param", "code"} at the top. Ollama's /v1:
// {"error": {"message", "type": "api_error", "param": null, "code": null}}.
Reply LocalError(Dialect dialect, int status, const std::string& type, const std::string& message);

class FakeProvider {
 public:
  // Listens on 127.0.0.1 on a free port. `key`: requests without it (Bearer for OpenAI,
  // x-api-key for Anthropic) get the service's 401 body; empty accepts any.
  explicit FakeProvider(std::string key = "");
  ~FakeProvider();
  FakeProvider(const FakeProvider&) = delete;
  FakeProvider& operator=(const FakeProvider&) = delete;

  std::string base_url() const;  // "http://127.0.0.1:PORT/v1"

  // Replies for the next requests, in order; when they are used up, the responder.
  void Script(std::vector<Reply> replies);
  // The reply when no scripted one is left. Default: an answer "ok" in the protocol of
  // the path.
  void Respond(std::function<Reply(const Received&)> responder);

  std::vector<Received> received() const;
  size_t count() const;

 private:
  Reply Next(const Received& request);

  std::string key_;
  std::unique_ptr<httplib::Server> server_;
  int port_ = 0;
  std::thread thread_;
  mutable std::mutex mutex_;
  std::vector<Reply> script_;
  size_t next_ = 0;
  std::function<Reply(const Received&)> responder_;
  std::vector<Received> received_;
};

}  // namespace clade::model::testing
