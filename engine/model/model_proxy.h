// The model socket for agents (docs/models.md, "The model socket for agents"). Serves the
// OpenAI chat-completions protocol on a Unix socket, forwards each call through the
// engine's ModelClient (which holds the real key and may speak Anthropic upstream),
// counts tokens against the budget of one child and refuses past it with OpenAI's 429
// "insufficient_quota" body, and records every call for the child's logs and record.
//
//   ModelProxy proxy(client, config.agent_tokens);
//   harness.model = &proxy;  // the harness Opens a socket per agent run and Closes it
//   ... evaluate the child ...
//   proxy.Stop();  // also on destruction; joins the server's threads
//
// Served: POST /v1/chat/completions (also /chat/completions) with "messages" (string or
// text-part contents; an assistant's "tool_calls", a "tool" message's "tool_call_id"),
// "max_tokens" / "max_completion_tokens", "temperature", "seed", "tools" (function tools)
// and "tool_choice", forwarded in the upstream's protocol (wire.h); the answer's tool
// calls come back as OpenAI "tool_calls" (finish_reason "tool_calls"), whichever protocol
// the upstream speaks. GET /v1/models. "stream": true is refused with a 400. The agent's "model" is ignored:
// the configured model answers. A body over kMaxRequestBytes is refused with a 413.
//
// The budget: reserve, then settle. Before a call is forwarded it reserves, under the
// proxy's lock, its prompt's estimated input tokens (EstimateInputTokens) plus its
// answer's max_tokens, which is clamped to what the budget has left after the tokens used
// and those reserved by the calls in flight, less the estimate. A call for which not even
// one answer token is left is refused with a 429 and never forwarded. When the answer
// comes, the call's reservation is replaced by its real usage; on an upstream error it is
// released. So, provided the provider keeps within max_tokens (a cached answer does: the
// cache key holds it), the calls can never overshoot together by more than their prompt
// estimates fell short:
//
//   tokens_used() <= budget + the sum, over the calls in flight when the last call was
//                    admitted, of max(0, real input tokens - estimate)
//
// which is one call's shortfall when calls come one at a time, and 0 for every call whose
// prompt was not underestimated.
// Thread safety: calls are served on the server's threads; the accessors may be called
// from any thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/model/chat.h"
#include "engine/model/model_client.h"
#include "sandbox/harness.h"
#include "support/error.h"

namespace httplib {
class ContentReader;
class Server;
struct Request;
struct Response;
}  // namespace httplib

namespace clade::model {

struct ProxyCall {
  std::string status;  // "ok", "budget" (refused), "bad_request", "upstream_error"
  double seconds = 0;
  Usage usage;
  double cost = 0;  // 0 when cached
  bool cached = false;
  std::string request;   // the agent's messages as "role: content" lines (capped)
  std::string response;  // the answer or the error message (capped)
};

// The largest request body the socket reads (4 MiB, about a million tokens of text): a
// larger one is answered 413 with an "invalid_request_error" body and never forwarded.
inline constexpr size_t kMaxRequestBytes = size_t{4} << 20;

// Tokens reserved for a prompt's chat template: per message (role markers) and per call
// (the start of the answer).
inline constexpr int64_t kTokensPerMessage = 5;
inline constexpr int64_t kTokensPerCall = 8;

// The input tokens `request` is counted as before its answer comes: for each message's
// text, one token per 4 ASCII letters of each run of letters (rounded up), one per digit,
// per other ASCII character but blanks, per newline and per byte of a non-ASCII character,
// one per 4 other blanks of a run of blanks (a single space between two words counts
// nothing), and never fewer than the text's bytes / 3 (rounded up); plus
// kTokensPerMessage per message and kTokensPerCall. The bound: a token of a byte-level BPE
// or byte-fallback tokenizer covers at least one byte, so a text's real count is at most
// its byte count (plus the template's tokens): 3 times the estimate. Measured with four
// tokenizers (cl100k, o200k, Llama 2, Llama 3), real / estimate is 0.57-0.83 for English
// and C++, at most 1.0 for JSON, 1.2 for decimal numbers and random printable ASCII, and
// the worst found for ASCII text is 1.8 (random letters, base64); non-ASCII text is
// overestimated. docs/models.md has the table.
int64_t EstimateInputTokens(const ChatRequest& request);

// Serves one child's agents: one budget, any number of sockets (Start's, and one per agent
// run through Open: sandbox::ModelSockets), all answered by the same handlers.
class ModelProxy : public sandbox::ModelSockets {
 public:
  // `token_budget`: input plus output tokens this proxy may spend (cached answers count
  // too, so a replay behaves as the original run did).
  ModelProxy(std::shared_ptr<ModelClient> client, int64_t token_budget);
  ~ModelProxy() override;
  ModelProxy(const ModelProxy&) = delete;
  ModelProxy& operator=(const ModelProxy&) = delete;

  // Listens on `socket` (an absolute path of at most 107 bytes; a stale socket file there
  // is replaced; the directory is created). Errors name the path.
  // REQUIRES: not started.
  Result<> Start(const std::filesystem::path& socket);
  // A socket for one agent run in a fresh directory under /tmp of mode 0700 (short, for
  // sun_path), serving the same budget. Thread-safe.
  Result<std::filesystem::path> Open() override;
  // Stops serving a socket of Open and removes its directory. Thread-safe; idempotent.
  void Close(const std::filesystem::path& socket) override;
  // Stops serving every socket, joins the threads, removes the socket files and Open's
  // directories. Idempotent.
  void Stop();

  // Start's socket (empty when only Open serves).
  const std::filesystem::path& socket() const { return socket_; }
  // Tokens counted against the budget so far: the real usage of the answered calls.
  int64_t tokens_used() const;
  // Tokens held by the calls in flight (0 when none is).
  int64_t tokens_reserved() const;
  // What the calls cost upstream (cached answers excluded): for the run's budget.
  Spent spent() const;
  std::vector<ProxyCall> calls() const;
  // {"calls", "tokens", "input_tokens", "output_tokens", "cost", "refused", "budget"}: a
  // summary for the child's record.
  nlohmann::json Summary() const;
  // One block per call, request and answer: for the child's logs.
  std::string Log() const;

 private:
  void ServeChat(const httplib::Request& request, const httplib::ContentReader& content,
                 httplib::Response& response);
  // Answers 413 for a body of `bytes` (its Content-Length, or empty) and records the call.
  void RefuseTooLarge(const std::string& bytes, httplib::Response& response);
  // Reserves the tokens of `request` and clamps its max_tokens to what is left: the tokens
  // reserved, or the sentence refusing the call when not one answer token is left.
  Result<int64_t> Reserve(ChatRequest& request);
  // Records a finished call; its `reserved` tokens are replaced by its usage.
  void Record(ProxyCall call, int64_t reserved = 0);

  std::shared_ptr<ModelClient> client_;
  int64_t budget_;
  struct Listener;
  // Serves `socket` on a new server thread; `owned_dir` is removed when it stops.
  Result<> Listen(const std::filesystem::path& socket, const std::filesystem::path& owned_dir);
  std::unique_ptr<httplib::Server> MakeServer();

  std::filesystem::path socket_;
  std::mutex listeners_mutex_;
  std::vector<std::unique_ptr<Listener>> listeners_;
  mutable std::mutex mutex_;
  int64_t used_ = 0;
  int64_t reserved_ = 0;
  std::vector<ProxyCall> calls_;
};

}  // namespace clade::model
