// What the agent tests' scripted model needs: the text a model writes to make agents/coder
// call a tool, and the configuration of the engine's client for the loopback server.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "engine/model/model_config.h"

namespace clade::agents_test {

// One tool call in the text format of the agent's system prompt
// (agents/coder/src/prompts.cc).
inline std::string TextCall(const std::string& name, const nlohmann::json& arguments) {
  return "<tool_call>\n" + nlohmann::json{{"name", name}, {"arguments", arguments}}.dump() +
         "\n</tool_call>\n";
}

// An Anthropic answer calling tool `name` with `arguments` (a tool_use block, stop_reason
// tool_use), after an optional text block.
inline std::string AnthropicToolUse(const std::string& id, const std::string& name,
                                    const nlohmann::json& arguments, const std::string& text = "") {
  nlohmann::json content = nlohmann::json::array();
  if (!text.empty()) content.push_back({{"type", "text"}, {"text", text}});
  content.push_back({{"type", "tool_use"}, {"id", id}, {"name", name}, {"input", arguments}});
  return nlohmann::json{{"id", "msg_" + id},
                        {"type", "message"},
                        {"role", "assistant"},
                        {"content", content},
                        {"stop_reason", "tool_use"},
                        {"usage", {{"input_tokens", 50}, {"output_tokens", 20}}}}
      .dump();
}

// The engine's model client pointed at a scripted server at `base_url` speaking
// `provider`'s protocol: no retries and no response cache, so every turn reaches the
// script.
inline model::ModelConfig ScriptedModelConfig(const std::string& base_url,
                                              model::Provider provider = model::Provider::kOpenAi) {
  model::ModelConfig config;
  config.provider = provider;
  config.base_url = base_url;
  config.name = "scripted";
  config.retries = 0;
  config.cache = "none";
  return config;
}

}  // namespace clade::agents_test
