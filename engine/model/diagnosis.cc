#include "engine/model/diagnosis.h"

#include <algorithm>

#include <fmt/format.h>

#include "engine/mutation/outline.h"
#include "support/strings.h"

namespace clade::model {
namespace {

constexpr size_t kTaskLogCap = 16 * 1024;

// Whether the parent's record says the task was solved.
bool Solved(const nlohmann::json& record, const std::string& id) {
  if (!record.is_object() || !record.contains("tasks") || !record["tasks"].is_array()) return false;
  for (const nlohmann::json& task : record["tasks"]) {
    if (task.is_object() && task.value("id", "") == id) return task.value("status", "") == "solved";
  }
  return false;
}

}  // namespace

Result<ParentAgent> OpenParent(const std::filesystem::path& source) {
  ParentAgent parent;
  parent.spec = CLADE_TRY(sandbox::LoadAgentSpec(source));
  mutation::AgentSourceOptions options;
  if (!parent.spec.editable.empty()) options.editable = parent.spec.editable;
  parent.source = CLADE_TRY(mutation::AgentSource::Open(source, options));
  parent.index = CLADE_TRY(mutation::BuildSourceIndex(parent.source));
  parent.outline = mutation::Outline(parent.index);
  return parent;
}

std::optional<FailedTask> ChooseFailedTask(const mutation::MutationRequest& request) {
  std::vector<const std::pair<const std::string, std::string>*> failed;
  for (const auto& entry : request.task_logs) {  // a std::map: sorted, so the draw is stable
    if (!Solved(request.parent_record, entry.first)) failed.push_back(&entry);
  }
  if (failed.empty()) return std::nullopt;
  // SplitMix64 of the seed: the same request picks the same task everywhere.
  uint64_t z = request.seed + 0x9e3779b97f4a7c15ULL;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  z ^= z >> 31;
  const auto* chosen = failed[z % failed.size()];
  return FailedTask{chosen->first, chosen->second};
}

std::string PromptLog(std::string_view log) {
  std::string out;
  out.reserve(log.size());
  size_t at = 0;
  while (at < log.size()) {
    size_t end = log.find('\n', at);
    end = end == std::string_view::npos ? log.size() : end + 1;
    std::string_view line = log.substr(at, end - at);
    std::string_view bare = line.substr(0, line.find_last_not_of('\n') + 1);
    size_t open = line.find(" (");
    size_t comma = line.find(", ", open);
    // "== STEP (STATUS, ... s)": the harness's timing, kept to its status.
    if (line.starts_with("== ") && open != std::string_view::npos &&
        comma != std::string_view::npos && bare.ends_with(" s)")) {
      out += line.substr(0, comma);
      out += line.ends_with('\n') ? ")\n" : ")";
    } else {
      out += line;
    }
    at = end;
  }
  return out;
}

std::string TitleOf(const std::string& answer) {
  std::string first;
  for (const std::string& raw : Split(answer, '\n')) {
    std::string_view line = Trim(raw);
    while (!line.empty() && (line.front() == '#' || line.front() == '*'))
      line = Trim(line.substr(1));
    if (line.empty()) continue;
    if (line.substr(0, 6) == "Title:") {
      first = std::string(Trim(line.substr(6)));
      break;
    }
    if (first.empty()) first = std::string(line);
  }
  while (!first.empty() && first.back() == '*') first.pop_back();
  if (first.size() > 72) first = first.substr(0, 69) + "...";
  return first;
}

Result<Diagnosis> Diagnose(Conversation& conversation, const Prompts& prompts,
                           const ParentAgent& parent, const mutation::MutationRequest& request) {
  std::optional<FailedTask> task = ChooseFailedTask(request);
  std::string score = "not evaluated";
  if (request.parent_record.is_object() && request.parent_record.contains("score") &&
      request.parent_record["score"].is_number()) {
    score = fmt::format("{:.3f}", request.parent_record["score"].get<double>());
  }
  std::vector<int> lessons;
  std::string prompt = prompts.Render(
      "diagnose",
      {{"agent_name", parent.spec.name},
       {"score", score},
       {"outline", parent.outline},
       {"task_id", task ? task->id : "(none: no failed task has a log)"},
       {"task_log", task ? CapText(PromptLog(task->log), kTaskLogCap)
                         : "No log of a failed task is available. Propose a change that "
                           "makes the agent more capable in general."},
       {"lessons", LessonsFor(request, task ? task->id : "", lessons)}});
  std::string answer = CLADE_TRY(conversation.Ask("diagnose", prompt));
  if (Trim(answer).empty()) {
    return FailAs(ErrorKind::kNoChild, "the model's diagnosis of variant {} is empty",
                  request.parent);
  }
  return Diagnosis{TitleOf(answer), answer, task ? task->id : "", std::move(lessons)};
}

std::string LessonsFor(const mutation::MutationRequest& request, std::string_view text,
                       std::vector<int>& used) {
  std::vector<const mutation::Lesson*> chosen =
      mutation::SelectLessons(request.lessons, {request.parent, text}, request.max_lessons);
  for (const mutation::Lesson* lesson : chosen) {
    if (std::find(used.begin(), used.end(), lesson->variant) == used.end()) {
      used.push_back(lesson->variant);
    }
  }
  return mutation::RenderLessons(chosen);
}

}  // namespace clade::model
