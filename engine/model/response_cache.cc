#include "engine/model/response_cache.h"

#include <nlohmann/json.hpp>

#include "support/fs.h"
#include "support/hash.h"

namespace clade::model {

std::string ResponseCache::Key(const std::string& request) {
  return ContentHash().Add("clade-model-cache").Add(request).Hex();
}

std::filesystem::path ResponseCache::Path(const std::string& key) const {
  return directory_ / key.substr(0, 2) / (key + ".json");
}

std::optional<ChatResponse> ResponseCache::Lookup(const std::string& request) const {
  if (!enabled()) return std::nullopt;
  Result<std::string> text = ReadFile(Path(Key(request)));
  if (!text) return std::nullopt;
  nlohmann::json entry = nlohmann::json::parse(*text, nullptr, false);
  // The stored request must match: a hash collision or a damaged file is a miss.
  if (!entry.is_object() || entry.value("request", "") != request || !entry.contains("text")) {
    return std::nullopt;
  }
  try {
    ChatResponse response;
    response.text = entry.at("text").get<std::string>();
    response.finish_reason = entry.value("finish_reason", "");
    response.usage.input_tokens = entry.value("input_tokens", int64_t{0});
    response.usage.output_tokens = entry.value("output_tokens", int64_t{0});
    for (const nlohmann::json& call : entry.value("tool_calls", nlohmann::json::array())) {
      response.tool_calls.push_back({call.at("id").get<std::string>(),
                                     call.at("name").get<std::string>(),
                                     call.at("arguments").get<std::string>()});
    }
    response.cached = true;
    return response;
  } catch (const nlohmann::json::exception&) {
    return std::nullopt;
  }
}

Result<> ResponseCache::Store(const std::string& request, const ChatResponse& response) const {
  if (!enabled()) return {};
  std::filesystem::path path = Path(Key(request));
  std::error_code error;
  std::filesystem::create_directories(path.parent_path(), error);
  if (error) {
    return Fail("cannot create the model cache directory {}: {}", path.parent_path().string(),
                error.message());
  }
  nlohmann::json entry = {{"request", request},
                          {"text", response.text},
                          {"finish_reason", response.finish_reason},
                          {"input_tokens", response.usage.input_tokens},
                          {"output_tokens", response.usage.output_tokens}};
  if (!response.tool_calls.empty()) {
    nlohmann::json calls = nlohmann::json::array();
    for (const ToolCall& call : response.tool_calls) {
      calls.push_back({{"id", call.id}, {"name", call.name}, {"arguments", call.arguments}});
    }
    entry["tool_calls"] = std::move(calls);
  }
  return WriteFileAtomic(
      path, entry.dump(1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
}

}  // namespace clade::model
