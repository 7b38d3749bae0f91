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
  if (message == choice.end() || !message->is_object() ||
      (!message->contains("content") && !message->contains("tool_calls"))) {
    return Fail("the answer's first choice has no message content");
  }
  ChatResponse response;
  response.text = ContentText(message->value("content", json()));
  if (auto calls = message->find("tool_calls"); calls != message->end() && !calls->is_null()) {
    response.tool_calls = CLADE_TRY(ToolCallsFromOpenAi(*calls));
  }
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
    if (!block.is_object()) continue;
    std::string type = block.value("type", "");
    if (type == "text" && block.contains("text") && block["text"].is_string()) {
      response.text += block["text"].get<std::string>();
    } else if (type == "tool_use") {
      if (!block.contains("id") || !block["id"].is_string() || !block.contains("name") ||
          !block["name"].is_string()) {
        return Fail("a tool_use block of the answer has no id or name");
      }
      response.tool_calls.push_back({block["id"].get<std::string>(),
                                     block["name"].get<std::string>(),
                                     block.value("input", json::object()).dump()});
    }
  }
  std::string stop = body.value("stop_reason", json()).is_string()
                         ? body["stop_reason"].get<std::string>()
                         : std::string();
  response.finish_reason = stop == "end_turn" || stop == "stop_sequence" ? "stop"
                           : stop == "max_tokens"                        ? "length"
                           : stop == "tool_use"                          ? "tool_calls"
                                                                         : stop;
  if (auto usage = body.find("usage"); usage != body.end() && usage->is_object()) {
    response.usage.input_tokens = Count(*usage, "input_tokens");
    response.usage.output_tokens = Count(*usage, "output_tokens");
  }
  return response;
}

json OpenAiTools(const std::vector<ToolDefinition>& tools) {
  json list = json::array();
  for (const ToolDefinition& tool : tools) {
    list.push_back({{"type", "function"},
                    {"function",
                     {{"name", tool.name},
                      {"description", tool.description},
                      {"parameters", tool.parameters}}}});
  }
  return list;
}

json OpenAiToolChoice(const ToolChoice& choice) {
  switch (choice.kind) {
    case ToolChoice::Kind::kNone: return "none";
    case ToolChoice::Kind::kRequired: return "required";
    case ToolChoice::Kind::kTool:
      return {{"type", "function"}, {"function", {{"name", choice.name}}}};
    case ToolChoice::Kind::kAuto: break;
  }
  return "auto";
}

json AnthropicTools(const std::vector<ToolDefinition>& tools) {
  json list = json::array();
  for (const ToolDefinition& tool : tools) {
    json entry = {{"name", tool.name}, {"input_schema", tool.parameters}};
    if (!tool.description.empty()) entry["description"] = tool.description;
    list.push_back(std::move(entry));
  }
  return list;
}

json AnthropicToolChoice(const ToolChoice& choice) {
  switch (choice.kind) {
    case ToolChoice::Kind::kNone: return {{"type", "none"}};
    case ToolChoice::Kind::kRequired: return {{"type", "any"}};
    case ToolChoice::Kind::kTool: return {{"type", "tool"}, {"name", choice.name}};
    case ToolChoice::Kind::kAuto: break;
  }
  return {{"type", "auto"}};
}

// A tool call's arguments as Anthropic's "input" object ({} when they are not an object).
json ToolInput(const std::string& arguments) {
  json input = json::parse(arguments, nullptr, false);
  return input.is_object() ? input : json::object();
}

// One message in Anthropic's form, appended to `messages`: an assistant's calls become
// tool_use blocks after its text; a tool message a tool_result block of a user message,
// joined to the previous one when that holds tool results too.
void AddAnthropicMessage(const ChatMessage& message, json& messages) {
  if (message.role == "tool") {
    json block = {{"type", "tool_result"},
                  {"tool_use_id", message.tool_call_id},
                  {"content", message.content}};
    if (!messages.empty() && messages.back()["role"] == "user" &&
        messages.back()["content"].is_array() && !messages.back()["content"].empty() &&
        messages.back()["content"].back().value("type", "") == "tool_result") {
      messages.back()["content"].push_back(std::move(block));
    } else {
      messages.push_back({{"role", "user"}, {"content", json::array({std::move(block)})}});
    }
    return;
  }
  if (message.tool_calls.empty()) {
    messages.push_back({{"role", message.role}, {"content", message.content}});
    return;
  }
  json blocks = json::array();
  if (!message.content.empty()) blocks.push_back({{"type", "text"}, {"text", message.content}});
  for (const ToolCall& call : message.tool_calls) {
    blocks.push_back(
        {{"type", "tool_use"}, {"id", call.id}, {"name", call.name}, {"input", ToolInput(call.arguments)}});
  }
  messages.push_back({{"role", message.role}, {"content", std::move(blocks)}});
}

json OpenAiMessage(const ChatMessage& message) {
  json out = {{"role", message.role}, {"content", message.content}};
  if (!message.tool_calls.empty()) out["tool_calls"] = ToolCallsToOpenAi(message.tool_calls);
  if (message.role == "tool") out["tool_call_id"] = message.tool_call_id;
  return out;
}

}  // namespace

Result<std::vector<ToolDefinition>> ToolsFromOpenAi(const json& tools) {
  if (!tools.is_array()) return Fail("'tools' must be an array");
  std::vector<ToolDefinition> out;
  for (size_t i = 0; i < tools.size(); ++i) {
    const json& tool = tools[i];
    const json function = tool.is_object() ? tool.value("function", json()) : json();
    if (!tool.is_object() || tool.value("type", "function") != "function" ||
        !function.is_object() || !function.contains("name") || !function["name"].is_string()) {
      return Fail("tools[{}] must be {{\"type\": \"function\", \"function\": {{\"name\": ...}}}}", i);
    }
    ToolDefinition definition;
    definition.name = function["name"].get<std::string>();
    if (function.contains("description") && function["description"].is_string()) {
      definition.description = function["description"].get<std::string>();
    }
    if (function.contains("parameters") && function["parameters"].is_object()) {
      definition.parameters = function["parameters"];
    }
    out.push_back(std::move(definition));
  }
  return out;
}

Result<ToolChoice> ToolChoiceFromOpenAi(const json& choice) {
  if (choice.is_string()) {
    std::string kind = choice.get<std::string>();
    if (kind == "auto") return ToolChoice{ToolChoice::Kind::kAuto, ""};
    if (kind == "none") return ToolChoice{ToolChoice::Kind::kNone, ""};
    if (kind == "required") return ToolChoice{ToolChoice::Kind::kRequired, ""};
  } else if (choice.is_object() && choice.value("type", "") == "function" &&
             choice.value("function", json()).is_object() &&
             choice["function"].value("name", json()).is_string()) {
    return ToolChoice{ToolChoice::Kind::kTool, choice["function"]["name"].get<std::string>()};
  }
  return Fail("'tool_choice' must be \"auto\", \"none\", \"required\" or {{\"type\": "
              "\"function\", \"function\": {{\"name\": ...}}}}");
}

Result<std::vector<ToolCall>> ToolCallsFromOpenAi(const json& calls) {
  if (!calls.is_array()) return Fail("'tool_calls' must be an array");
  std::vector<ToolCall> out;
  for (size_t i = 0; i < calls.size(); ++i) {
    const json& call = calls[i];
    const json function = call.is_object() ? call.value("function", json()) : json();
    if (!call.is_object() || !call.contains("id") || !call["id"].is_string() ||
        !function.is_object() || !function.contains("name") || !function["name"].is_string()) {
      return Fail("tool_calls[{}] needs an 'id' and a 'function' with a 'name'", i);
    }
    const json arguments = function.value("arguments", json("{}"));
    out.push_back({call["id"].get<std::string>(), function["name"].get<std::string>(),
                   arguments.is_string() ? arguments.get<std::string>() : arguments.dump()});
  }
  return out;
}

json ToolCallsToOpenAi(const std::vector<ToolCall>& calls) {
  json list = json::array();
  for (const ToolCall& call : calls) {
    list.push_back({{"id", call.id},
                    {"type", "function"},
                    {"function", {{"name", call.name}, {"arguments", call.arguments}}}});
  }
  return list;
}

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
        AddAnthropicMessage(message, messages);
      }
    }
    if (!system.empty()) body["system"] = system;
    if (!request.tools.empty()) {
      body["tools"] = AnthropicTools(request.tools);
      if (request.tool_choice) body["tool_choice"] = AnthropicToolChoice(*request.tool_choice);
    }
  } else {
    for (const ChatMessage& message : request.messages) messages.push_back(OpenAiMessage(message));
    if (request.seed) body["seed"] = *request.seed;
    if (!request.tools.empty()) {
      body["tools"] = OpenAiTools(request.tools);
      if (request.tool_choice) body["tool_choice"] = OpenAiToolChoice(*request.tool_choice);
    }
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
