// The two wire protocols: OpenAI chat completions and Anthropic Messages. Pure functions
// from requests to JSON bodies and from response bodies to answers, so they are tested
// without a network.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "engine/model/chat.h"
#include "engine/model/model_config.h"
#include "support/error.h"

namespace clade::model {

// The JSON body of a call to config.Endpoint() (the key is never in it). Anthropic gets
// the system messages joined into "system"; OpenAI gets "seed" when the request has one.
// Tools: OpenAI "tools" of type function, "tool_choice", assistant "tool_calls" and "tool"
// messages; Anthropic "tools" with "input_schema", "tool_choice" (required is "any"),
// assistant "tool_use" blocks and the "tool_result" blocks of a user message (consecutive
// tool messages become one user message, as Anthropic requires).
nlohmann::json EncodeRequest(const ModelConfig& config, const ChatRequest& request);

// The answer in a 2xx response body, tool calls included (Anthropic's stop_reason
// "tool_use" is finish_reason "tool_calls"). A body that is not JSON, or JSON without the
// answer (truncated, another protocol), is an error naming what is missing.
Result<ChatResponse> DecodeResponse(Provider provider, const std::string& body);

// The message of an error body ({"error": {"message": ...}} for both protocols), or the
// first 200 bytes of the body when it has none.
std::string ErrorMessage(const std::string& body);

// The text of an OpenAI message "content": a string, or a list of {"type":"text","text"}.
std::string ContentText(const nlohmann::json& content);

// OpenAI's forms of the tool types, for the model socket (which speaks OpenAI to agents).
// Errors: a sentence naming the entry that is malformed.
Result<std::vector<ToolDefinition>> ToolsFromOpenAi(const nlohmann::json& tools);
Result<ToolChoice> ToolChoiceFromOpenAi(const nlohmann::json& choice);
Result<std::vector<ToolCall>> ToolCallsFromOpenAi(const nlohmann::json& calls);
nlohmann::json ToolCallsToOpenAi(const std::vector<ToolCall>& calls);

}  // namespace clade::model
