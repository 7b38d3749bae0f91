#include "agent.h"

#include <chrono>
#include <cstdio>

#include "file_tools.h"
#include "model.h"
#include "prompts.h"
#include "tools.h"
#include <nlohmann/json.hpp>

namespace coder {
namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

void Log(const std::string& line) {
  std::fprintf(stderr, "coder: %s\n", line.c_str());
  std::fflush(stderr);
}

std::string Names(const std::vector<ToolCall>& calls) {
  std::string names;
  for (const ToolCall& call : calls) {
    names += (names.empty() ? "" : ", ") + (call.name.empty() ? "?" : call.name);
  }
  return names;
}

// The assistant message as it goes back into the history: role, content and, for
// OpenAI tool calls (`native_calls`, may be null), the calls, each given an id if it has
// none.
json HistoryMessage(const std::string& content, std::vector<ToolCall>* native_calls) {
  json message = {{"role", "assistant"}, {"content", content}};
  if (native_calls == nullptr || native_calls->empty()) return message;
  json calls = json::array();
  for (size_t i = 0; i < native_calls->size(); ++i) {
    ToolCall& call = (*native_calls)[i];
    if (call.id.empty()) call.id = "call_" + std::to_string(i);
    calls.push_back({{"id", call.id},
                     {"type", "function"},
                     {"function", {{"name", call.name}, {"arguments", call.arguments.dump()}}}});
  }
  message["tool_calls"] = calls;
  if (content.empty()) message["content"] = nullptr;
  return message;
}

double Since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

std::string Seconds(double seconds) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f s", seconds);
  return text;
}

// A tool result in the history: a "tool" message, or a user message of <tool_result>
// blocks (the first two messages, system and task, never are).
bool IsToolResult(const json& message) {
  std::string role = message.value("role", "");
  if (role == "tool") return true;
  return role == "user" && message["content"].is_string() &&
         message["content"].get<std::string>().rfind("<tool_result", 0) == 0;
}

// Replaces the oldest tool results by a note until the history fits `max_bytes` or only
// the last `keep_recent` messages are left whole. Returns how many were replaced.
int CompactHistory(json* messages, size_t max_bytes, size_t keep_recent) {
  static const std::string kNote = "[this old tool output was removed to keep the context short]";
  int replaced = 0;
  size_t size = messages->dump().size();
  for (size_t i = 2; i + keep_recent < messages->size() && size > max_bytes; ++i) {
    json& message = (*messages)[i];
    if (!IsToolResult(message)) continue;
    std::string note =
        message["role"] == "tool" ? kNote : "<tool_result>" + kNote + "</tool_result>";
    if (message["content"] == note) continue;
    size -= message["content"].get<std::string>().size();
    message["content"] = note;
    size += note.size();
    ++replaced;
  }
  return replaced;
}

}  // namespace

int RunAgent(const Task& task, const std::string& socket_path, const std::string& model_name,
             const Limits& limits) {
  auto start = Clock::now();
  auto deadline =
      start + std::chrono::milliseconds(static_cast<int64_t>(
                  (task.agent_seconds * limits.time_share - limits.margin_seconds) * 1000));
  auto seconds_left = [&] {
    return std::chrono::duration<double>(deadline - Clock::now()).count();
  };
  ToolContext context{task.visible_test, limits.test_timeout_seconds, deadline};
  ModelClient model(socket_path, model_name);
  json tools = ToolSchemas();
  json messages = json::array({{{"role", "system"}, {"content", SystemPrompt()}},
                               {{"role", "user"}, {"content", TaskPrompt(task, ListFiles("."))}}});
  int64_t tokens = 0;
  bool native_seen = false;  // the server has answered with native tool calls
  for (int turn = 1; turn <= limits.max_turns; ++turn) {
    if (seconds_left() < limits.min_turn_seconds) {
      Log("stopped: time limit (" + std::to_string(static_cast<int>(seconds_left())) + " s left)");
      return 0;
    }
    if (tokens >= limits.max_tokens) {
      Log("stopped: token limit (" + std::to_string(tokens) + " tokens used)");
      return 0;
    }
    int compacted = CompactHistory(&messages, limits.max_context_bytes, limits.keep_recent);
    if (compacted > 0) Log("removed " + std::to_string(compacted) + " old tool results");
    auto call_start = Clock::now();
    ModelReply reply = model.Chat(messages, tools, limits.max_answer_tokens, seconds_left());
    if (reply.kind == ModelReply::Kind::kError && !tools.empty() && !native_seen) {
      // A server that does not take `tools` (llama.cpp without --jinja, older vLLM) refuses
      // the request: go on without them, with the text protocol of the system prompt.
      Log("the model call with native tools failed (" + reply.error +
          "); going on with the text tool-call protocol");
      tools = json::array();
      reply = model.Chat(messages, tools, limits.max_answer_tokens, seconds_left());
    }
    double model_seconds = Since(call_start);
    if (reply.kind == ModelReply::Kind::kBudgetSpent) {
      Log("stopped: the model budget is spent (" + reply.error + ")");
      return 0;
    }
    if (reply.kind == ModelReply::Kind::kError) {
      Log("stopped: the model call failed: " + reply.error);
      return 1;
    }
    tokens += reply.input_tokens + reply.output_tokens;
    bool native = !reply.tool_calls.empty();
    native_seen = native_seen || native;
    std::vector<ToolCall> calls = native ? reply.tool_calls : ParseTextToolCalls(reply.content);
    messages.push_back(HistoryMessage(reply.content, native ? &calls : nullptr));
    std::string turn_line = "turn " + std::to_string(turn) + ": model " + Seconds(model_seconds) +
                            ", " + std::to_string(reply.input_tokens) + "+" +
                            std::to_string(reply.output_tokens) + " tokens, " +
                            std::to_string(calls.size()) + " tool calls";
    if (calls.empty()) {
      Log(turn_line);
      if (reply.finish_reason == "length") {
        messages.push_back({{"role", "user"}, {"content", ContinuePrompt()}});
        continue;
      }
      Log("done: the model answered without a tool call after " + std::to_string(turn) +
          " turns, " + std::to_string(tokens) + " tokens");
      return 0;
    }
    auto tools_start = Clock::now();
    std::string results;
    for (const ToolCall& call : calls) {
      std::string result = RunTool(call, context);
      if (native) {
        messages.push_back({{"role", "tool"}, {"tool_call_id", call.id}, {"content", result}});
      } else {
        results += ToolResultBlock(call.name, result);
      }
    }
    if (!native) messages.push_back({{"role", "user"}, {"content", results}});
    Log(turn_line + " (" + Names(calls) + ") " + Seconds(Since(tools_start)));
  }
  Log("stopped: turn limit (" + std::to_string(limits.max_turns) + " turns)");
  return 0;
}

}  // namespace coder
