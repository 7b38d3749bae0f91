#include "engine/search/run_memory.h"

#include <algorithm>
#include <map>
#include <string>

#include <fmt/format.h>

#include "support/eval_status.h"
#include "support/strings.h"

namespace clade::search {
namespace {

constexpr size_t kMaxFailingTasks = 8;

std::optional<double> Score(const nlohmann::json& record) {
  if (!record.contains("score") || !record["score"].is_number()) return std::nullopt;
  return record["score"].get<double>();
}

std::map<std::string, double> TaskScores(const nlohmann::json& record) {
  std::map<std::string, double> scores;
  for (const auto& task : record.value("tasks", nlohmann::json::array())) {
    if (task.is_object()) scores[task.value("id", "")] = task.value("score", 0.0);
  }
  return scores;
}

// The tasks the child did not solve: those it did worse on than its parent first.
std::vector<std::string> FailingTasks(const nlohmann::json& record,
                                      const std::map<std::string, double>& parent) {
  std::vector<std::string> lost, unsolved;
  for (const auto& [task, score] : TaskScores(record)) {
    if (score >= 1.0) continue;
    auto before = parent.find(task);
    (before != parent.end() && score < before->second ? lost : unsolved).push_back(task);
  }
  lost.insert(lost.end(), unsolved.begin(), unsolved.end());
  if (lost.size() > kMaxFailingTasks) lost.resize(kMaxFailingTasks);
  return lost;
}

// The first line of a build log that reports an error ("" if none does). The harness's
// "$ COMMAND" lines are not reports, though a command may name -Werror.
std::string FirstErrorLine(std::string_view log) {
  for (const std::string& line : Split(log, '\n')) {
    if (line.rfind("$ ", 0) == 0) continue;
    if (line.find("error") != std::string::npos) return std::string(Trim(line));
  }
  return "";
}

std::string Why(const nlohmann::json& record, std::string_view build_log) {
  if (record.contains("error") && record["error"].is_string()) {
    return record["error"].get<std::string>();
  }
  Result<EvalStatus> status = ParseEvalStatus(record.value("status", ""));
  if (status && IsBuildFailure(*status)) return FirstErrorLine(build_log);
  const nlohmann::json mutation = record.value("mutation", nlohmann::json::object());
  return mutation.is_object() ? mutation.value("title", "") : "";
}

}  // namespace

Result<mutation::Lesson> LessonOf(archive::Archive& archive, archive::VariantId id,
                                  std::string_view benchmark, const nlohmann::json& record,
                                  std::string_view build_log) {
  const archive::Variant& variant = archive.variant(id);
  mutation::Lesson lesson;
  lesson.variant = id;
  lesson.parent = variant.parents.empty() ? id : variant.parents.front();
  lesson.mutator = variant.mutator;
  const nlohmann::json mutation = record.value("mutation", nlohmann::json::object());
  if (mutation.is_object()) lesson.model = mutation.value("model", "");
  lesson.summary = variant.summary;
  mutation::ChangedCode changed =
      mutation::ChangedCodeOf(CLADE_TRY(archive.Diff(lesson.parent, id)));
  lesson.files = std::move(changed.files);
  lesson.functions = std::move(changed.functions);
  lesson.status = record.value("status", "");
  Result<EvalStatus> status = ParseEvalStatus(lesson.status);
  if (status && WasScored(*status)) lesson.score = Score(record);
  auto parent_record = CLADE_TRY(archive.Record(lesson.parent, benchmark));
  nlohmann::json parent = parent_record ? *parent_record : nlohmann::json::object();
  lesson.parent_score = Score(parent);
  lesson.failing_tasks = FailingTasks(record, TaskScores(parent));
  lesson.diagnosis = Why(record, build_log);
  return lesson;
}

Result<mutation::Lesson> WriteLesson(archive::Archive& archive, archive::VariantId id,
                                     std::string_view benchmark, const nlohmann::json& record,
                                     std::string_view build_log) {
  mutation::Lesson lesson = CLADE_TRY(LessonOf(archive, id, benchmark, record, build_log));
  CLADE_TRY(archive.SetLesson(id, lesson.ToJson().dump(2) + "\n", "lesson " + lesson.Line()));
  return lesson;
}

Result<std::vector<mutation::Lesson>> LoadLessons(archive::Archive& archive) {
  std::vector<mutation::Lesson> lessons;
  for (const auto& [id, text] : CLADE_TRY(archive.Lessons())) {
    auto json = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    Result<mutation::Lesson> lesson = mutation::Lesson::FromJson(json);
    if (json.is_discarded() || !lesson) {
      return Fail("refs/clade/memory:lessons/{}.json in {} is not a lesson: {}", id,
                  archive.path().string(),
                  json.is_discarded() ? "not valid JSON" : lesson.error().message);
    }
    lessons.push_back(std::move(*lesson));
  }
  return lessons;
}

}  // namespace clade::search
