// What a scripted model writes to make agents/coder call a tool: one call in the text
// format of the agent's system prompt (agents/coder/src/prompts.cc).
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace clade::agents_test {

inline std::string TextCall(const std::string& name, const nlohmann::json& arguments) {
  return "<tool_call>\n" + nlohmann::json{{"name", name}, {"arguments", arguments}}.dump() +
         "\n</tool_call>\n";
}

}  // namespace clade::agents_test
