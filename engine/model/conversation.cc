#include "engine/model/conversation.h"

#include <fmt/format.h>

#include "support/strings.h"

namespace clade::model {

namespace {
constexpr size_t kLogCap = 256 * 1024;
}

Conversation::Conversation(ModelClient& client, std::string system, uint64_t seed,
                           std::string prefix)
    : client_(client), seed_(seed), prefix_(std::move(prefix)) {
  messages_.push_back({"system", system});
  logs_[prefix_ + "00-system.md"] = CapText(system, kLogCap);
}

Result<std::string> Conversation::Ask(const std::string& step, const std::string& prompt) {
  ++step_;
  std::string name = fmt::format("{}{:02}-{}", prefix_, step_, step);
  logs_[name + ".prompt.md"] = CapText(prompt, kLogCap);
  messages_.push_back({"user", prompt});
  ChatRequest request{.messages = messages_, .seed = seed_};
  Result<ChatResponse> answer = client_.Chat(request);
  if (!answer) {
    logs_[name + ".error.txt"] = answer.error().message;
    return tl::unexpected(answer.error());
  }
  logs_[name + ".response.md"] = CapText(answer->text, kLogCap);
  if (answer->cached) {
    ++spent_.cached;
  } else {
    ++spent_.calls;
    spent_.input_tokens += answer->usage.input_tokens;
    spent_.output_tokens += answer->usage.output_tokens;
    spent_.cost += answer->cost;
  }
  finish_reason_ = answer->finish_reason;
  messages_.push_back({"assistant", answer->text});
  return answer->text;
}

}  // namespace clade::model
