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

// The engine's model client pointed at a scripted OpenAI-style server at `base_url`: no
// retries and no response cache, so every turn reaches the script.
inline model::ModelConfig ScriptedModelConfig(const std::string& base_url) {
  model::ModelConfig config;
  config.provider = model::Provider::kOpenAi;
  config.base_url = base_url;
  config.name = "scripted";
  config.retries = 0;
  config.cache = "none";
  return config;
}

}  // namespace clade::agents_test
