#include "model.h"

#include "http.h"

namespace coder {
namespace {

using nlohmann::json;

// The error sentence of an OpenAI error body, or the body's start.
std::string ErrorMessage(const json& body, const std::string& raw) {
  if (body.is_object() && body.contains("error") && body["error"].is_object()) {
    return body["error"].value("message", raw.substr(0, 300));
  }
  return raw.substr(0, 300);
}

std::string ErrorType(const json& body) {
  if (!body.is_object() || !body.contains("error") || !body["error"].is_object()) return "";
  const json& error = body["error"];
  std::string code =
      error.contains("code") && error["code"].is_string() ? error["code"].get<std::string>() : "";
  return code.empty() ? error.value("type", "") : code;
}

}  // namespace

ModelReply ModelClient::Chat(const json& messages, const json& tools, int max_tokens,
                             double timeout_seconds) const {
  ModelReply reply;
  json request = {{"model", model_name_}, {"messages", messages}, {"max_tokens", max_tokens}};
  if (!tools.empty()) request["tools"] = tools;
  HttpResponse http;
  if (!PostJson(socket_path_, "/v1/chat/completions",
                request.dump(-1, ' ', false, json::error_handler_t::replace), timeout_seconds,
                &http, &reply.error)) {
    return reply;
  }
  json body = json::parse(http.body, nullptr, false);
  if (http.status != 200) {
    reply.error = "HTTP " + std::to_string(http.status) + ": " + ErrorMessage(body, http.body);
    if (http.status == 429 && ErrorType(body) == "insufficient_quota") {
      reply.kind = ModelReply::Kind::kBudgetSpent;
    }
    return reply;
  }
  if (body.is_discarded() || !body.is_object() || !body.contains("choices") ||
      !body["choices"].is_array() || body["choices"].empty() || !body["choices"][0].is_object() ||
      !body["choices"][0].contains("message") || !body["choices"][0]["message"].is_object()) {
    reply.error = "the model's answer has no choices[0].message";
    return reply;
  }
  const json& choice = body["choices"][0];
  reply.message = choice["message"];
  reply.message["role"] = "assistant";
  if (reply.message.contains("content") && reply.message["content"].is_string()) {
    reply.content = reply.message["content"].get<std::string>();
  }
  if (reply.message.contains("tool_calls")) {
    reply.tool_calls = ParseOpenAiToolCalls(reply.message["tool_calls"]);
  }
  if (choice.contains("finish_reason") && choice["finish_reason"].is_string()) {
    reply.finish_reason = choice["finish_reason"].get<std::string>();
  }
  if (body.contains("usage") && body["usage"].is_object()) {
    reply.input_tokens = body["usage"].value("prompt_tokens", int64_t{0});
    reply.output_tokens = body["usage"].value("completion_tokens", int64_t{0});
  }
  reply.kind = ModelReply::Kind::kAnswer;
  return reply;
}

}  // namespace coder
