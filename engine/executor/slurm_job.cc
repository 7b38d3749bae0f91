#include "engine/executor/slurm_job.h"

#include <random>

#include <fmt/format.h>

#include "support/fs.h"
#include "support/strings.h"

namespace clade::executor {

namespace {

using nlohmann::json;

constexpr std::string_view kKindNames[] = {"child", "build", "task"};

std::optional<JobKind> KindOfName(const std::string& name) {
  for (size_t i = 0; i < std::size(kKindNames); ++i) {
    if (name == kKindNames[i]) return static_cast<JobKind>(i);
  }
  return std::nullopt;
}

// The status `j` names; throws std::invalid_argument when it names none, like the json
// accessors around it throw on a missing field.
EvalStatus StatusOfJson(const json& j) {
  auto status = ParseEvalStatus(j.get<std::string>());
  if (!status) throw std::invalid_argument(status.error().message);
  return *status;
}

sandbox::TaskResult TaskOfJson(const json& j) {
  sandbox::TaskResult task;
  task.id = j.at("id").get<std::string>();
  task.score = j.at("score").get<double>();
  task.status = j.at("status").get<std::string>();
  task.seconds = j.value("seconds", 0.0);
  task.cpu_seconds = j.value("cpu_seconds", 0.0);
  task.passed = j.value("passed", 0);
  task.failed = j.value("failed", 0);
  task.log = j.value("log", "");
  if (j.contains("visible")) {
    task.visible = sandbox::CaseCounts{j["visible"].value("passed", 0), j["visible"].value("failed", 0)};
  }
  return task;
}

sandbox::BuildResult BuildOfJson(const json& j) {
  sandbox::BuildResult build;
  if (j.at("status") != "ok") build.failure = StatusOfJson(j.at("status"));
  build.seconds = j.value("seconds", 0.0);
  build.log = j.value("log", "");
  build.files_written = j.value("files_written", 0);
  return build;
}

// of(j), or an error (kUsage) naming `what` j is not.
template <typename Of>
auto Parsed(const json& j, const char* what, Of of) -> Result<decltype(of(j))> {
  try {
    return of(j);
  } catch (const std::exception& e) {  // json::exception, or StatusOfJson's
    return FailAs(ErrorKind::kUsage, "not {}: {}", what, e.what());
  }
}

}  // namespace

std::string_view ResultKey(JobKind kind) {
  constexpr std::string_view kKeys[] = {"evaluation", "build", "task"};
  return kKeys[static_cast<size_t>(kind)];
}

json TaskToJson(const sandbox::TaskResult& task) {
  json j = {{"id", task.id},
            {"score", task.score},
            {"status", task.status},
            {"seconds", task.seconds},
            {"cpu_seconds", task.cpu_seconds},
            {"passed", task.passed},
            {"failed", task.failed},
            {"log", task.log}};
  if (task.visible) j["visible"] = {{"passed", task.visible->passed}, {"failed", task.visible->failed}};
  return j;
}

Result<sandbox::TaskResult> TaskFromJson(const json& j) {
  return Parsed(j, "a task outcome", TaskOfJson);
}

json BuildToJson(const sandbox::BuildResult& build) {
  return {{"status", build.failure ? EvalStatusName(*build.failure) : "ok"},
          {"seconds", build.seconds},
          {"log", build.log},
          {"files_written", build.files_written}};
}

Result<sandbox::BuildResult> BuildFromJson(const json& j) {
  return Parsed(j, "a build outcome", BuildOfJson);
}

json JobSpec::ToJson() const {
  json stage_list = json::array();
  for (const sandbox::Stage& stage : stages) {
    stage_list.push_back({{"tasks", stage.tasks}, {"threshold", stage.threshold}});
  }
  json hidden_list = json::array();
  for (const fs::path& path : hidden) hidden_list.push_back(path.string());
  json read_only_list = json::array();
  for (const fs::path& path : read_only) read_only_list.push_back(path.string());
  return {{"kind", kKindNames[static_cast<size_t>(kind)]},
          {"source", source.string()},
          {"built", built.string()},
          {"task", task},
          {"suite", suite.string()},
          {"stages", stage_list},
          {"max_tasks", max_tasks ? json(*max_tasks) : json()},
          {"task_workers", task_workers},
          {"build_seconds", build_seconds},
          {"build_memory_mb", build_memory_mb},
          {"require_isolation", require_isolation},
          {"read_only", read_only_list},
          {"disk_mb", disk_mb},
          {"work", work.string()},
          {"hidden", hidden_list}};
}

Result<JobSpec> JobSpec::FromJson(const json& j) {
  try {
    JobSpec spec;
    std::string kind = j.value("kind", "child");
    if (!KindOfName(kind)) return FailAs(ErrorKind::kUsage, "not a job spec: kind '{}'", kind);
    spec.kind = *KindOfName(kind);
    spec.source = j.value("source", "");
    spec.built = j.value("built", "");
    spec.task = j.value("task", "");
    spec.suite = j.at("suite").get<std::string>();
    for (const json& stage : j.at("stages")) {
      spec.stages.push_back({stage.at("tasks").get<size_t>(), stage.at("threshold").get<double>()});
    }
    if (!j.at("max_tasks").is_null()) spec.max_tasks = j.at("max_tasks").get<size_t>();
    spec.task_workers = j.at("task_workers").get<int>();
    spec.build_seconds = j.at("build_seconds").get<double>();
    spec.build_memory_mb = j.at("build_memory_mb").get<uint64_t>();
    spec.require_isolation = j.at("require_isolation").get<bool>();
    for (const json& path : j.value("read_only", json::array())) {
      spec.read_only.push_back(path.get<std::string>());
    }
    spec.disk_mb = j.value("disk_mb", uint64_t{2048});
    spec.work = j.at("work").get<std::string>();
    for (const json& path : j.at("hidden")) spec.hidden.push_back(path.get<std::string>());
    return spec;
  } catch (const json::exception& e) {
    return FailAs(ErrorKind::kUsage, "not a job spec: {}", e.what());
  }
}

json EvaluationToJson(const sandbox::Evaluation& evaluation) {
  json tasks = json::array();
  for (const sandbox::TaskResult& task : evaluation.tasks) tasks.push_back(TaskToJson(task));
  return {{"status", EvalStatusName(evaluation.status)},
          {"score", evaluation.score},
          {"suite", evaluation.suite},
          {"suite_hash", evaluation.suite_hash},
          {"tasks", tasks},
          {"stage_reached", evaluation.stage_reached},
          {"stages", evaluation.stages},
          {"build", BuildToJson(evaluation.build)},
          {"eval_seconds", evaluation.eval_seconds},
          {"model", evaluation.model}};
}

Result<sandbox::Evaluation> EvaluationFromJson(const json& j) {
  try {
    sandbox::Evaluation evaluation;
    evaluation.status = StatusOfJson(j.at("status"));
    evaluation.score = j.at("score").get<double>();
    evaluation.suite = j.at("suite").get<std::string>();
    evaluation.suite_hash = j.at("suite_hash").get<std::string>();
    for (const json& task : j.at("tasks")) evaluation.tasks.push_back(TaskOfJson(task));
    evaluation.stage_reached = j.at("stage_reached").get<int>();
    evaluation.stages = j.at("stages").get<int>();
    evaluation.build = BuildOfJson(j.at("build"));
    evaluation.eval_seconds = j.value("eval_seconds", 0.0);
    evaluation.model = j.value("model", json());
    return evaluation;
  } catch (const std::exception& e) {  // json::exception, or StatusOfJson's
    return FailAs(ErrorKind::kUsage, "not an evaluation: {}", e.what());
  }
}

Result<> WriteJobPayload(const JobPaths& paths, std::string_view key, const Result<json>& result) {
  json file = result ? json{{std::string(key), *result}} : json{{"error", result.error().message}};
  return WriteFileAtomic(paths.result(), file.dump());
}

Result<std::optional<json>> ReadJobPayload(const JobPaths& paths, std::string_view key) {
  std::error_code error;
  if (!fs::exists(paths.result(), error)) return std::optional<json>();
  std::string text = CLADE_TRY(ReadFile(paths.result()));
  json result = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (result.is_discarded() || !result.is_object()) {
    return Fail("the job's result {} is not JSON", paths.result().string());
  }
  if (result.contains("error")) {
    return Fail("the job in {} failed: {}", paths.dir.string(),
                result["error"].is_string() ? result["error"].get<std::string>() : "?");
  }
  if (!result.contains(key)) {
    return Fail("the job's result {} has no {}", paths.result().string(), key);
  }
  return std::optional<json>(std::move(result[std::string(key)]));
}

Result<> WriteJobResult(const JobPaths& paths, const Result<sandbox::Evaluation>& evaluation) {
  return WriteJobPayload(paths, ResultKey(JobKind::kChild), evaluation.map(EvaluationToJson));
}

Result<std::optional<sandbox::Evaluation>> ReadJobResult(const JobPaths& paths) {
  auto payload = CLADE_TRY(ReadJobPayload(paths, ResultKey(JobKind::kChild)));
  if (!payload) return std::optional<sandbox::Evaluation>();
  auto evaluation = EvaluationFromJson(*payload);
  if (!evaluation) {
    return Fail("the job's result {}: {}", paths.result().string(), evaluation.error().message);
  }
  return std::optional<sandbox::Evaluation>(std::move(*evaluation));
}

Result<> PublishDirectory(const fs::path& target,
                          const std::function<Result<>(const fs::path& tmp)>& make) {
  static thread_local std::mt19937_64 rng(std::random_device{}());
  fs::path tmp =
      target.parent_path() / fmt::format(".{}.tmp-{:x}", target.filename().string(), rng());
  std::error_code error;
  fs::create_directories(target.parent_path(), error);
  Result<> made = make(tmp);
  if (made) {
    fs::rename(tmp, target, error);
    if (error && !fs::exists(target)) {
      made = Fail("cannot rename {} to {}: {}", tmp.string(), target.string(), error.message());
    }
  }
  fs::remove_all(tmp, error);
  return made;
}

Result<> WriteJobFiles(const fs::path& tmp, const JobPaths& paths, const JobSpec& spec,
                       const fs::path& clade) {
  CLADE_TRY(WriteFile(tmp / paths.spec().filename(), spec.ToJson().dump(2)));
  return WriteFile(tmp / paths.script().filename(), JobScript(clade, paths), 0755);
}

sandbox::Evaluation EndedEvaluation(const ChildJobs& child, const JobEnd& end) {
  sandbox::Evaluation evaluation;
  evaluation.status = end.status;
  evaluation.suite = child.suite_name;
  evaluation.suite_hash = child.suite_hash;
  evaluation.build.failure = end.status;
  evaluation.build.log = end.log;
  return evaluation;
}

std::string JobScript(const fs::path& clade, const JobPaths& paths) {
  return fmt::format(
      "#!/bin/sh\n"
      "# A job of clade run (docs/cluster.md): does in the sandbox what {0}/job.json says\n"
      "# and writes {0}/result.json. Written by the controller; do not edit.\n"
      "exec {1} worker eval-job {2}\n",
      paths.dir.string(), ShellQuote(clade.string()), ShellQuote(paths.dir.string()));
}

}  // namespace clade::executor
