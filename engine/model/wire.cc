#include "engine/model/wire.h"

#include <fmt/format.h>

namespace clade::model {
namespace {

using nlohmann::json;

int64_t Count(const json& usage, const char* key) {
  auto it = usage.find(key);
  return it != usage.end() && it->is_number_integer() ? it->get<int64_t>() : 0;
}

Result<ChatResponse> DecodeOpenAi(const json& body) {
  auto choices = body.find("choices");
  if (choices == body.end() || !choices->is_array() || choices->empty() ||
      !(*choices)[0].is_object()) {
    return Fail("the answer has no choices");
  }
  const json& choice = (*choices)[0];
  auto message = choice.find("message");
  if (message == choice.end() || !message->is_object() || !message->contains("content")) {
    return Fail("the answer's first choice has no message content");
  }
  ChatResponse response;
  response.text = ContentText((*message)["content"]);
  if (auto reason = choice.find("finish_reason"); reason != choice.end() && reason->is_string()) {
    response.finish_reason = reason->get<std::string>();
  }
  if (auto usage = body.find("usage"); usage != body.end() && usage->is_object()) {
    response.usage.input_tokens = Count(*usage, "prompt_tokens");
    response.usage.output_tokens = Count(*usage, "completion_tokens");
  }
  return response;
}

Result<ChatResponse> DecodeAnthropic(const json& body) {
  auto content = body.find("content");
  if (content == body.end() || !content->is_array()) return Fail("the answer has no content");
  ChatResponse response;
  for (const json& block : *content) {
    if (block.is_object() && block.value("type", "") == "text" && block.contains("text") &&
        block["text"].is_string()) {
      response.text += block["text"].get<std::string>();
    }
  }
  std::string stop = body.value("stop_reason", json()).is_string()
                         ? body["stop_reason"].get<std::string>()
                         : std::string();
  response.finish_reason = stop == "end_turn" || stop == "stop_sequence" ? "stop"
                           : stop == "max_tokens"                        ? "length"
                                                                         : stop;
  if (auto usage = body.find("usage"); usage != body.end() && usage->is_object()) {
    response.usage.input_tokens = Count(*usage, "input_tokens");
    response.usage.output_tokens = Count(*usage, "output_tokens");
  }
  return response;
}

}  // namespace

std::string ContentText(const json& content) {
  if (content.is_string()) return content.get<std::string>();
  std::string text;
  if (content.is_array()) {
    for (const json& part : content) {
      if (part.is_object() && part.contains("text") && part["text"].is_string()) {
        text += part["text"].get<std::string>();
      }
    }
  }
  return text;
}

json EncodeRequest(const ModelConfig& config, const ChatRequest& request) {
  json body = {{"model", config.name},
               {"max_tokens", request.max_tokens.value_or(config.max_tokens)}};
  std::optional<double> temperature =
      request.temperature ? request.temperature : config.temperature;
  if (temperature) body["temperature"] = *temperature;
  json messages = json::array();
  if (config.provider == Provider::kAnthropic) {
    std::string system;
    for (const ChatMessage& message : request.messages) {
      if (message.role == "system") {
        system += (system.empty() ? "" : "\n\n") + message.content;
      } else {
        messages.push_back({{"role", message.role}, {"content", message.content}});
      }
    }
    if (!system.empty()) body["system"] = system;
  } else {
    for (const ChatMessage& message : request.messages) {
      messages.push_back({{"role", message.role}, {"content", message.content}});
    }
    if (request.seed) body["seed"] = *request.seed;
  }
  body["messages"] = std::move(messages);
  return body;
}

Result<ChatResponse> DecodeResponse(Provider provider, const std::string& text) {
  json body = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (body.is_discarded()) {
    return Fail("the answer is not valid JSON ({} bytes, perhaps truncated)", text.size());
  }
  if (!body.is_object()) return Fail("the answer is not a JSON object");
  return provider == Provider::kAnthropic ? DecodeAnthropic(body) : DecodeOpenAi(body);
}

std::string ErrorMessage(const std::string& text) {
  json body = json::parse(text, nullptr, false);
  if (body.is_object()) {
    auto error = body.find("error");
    if (error != body.end() && error->is_object() && error->contains("message") &&
        (*error)["message"].is_string()) {
      return (*error)["message"].get<std::string>();
    }
    if (error != body.end() && error->is_string()) return error->get<std::string>();
    // vLLM before 2025: {"object": "error", "message": ..., "type": ..., "code": ...}.
    if (body.value("object", json()) == "error" && body.contains("message") &&
        body["message"].is_string()) {
      return body["message"].get<std::string>();
    }
  }
  std::string head = text.substr(0, 200);
  for (char& c : head) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  return head.empty() ? "no error message" : head;
}

}  // namespace clade::model
