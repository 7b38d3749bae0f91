#include "tests/model/fake_provider.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <stdexcept>

#include <httplib.h>

namespace clade::model::testing {
namespace {

using nlohmann::json;

std::string Lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

std::string Text(const json& content) {
  if (content.is_string()) return content.get<std::string>();
  std::string text;
  if (content.is_array()) {
    for (const json& part : content) text += part.value("text", "");
  }
  return text;
}

bool Anthropic(const std::string& path) {
  return path.find("/messages") != std::string::npos;
}

}  // namespace

std::string Received::LastUser() const {
  std::string text;
  if (!body.is_object() || !body.contains("messages")) return text;
  for (const json& message : body["messages"]) {
    if (message.value("role", "") == "user") text = Text(message["content"]);
  }
  return text;
}

std::string Received::System() const {
  if (!body.is_object()) return "";
  if (body.contains("system")) return Text(body["system"]);
  std::string text;
  for (const json& message : body.value("messages", json::array())) {
    if (message.value("role", "") == "system") text += Text(message["content"]);
  }
  return text;
}

Reply OpenAiAnswer(const std::string& text, int input_tokens, int output_tokens) {
  json body = {{"id", "chatcmpl-test"},
               {"object", "chat.completion"},
               {"created", 1700000000},
               {"model", "test-model"},
               {"choices",
                {{{"index", 0},
                  {"message", {{"role", "assistant"}, {"content", text}}},
                  {"finish_reason", "stop"}}}},
               {"usage",
                {{"prompt_tokens", input_tokens},
                 {"completion_tokens", output_tokens},
                 {"total_tokens", input_tokens + output_tokens}}}};
  return Reply{.body = body.dump()};
}

Reply AnthropicAnswer(const std::string& text, int input_tokens, int output_tokens) {
  json body = {{"id", "msg_test"},
               {"type", "message"},
               {"role", "assistant"},
               {"model", "test-model"},
               {"content", {{{"type", "text"}, {"text", text}}}},
               {"stop_reason", "end_turn"},
               {"stop_sequence", nullptr},
               {"usage", {{"input_tokens", input_tokens}, {"output_tokens", output_tokens}}}};
  return Reply{.body = body.dump()};
}

Reply OpenAiError(int status, const std::string& type, const std::string& message) {
  json body = {
      {"error", {{"message", message}, {"type", type}, {"param", nullptr}, {"code", type}}}};
  return Reply{.status = status, .body = body.dump()};
}

Reply AnthropicError(int status, const std::string& type, const std::string& message) {
  json body = {{"type", "error"}, {"error", {{"type", type}, {"message", message}}}};
  return Reply{.status = status, .body = body.dump()};
}

Reply LocalAnswer(Dialect dialect, const std::string& model, const std::string& text,
                  int input_tokens, int output_tokens) {
  json message = {{"role", "assistant"}, {"content", text}};
  json choice = {{"index", 0}, {"finish_reason", "stop"}};
  json usage = {{"prompt_tokens", input_tokens},
                {"completion_tokens", output_tokens},
                {"total_tokens", input_tokens + output_tokens}};
  json body = {{"id", "chatcmpl-local"}, {"object", "chat.completion"}, {"created", 1700000000}};
  switch (dialect) {
    case Dialect::kLlamaCpp:
      body["model"] = "qwen2.5-coder-7b-instruct-q4_k_m.gguf";  // the file, whatever was asked
      body["system_fingerprint"] = "b5000-0123abcd";
      body["timings"] = {{"prompt_n", input_tokens}, {"prompt_ms", 81.2},
                         {"predicted_n", output_tokens}, {"predicted_ms", 240.5}};
      break;
    case Dialect::kVllm:
      message["reasoning_content"] = nullptr;
      message["tool_calls"] = json::array();
      choice["logprobs"] = nullptr;
      choice["stop_reason"] = nullptr;
      usage["prompt_tokens_details"] = nullptr;
      body["model"] = model;
      body["prompt_logprobs"] = nullptr;
      body["kv_transfer_params"] = nullptr;
      break;
    case Dialect::kOllama:
      body["model"] = model;
      body["system_fingerprint"] = "fp_ollama";
      break;
  }
  choice["message"] = std::move(message);
  body["choices"] = json::array({std::move(choice)});
  body["usage"] = std::move(usage);
  return Reply{.body = body.dump()};
}

Reply LocalError(Dialect dialect, int status, const std::string& type, const std::string& message) {
  json body;
  switch (dialect) {
    case Dialect::kLlamaCpp:
      body = {{"error", {{"code", status}, {"message", message}, {"type", type}}}};
      break;
    case Dialect::kVllm:
      body = {{"object", "error"}, {"message", message}, {"type", type}, {"param", nullptr},
              {"code", status}};
      break;
    case Dialect::kOllama:
      body = {{"error", {{"message", message}, {"type", "api_error"}, {"param", nullptr},
                         {"code", nullptr}}}};
      break;
  }
  return Reply{.status = status, .body = body.dump()};
}

FakeProvider::FakeProvider(std::string key)
    : key_(std::move(key)), server_(std::make_unique<httplib::Server>()) {
  auto handle = [this](const httplib::Request& request, httplib::Response& response) {
    Received received;
    received.path = request.path;
    for (const auto& [name, value] : request.headers) received.headers[Lower(name)] = value;
    received.body = json::parse(request.body, nullptr, false);
    if (received.body.is_discarded()) received.body = nullptr;
    Reply reply = Next(received);
    if (reply.delay_seconds > 0) {
      std::this_thread::sleep_for(std::chrono::duration<double>(reply.delay_seconds));
    }
    response.status = reply.status;
    for (const auto& [name, value] : reply.headers) response.set_header(name, value);
    if (!reply.truncate) {
      response.set_content(reply.body, "application/json");
      return;
    }
    auto body = std::make_shared<std::string>(reply.body);
    response.set_content_provider(body->size(), "application/json",
                                  [body](size_t offset, size_t, httplib::DataSink& sink) {
                                    if (offset > 0)
                                      return false;  // half sent: break the connection
                                    sink.write(body->data(), body->size() / 2);
                                    return true;
                                  });
  };
  server_->Post("/v1/chat/completions", handle);
  server_->Post("/v1/messages", handle);
  port_ = server_->bind_to_any_port("127.0.0.1");
  if (port_ <= 0) throw std::runtime_error("the fake provider cannot bind a port");
  thread_ = std::thread([this] { server_->listen_after_bind(); });
  while (!server_->is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

FakeProvider::~FakeProvider() {
  server_->stop();
  if (thread_.joinable()) thread_.join();
}

std::string FakeProvider::base_url() const {
  return "http://127.0.0.1:" + std::to_string(port_) + "/v1";
}

void FakeProvider::Script(std::vector<Reply> replies) {
  std::lock_guard lock(mutex_);
  script_ = std::move(replies);
  next_ = 0;
}

void FakeProvider::Respond(std::function<Reply(const Received&)> responder) {
  std::lock_guard lock(mutex_);
  responder_ = std::move(responder);
}

std::vector<Received> FakeProvider::received() const {
  std::lock_guard lock(mutex_);
  return received_;
}

size_t FakeProvider::count() const {
  std::lock_guard lock(mutex_);
  return received_.size();
}

Reply FakeProvider::Next(const Received& request) {
  std::function<Reply(const Received&)> responder;
  {
    std::lock_guard lock(mutex_);
    received_.push_back(request);
    bool anthropic = Anthropic(request.path);
    if (!key_.empty()) {
      std::string sent =
          anthropic
              ? (request.headers.count("x-api-key") ? request.headers.at("x-api-key") : "")
              : (request.headers.count("authorization") ? request.headers.at("authorization") : "");
      std::string wanted = anthropic ? key_ : "Bearer " + key_;
      if (sent != wanted) {
        // OpenAI echoes part of the key it was given; the test checks it never leaks.
        return anthropic ? AnthropicError(401, "authentication_error", "invalid x-api-key")
                         : OpenAiError(401, "invalid_api_key",
                                       "Incorrect API key provided: " + sent + ".");
      }
    }
    if (next_ < script_.size()) return script_[next_++];
    responder = responder_;
  }
  if (responder) return responder(request);
  return Anthropic(request.path) ? AnthropicAnswer("ok") : OpenAiAnswer("ok");
}

}  // namespace clade::model::testing
