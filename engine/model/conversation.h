// One conversation of a mutator with the model: the messages so far, what the calls
// spent, and every prompt and answer as log files for the child's record.
// Thread safety: one Conversation belongs to one Propose call.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "engine/model/chat.h"
#include "engine/model/model_client.h"
#include "support/error.h"

namespace clade::model {

class Conversation {
 public:
  // `prefix` starts every log name ("llm/"); `seed` goes with every request.
  Conversation(ModelClient& client, std::string system, uint64_t seed, std::string prefix);

  // Sends `prompt` as the next user message and returns the answer, which joins the
  // conversation. Logs "<prefix>NN-<step>.prompt.md" and "...response.md". Errors are the
  // client's (infrastructure failures).
  Result<std::string> Ask(const std::string& step, const std::string& prompt);
  // Forgets the messages (the system message stays): the next Ask starts afresh.
  void Restart() { messages_.resize(1); }

  const std::map<std::string, std::string>& logs() const { return logs_; }
  // Spent on provider calls (cached answers cost nothing).
  const Spent& spent() const { return spent_; }
  // The finish reason of the last answer ("length": it was cut at max_tokens).
  const std::string& finish_reason() const { return finish_reason_; }

 private:
  ModelClient& client_;
  uint64_t seed_;
  std::string prefix_;
  std::vector<ChatMessage> messages_;
  std::map<std::string, std::string> logs_;
  Spent spent_;
  std::string finish_reason_;
  int step_ = 0;
};

}  // namespace clade::model
