// The first step of the llm and self mutators (DGM's diagnosis): the parent's outline and
// the log of a task it failed go to the model, which proposes one change.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/model/conversation.h"
#include "engine/model/prompts.h"
#include "engine/mutation/agent_source.h"
#include "engine/mutation/mutator.h"
#include "engine/mutation/source_index.h"
#include "sandbox/agent_spec.h"
#include "support/error.h"

namespace clade::model {

// A parent's source as the mutators see it.
struct ParentAgent {
  sandbox::AgentSpec spec;       // its agent.yaml
  mutation::AgentSource source;  // with the spec's editable globs
  mutation::SourceIndex index;
  std::string outline;  // mutation::Outline(index)
};

// Reads agent.yaml and indexes the source. Errors name the directory.
Result<ParentAgent> OpenParent(const std::filesystem::path& source);

struct FailedTask {
  std::string id;
  std::string log;
};

// A task the parent failed, chosen as DGM does: uniformly (by `request.seed`) among the
// tasks with a log in request.task_logs that the parent's record does not mark solved.
std::optional<FailedTask> ChooseFailedTask(const mutation::MutationRequest& request);

// A task's log as a prompt shows it: the seconds are left out of the harness's step lines,
// `== agent (STATUS, W s, C CPU s)`, `== hidden test (STATUS, W s)` and `== hidden test
// build (STATUS, W s)` (harness.cc, hidden_test.cc), so the same failure makes the same
// prompt on any machine and at any load, and a replay hits the response cache.
std::string PromptLog(std::string_view log);

struct Diagnosis {
  std::string title;  // one line, for the commit subject
  std::string text;   // the whole answer: diagnosis and proposal
  std::string task;   // the task it was made from (empty if none)
  std::vector<int> lessons;  // the run memory's lessons its prompt showed (variant ids)
};

// The lessons for a prompt about `text` (SelectLessons, request.max_lessons of them), their
// ids appended to `used` (each once).
std::string LessonsFor(const mutation::MutationRequest& request, std::string_view text,
                       std::vector<int>& used);

// The first line "Title: ..." of an answer, else its first non-empty line; at most 72 bytes.
std::string TitleOf(const std::string& answer);

// Asks the model for a diagnosis. An empty answer is an ErrorKind::kNoChild error; a model
// failure is the client's error (infrastructure).
Result<Diagnosis> Diagnose(Conversation& conversation, const Prompts& prompts,
                           const ParentAgent& parent, const mutation::MutationRequest& request);

}  // namespace clade::model
