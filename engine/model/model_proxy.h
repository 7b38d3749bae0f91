// The model socket for agents (design.md, "Agents": CLADE_MODEL_SOCKET). Serves the
// OpenAI chat-completions protocol on a Unix socket, forwards each call through the
// engine's ModelClient (which holds the real key and may speak Anthropic upstream),
// counts tokens against the budget of one child and refuses past it with OpenAI's 429
// "insufficient_quota" body, and records every call for the child's logs and record.
//
//   ModelProxy proxy(client, config.agent_tokens);
//   CLADE_TRY(proxy.Start(work / "model.sock"));
//   ... run the agent with HarnessOptions::model_socket = proxy.socket() ...
//   proxy.Stop();  // also on destruction; joins the server's threads
//
// Served: POST /v1/chat/completions (also /chat/completions) with "messages" (string or
// text-part contents), "max_tokens" / "max_completion_tokens", "temperature", "seed";
// GET /v1/models. "stream": true is refused with a 400. The agent's "model" is ignored:
// the configured model answers.
// Thread safety: calls are served on the server's threads; the accessors may be called
// from any thread.
#pragma once

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
#include "support/error.h"

namespace httplib {
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

class ModelProxy {
 public:
  // `token_budget`: input plus output tokens this proxy may spend (cached answers count
  // too, so a replay behaves as the original run did).
  ModelProxy(std::shared_ptr<ModelClient> client, int64_t token_budget);
  ~ModelProxy();
  ModelProxy(const ModelProxy&) = delete;
  ModelProxy& operator=(const ModelProxy&) = delete;

  // Listens on `socket` (an absolute path of at most 107 bytes; a stale socket file there
  // is replaced; the directory is created). Errors name the path.
  // REQUIRES: not started.
  Result<> Start(const std::filesystem::path& socket);
  // Stops serving, joins the threads, removes the socket file. Idempotent.
  void Stop();

  const std::filesystem::path& socket() const { return socket_; }
  // Tokens counted against the budget so far.
  int64_t tokens_used() const;
  // What the calls cost upstream (cached answers excluded): for the run's budget.
  Spent spent() const;
  std::vector<ProxyCall> calls() const;
  // {"calls", "tokens", "input_tokens", "output_tokens", "cost", "refused", "budget"}: a
  // summary for the child's record.
  nlohmann::json Summary() const;
  // One block per call, request and answer: for the child's logs.
  std::string Log() const;

 private:
  void ServeChat(const httplib::Request& request, httplib::Response& response);
  void Record(ProxyCall call);

  std::shared_ptr<ModelClient> client_;
  int64_t budget_;
  std::unique_ptr<httplib::Server> server_;
  std::thread thread_;
  std::filesystem::path socket_;
  mutable std::mutex mutex_;
  int64_t used_ = 0;
  std::vector<ProxyCall> calls_;
};

}  // namespace clade::model
