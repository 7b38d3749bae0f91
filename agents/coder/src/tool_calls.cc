#include "tool_calls.h"

namespace coder {
namespace {

using nlohmann::json;

constexpr char kOpen[] = "<tool_call>";
constexpr char kClose[] = "</tool_call>";

std::string Trim(const std::string& text) {
  size_t begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string::npos) return "";
  size_t end = text.find_last_not_of(" \t\r\n");
  return text.substr(begin, end - begin + 1);
}

// Drops a Markdown fence some models put around the JSON.
std::string StripFence(std::string text) {
  text = Trim(text);
  if (text.compare(0, 3, "```") != 0) return text;
  size_t first_line_end = text.find('\n');
  if (first_line_end == std::string::npos) return text;
  text = text.substr(first_line_end + 1);
  size_t fence = text.rfind("```");
  if (fence != std::string::npos) text = text.substr(0, fence);
  return Trim(text);
}

// "arguments" may be an object or, as in OpenAI's wire format, a string holding one.
ToolCall FromJson(const json& call, std::string id) {
  ToolCall result;
  result.id = std::move(id);
  result.name = call.value("name", "");
  // Llama-style calls say "parameters".
  json arguments = call.contains("arguments")    ? call["arguments"]
                   : call.contains("parameters") ? call["parameters"]
                                                 : json::object();
  if (arguments.is_string()) {
    std::string text = arguments.get<std::string>();
    arguments = text.empty() ? json::object() : json::parse(text, nullptr, false);
    if (arguments.is_discarded()) {
      result.error = "the arguments of tool call '" + result.name + "' are not valid JSON";
      arguments = json::object();
    }
  }
  if (arguments.is_null()) arguments = json::object();
  if (!arguments.is_object() && result.error.empty()) {
    result.error = "the arguments of tool call '" + result.name + "' must be a JSON object";
    arguments = json::object();
  }
  result.arguments = std::move(arguments);
  if (result.name.empty() && result.error.empty()) result.error = "a tool call has no \"name\"";
  return result;
}

// Calls written as fenced JSON blocks (```json ... ```), as models untrained on the tag
// format tend to: only blocks that are an object with a string "name" and object
// "arguments" (or "parameters") count; anything else is ordinary text.
std::vector<ToolCall> ParseFencedCalls(const std::string& text) {
  std::vector<ToolCall> calls;
  size_t pos = 0;
  while ((pos = text.find("```", pos)) != std::string::npos) {
    size_t body = text.find('\n', pos);
    if (body == std::string::npos) break;
    size_t end = text.find("```", body);
    if (end == std::string::npos) break;
    json call = json::parse(text.substr(body + 1, end - body - 1), nullptr, false);
    pos = end + 3;
    if (!call.is_object() || !call.contains("name") || !call["name"].is_string()) continue;
    json arguments =
        call.contains("arguments") ? call["arguments"] : call.value("parameters", json());
    if (!arguments.is_object()) continue;
    calls.push_back(FromJson(call, ""));
  }
  return calls;
}

}  // namespace

std::vector<ToolCall> ParseOpenAiToolCalls(const json& tool_calls) {
  std::vector<ToolCall> calls;
  if (!tool_calls.is_array()) return calls;
  for (const json& call : tool_calls) {
    if (!call.is_object()) continue;
    json function = call.value("function", json::object());
    if (!function.is_object()) function = json::object();
    calls.push_back(FromJson(function, call.value("id", "")));
  }
  return calls;
}

std::vector<ToolCall> ParseTextToolCalls(const std::string& text) {
  std::vector<ToolCall> calls;
  size_t pos = 0;
  while ((pos = text.find(kOpen, pos)) != std::string::npos) {
    size_t start = pos + sizeof kOpen - 1;
    size_t end = text.find(kClose, start);
    std::string block =
        StripFence(text.substr(start, end == std::string::npos ? end : end - start));
    pos = end == std::string::npos ? text.size() : end + sizeof kClose - 1;
    json call;
    std::string problem;
    try {
      call = json::parse(block);
      if (!call.is_object()) problem = "it is not a JSON object";
    } catch (const json::parse_error& error) {
      problem = error.what();
    }
    if (!problem.empty()) {
      ToolCall bad;
      bad.error = end == std::string::npos
                      ? "a <tool_call> block was not closed (was the answer cut off?)"
                      : "a <tool_call> block could not be read (" + problem +
                            "); write exactly one JSON object with \"name\" and \"arguments\", "
                            "newlines in strings escaped as \\n";
      calls.push_back(std::move(bad));
      continue;
    }
    calls.push_back(FromJson(call, ""));
  }
  if (calls.empty()) return ParseFencedCalls(text);
  return calls;
}

}  // namespace coder
