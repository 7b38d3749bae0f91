#include "engine/model/model_proxy.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdlib>
#include <string_view>

#include <fmt/format.h>
#include <httplib.h>
#include <sys/socket.h>
#include <sys/un.h>

#include "engine/model/wire.h"
#include "support/fs.h"
#include "support/strings.h"

namespace clade::model {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr size_t kLogCap = 16 * 1024;

std::string Dump(const json& body) {
  return body.dump(-1, ' ', false, json::error_handler_t::replace);
}

// An error body as OpenAI sends it.
void SendError(httplib::Response& response, int status, const std::string& type,
               const std::string& message) {
  json body = {
      {"error", {{"message", message}, {"type", type}, {"param", nullptr}, {"code", type}}}};
  response.status = status;
  response.set_content(Dump(body), "application/json");
}

// The agent's request as a ChatRequest, or the sentence saying what is wrong with it.
Result<ChatRequest> ParseChat(const std::string& text) {
  json body = json::parse(text, nullptr, false);
  if (body.is_discarded() || !body.is_object())
    return Fail("the request body is not a JSON object");
  if (body.value("stream", false)) {
    return Fail("'stream': true is not supported by the clade model socket");
  }
  auto messages = body.find("messages");
  if (messages == body.end() || !messages->is_array() || messages->empty()) {
    return Fail("'messages' must be a non-empty array");
  }
  ChatRequest request;
  for (const json& message : *messages) {
    if (!message.is_object() || !message.contains("role") || !message["role"].is_string()) {
      return Fail("each message needs a 'role' and a 'content'");
    }
    std::string role = message["role"].get<std::string>();
    if (role == "developer") role = "system";
    ChatMessage parsed{role, ContentText(message.value("content", json())), {}, ""};
    if (auto calls = message.find("tool_calls"); calls != message.end() && !calls->is_null()) {
      parsed.tool_calls = CLADE_TRY(ToolCallsFromOpenAi(*calls));
    }
    if (role == "tool") {
      if (!message.contains("tool_call_id") || !message["tool_call_id"].is_string()) {
        return Fail("a message of role 'tool' needs a 'tool_call_id'");
      }
      parsed.tool_call_id = message["tool_call_id"].get<std::string>();
    }
    request.messages.push_back(std::move(parsed));
  }
  if (auto tools = body.find("tools"); tools != body.end() && !tools->is_null()) {
    request.tools = CLADE_TRY(ToolsFromOpenAi(*tools));
  }
  if (auto choice = body.find("tool_choice"); choice != body.end() && !choice->is_null()) {
    request.tool_choice = CLADE_TRY(ToolChoiceFromOpenAi(*choice));
  }
  for (const char* key : {"max_completion_tokens", "max_tokens"}) {
    if (body.contains(key) && body[key].is_number_integer() && body[key].get<int64_t>() > 0) {
      request.max_tokens = static_cast<int>(std::min<int64_t>(body[key].get<int64_t>(), 1 << 30));
      break;
    }
  }
  if (body.contains("temperature") && body["temperature"].is_number()) {
    request.temperature = body["temperature"].get<double>();
  }
  if (body.contains("seed") && body["seed"].is_number_unsigned()) {
    request.seed = body["seed"].get<uint64_t>();
  }
  return request;
}

int64_t CeilDiv(size_t count, size_t by) {
  return static_cast<int64_t>((count + by - 1) / by);
}

bool IsAsciiLetter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool IsBlank(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// The tokens of a run of blanks: each newline, and a quarter of the others (a single space
// before a word merges into it).
int64_t BlankTokens(std::string_view blanks) {
  size_t newlines = std::count(blanks.begin(), blanks.end(), '\n');
  size_t others = blanks.size() - newlines;
  bool lone_space = newlines == 0 && others == 1;
  return static_cast<int64_t>(newlines) + (lone_space ? 0 : CeilDiv(others, 4));
}

// The estimated tokens of one message's text (EstimateInputTokens).
int64_t EstimateTextTokens(std::string_view text) {
  int64_t tokens = 0;
  size_t at = 0;
  while (at < text.size()) {
    size_t end = at + 1;
    if (IsAsciiLetter(text[at])) {
      while (end < text.size() && IsAsciiLetter(text[end])) ++end;
      tokens += CeilDiv(end - at, 4);
    } else if (IsBlank(text[at])) {
      while (end < text.size() && IsBlank(text[end])) ++end;
      tokens += BlankTokens(text.substr(at, end - at));
    } else {
      ++tokens;  // a digit, a punctuation character, a byte of a non-ASCII character
    }
    at = end;
  }
  return std::max(tokens, CeilDiv(text.size(), 3));
}

// Reads a request's body into `body`. One over kMaxRequestBytes is read to its end (so the
// connection stays in step) but not kept: `too_large` is set. False if it could not be read
// (a broken connection, a malformed chunk, or httplib's 413 for a longer Content-Length).
bool ReadBody(const httplib::ContentReader& content, std::string* body, bool* too_large) {
  return content([&](const char* data, size_t size) {
    *too_large = *too_large || body->size() + size > kMaxRequestBytes;
    if (*too_large) {
      body->clear();
    } else {
      body->append(data, size);
    }
    return true;
  });
}

// A call's tool calls as "name(arguments)" lines.
std::string CallsText(const std::vector<ToolCall>& calls) {
  std::string text;
  for (const ToolCall& call : calls) text += "  -> " + call.name + "(" + call.arguments + ")\n";
  return text;
}

std::string Transcript(const ChatRequest& request) {
  std::string text;
  if (!request.tools.empty()) {
    std::vector<std::string> names;
    for (const ToolDefinition& tool : request.tools) names.push_back(tool.name);
    text += "tools: " + Join(names, ", ") + "\n";
  }
  for (const ChatMessage& message : request.messages) {
    text += message.role + ": " + message.content + "\n" + CallsText(message.tool_calls);
  }
  return CapText(text, kLogCap);
}

}  // namespace

int64_t EstimateInputTokens(const ChatRequest& request) {
  int64_t tokens = kTokensPerCall;
  for (const ChatMessage& message : request.messages) {
    tokens += kTokensPerMessage + EstimateTextTokens(message.content);
    for (const ToolCall& call : message.tool_calls) {
      tokens += kTokensPerMessage + EstimateTextTokens(call.name + call.arguments);
    }
  }
  for (const ToolDefinition& tool : request.tools) {
    tokens += kTokensPerMessage +
              EstimateTextTokens(tool.name + tool.description + tool.parameters.dump());
  }
  return tokens;
}

ModelProxy::ModelProxy(std::shared_ptr<ModelClient> client, int64_t token_budget)
    : client_(std::move(client)), budget_(token_budget) {}

ModelProxy::~ModelProxy() {
  Stop();
}

struct ModelProxy::Listener {
  std::unique_ptr<httplib::Server> server;
  std::thread thread;
  fs::path socket;
  fs::path owned_dir;  // removed when the listener stops (Open's)

  void Stop() {
    server->stop();
    if (thread.joinable()) thread.join();
    std::error_code error;
    fs::remove(socket, error);
    if (!owned_dir.empty()) fs::remove_all(owned_dir, error);
  }
};

std::unique_ptr<httplib::Server> ModelProxy::MakeServer() {
  auto server = std::make_unique<httplib::Server>();
  server->set_address_family(AF_UNIX);
  server->set_keep_alive_timeout(1);  // Stop waits for idle connections at most this long
  // A longer Content-Length is skipped by httplib with a 413 (for the chat paths ServeChat
  // writes the body, for the others the error handler below); a longer chunked body is
  // read to its end by ReadBody but not kept.
  server->set_payload_max_length(kMaxRequestBytes);
  auto chat = [this](const httplib::Request& request, httplib::Response& response,
                     const httplib::ContentReader& content) {
    ServeChat(request, content, response);
  };
  server->Post("/v1/chat/completions", chat);
  server->Post("/chat/completions", chat);
  auto models = [this](const httplib::Request&, httplib::Response& response) {
    json body = {
        {"object", "list"},
        {"data", {{{"id", client_->config().name}, {"object", "model"}, {"owned_by", "clade"}}}}};
    response.set_content(Dump(body), "application/json");
  };
  server->Get("/v1/models", models);
  server->Get("/models", models);
  server->set_error_handler([this](const httplib::Request& request, httplib::Response& response) {
    if (response.status == 404) {
      SendError(response, 404, "invalid_request_error",
                fmt::format("Unknown request URL: {} {}", request.method, request.path));
    } else if (response.status == 413 && response.body.empty()) {
      RefuseTooLarge(request.get_header_value("Content-Length"), response);
    }
  });
  return server;
}

Result<> ModelProxy::Listen(const fs::path& socket, const fs::path& owned_dir) {
  if (!socket.is_absolute() || socket.string().size() >= sizeof(sockaddr_un::sun_path)) {
    return Fail("the model socket path {} must be absolute and shorter than {} bytes",
                socket.string(), sizeof(sockaddr_un::sun_path));
  }
  std::error_code error;
  fs::create_directories(socket.parent_path(), error);
  if (fs::is_socket(fs::symlink_status(socket, error))) fs::remove(socket, error);
  if (fs::exists(fs::symlink_status(socket, error))) {
    return Fail("cannot serve the model socket at {}: something else is there", socket.string());
  }
  auto listener = std::make_unique<Listener>();
  listener->server = MakeServer();
  listener->socket = socket;
  listener->owned_dir = owned_dir;
  if (!listener->server->bind_to_port(socket.string(), 80)) {
    return Fail("cannot serve the model socket at {}: bind failed", socket.string());
  }
  httplib::Server* server = listener->server.get();
  listener->thread = std::thread([server] { server->listen_after_bind(); });
  while (!server->is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  std::lock_guard lock(listeners_mutex_);
  listeners_.push_back(std::move(listener));
  return {};
}

Result<> ModelProxy::Start(const fs::path& socket) {
  if (!socket_.empty()) return Fail("the model socket {} is already served", socket_.string());
  CLADE_TRY(Listen(socket, {}));
  socket_ = socket;
  return {};
}

Result<fs::path> ModelProxy::Open() {
  std::string pattern = "/tmp/clade-model-XXXXXX";
  if (!::mkdtemp(pattern.data())) {
    return Fail("cannot create a socket directory under /tmp: {}", ErrnoText(errno));
  }
  fs::path dir = pattern;  // mkdtemp makes it 0700: no one else may even look inside
  fs::path socket = dir / "model.sock";
  if (Result<> listening = Listen(socket, dir); !listening) {
    std::error_code error;
    fs::remove_all(dir, error);
    return tl::unexpected(listening.error());
  }
  return socket;
}

void ModelProxy::Close(const fs::path& socket) {
  std::unique_ptr<Listener> stopping;
  {
    std::lock_guard lock(listeners_mutex_);
    for (auto it = listeners_.begin(); it != listeners_.end(); ++it) {
      if ((*it)->socket != socket) continue;
      stopping = std::move(*it);
      listeners_.erase(it);
      break;
    }
  }
  if (stopping) stopping->Stop();
}

void ModelProxy::Stop() {
  std::vector<std::unique_ptr<Listener>> stopping;
  {
    std::lock_guard lock(listeners_mutex_);
    stopping.swap(listeners_);
  }
  for (auto& listener : stopping) listener->Stop();
}

void ModelProxy::ServeChat(const httplib::Request& http, const httplib::ContentReader& content,
                           httplib::Response& response) {
  auto start = std::chrono::steady_clock::now();
  ProxyCall call;
  auto seconds = [&] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  };
  std::string text;
  bool too_large = false;
  bool read = ReadBody(content, &text, &too_large);
  if (too_large || response.status == 413) {
    RefuseTooLarge(http.get_header_value("Content-Length"), response);
    return;
  }
  Result<ChatRequest> request =
      read ? ParseChat(text) : Fail("the request body could not be read to its end");
  if (!request) {
    call.status = "bad_request";
    call.response = request.error().message;
    SendError(response, 400, "invalid_request_error", request.error().message);
    Record(std::move(call));
    return;
  }
  call.request = Transcript(*request);
  Result<int64_t> reserved = Reserve(*request);
  if (!reserved) {
    call.status = "budget";
    call.response = reserved.error().message;
    SendError(response, 429, "insufficient_quota", call.response);
    Record(std::move(call));
    return;
  }
  Result<ChatResponse> answer = client_->Chat(*request);
  call.seconds = seconds();
  if (!answer) {
    call.status = "upstream_error";
    call.response = answer.error().message;
    SendError(response, 502, "upstream_error", answer.error().message);
    Record(std::move(call), *reserved);
    return;
  }
  call.status = "ok";
  call.usage = answer->usage;
  call.cost = answer->cached ? 0 : answer->cost;
  call.cached = answer->cached;
  call.response = CapText(
      answer->tool_calls.empty() ? answer->text : answer->text + "\n" + CallsText(answer->tool_calls),
      kLogCap);
  json message = {{"role", "assistant"}, {"content", answer->text}};
  if (!answer->tool_calls.empty()) {
    if (answer->text.empty()) message["content"] = nullptr;  // as OpenAI sends it
    message["tool_calls"] = ToolCallsToOpenAi(answer->tool_calls);
  }
  json body = {
      {"id", fmt::format("chatcmpl-clade-{}", calls().size())},
      {"object", "chat.completion"},
      {"created", static_cast<int64_t>(std::time(nullptr))},
      {"model", client_->config().name},
      {"choices",
       {{{"index", 0},
         {"message", std::move(message)},
         {"finish_reason", answer->finish_reason.empty() ? "stop" : answer->finish_reason}}}},
      {"usage",
       {{"prompt_tokens", answer->usage.input_tokens},
        {"completion_tokens", answer->usage.output_tokens},
        {"total_tokens", answer->usage.total()}}}};
  response.set_content(Dump(body), "application/json");
  Record(std::move(call), *reserved);
}

void ModelProxy::RefuseTooLarge(const std::string& bytes, httplib::Response& response) {
  ProxyCall call;
  call.status = "bad_request";
  std::string body = bytes.empty() ? "The request body" : "The request body (" + bytes + " bytes)";
  call.response = fmt::format("{} is larger than the {} bytes the clade model socket accepts.",
                              body, kMaxRequestBytes);
  SendError(response, 413, "invalid_request_error", call.response);
  Record(std::move(call));
}

Result<int64_t> ModelProxy::Reserve(ChatRequest& request) {
  int64_t estimate = EstimateInputTokens(request);
  int64_t wanted = request.max_tokens.value_or(client_->config().max_tokens);
  std::lock_guard lock(mutex_);
  int64_t left = budget_ - used_ - reserved_;
  if (left <= 0 && reserved_ == 0) {
    return Fail(
        "The model budget of this agent run ({} tokens) is spent. No more calls will be "
        "answered.",
        budget_);
  }
  if (left - estimate < 1) {
    return Fail(
        "The model budget of this agent run ({} tokens) has {} tokens left ({} used, {} "
        "reserved by calls in flight), and this call needs at least {}: about {} for its "
        "prompt and 1 for the answer.",
        budget_, std::max<int64_t>(left, 0), used_, reserved_, estimate + 1, estimate);
  }
  request.max_tokens = static_cast<int>(std::min(wanted, left - estimate));
  reserved_ += estimate + *request.max_tokens;
  return estimate + *request.max_tokens;
}

void ModelProxy::Record(ProxyCall call, int64_t reserved) {
  std::lock_guard lock(mutex_);
  reserved_ -= reserved;
  used_ += call.usage.total();
  calls_.push_back(std::move(call));
}

int64_t ModelProxy::tokens_used() const {
  std::lock_guard lock(mutex_);
  return used_;
}

int64_t ModelProxy::tokens_reserved() const {
  std::lock_guard lock(mutex_);
  return reserved_;
}

Spent ModelProxy::spent() const {
  std::lock_guard lock(mutex_);
  Spent spent;
  for (const ProxyCall& call : calls_) {
    if (call.status != "ok") continue;
    if (call.cached) {
      ++spent.cached;
      continue;
    }
    ++spent.calls;
    spent.input_tokens += call.usage.input_tokens;
    spent.output_tokens += call.usage.output_tokens;
    spent.cost += call.cost;
  }
  return spent;
}

std::vector<ProxyCall> ModelProxy::calls() const {
  std::lock_guard lock(mutex_);
  return calls_;
}

json ModelProxy::Summary() const {
  Spent spent = this->spent();
  int refused = 0;
  for (const ProxyCall& call : calls()) refused += call.status == "budget" ? 1 : 0;
  return {{"calls", calls().size()},
          {"tokens", spent.tokens()},
          {"input_tokens", spent.input_tokens},
          {"output_tokens", spent.output_tokens},
          {"cost", spent.cost},
          {"cached", spent.cached},
          {"refused", refused},
          {"budget", budget_},
          {"budget_used", tokens_used()}};
}

std::string ModelProxy::Log() const {
  std::string log;
  std::vector<ProxyCall> all = calls();
  for (size_t i = 0; i < all.size(); ++i) {
    const ProxyCall& call = all[i];
    log += fmt::format("== call {} ({}, {} in + {} out tokens{}, {:.1f} s)\n{}-- answer\n{}\n",
                       i + 1, call.status, call.usage.input_tokens, call.usage.output_tokens,
                       call.cached ? ", cached" : "", call.seconds, call.request, call.response);
  }
  return log;
}

}  // namespace clade::model
