#include "engine/search/slurm_job.h"

#include <fmt/format.h>

#include "support/fs.h"
#include "support/strings.h"

namespace clade::search {

namespace {

using nlohmann::json;

json TaskToJson(const sandbox::TaskOutcome& task) {
  return {{"id", task.id},
          {"score", task.score},
          {"status", task.status},
          {"seconds", task.seconds},
          {"cpu_seconds", task.cpu_seconds},
          {"passed", task.passed},
          {"failed", task.failed},
          {"log", task.log}};
}

sandbox::TaskOutcome TaskFromJson(const json& j) {
  sandbox::TaskOutcome task;
  task.id = j.at("id").get<std::string>();
  task.score = j.at("score").get<double>();
  task.status = j.at("status").get<std::string>();
  task.seconds = j.value("seconds", 0.0);
  task.cpu_seconds = j.value("cpu_seconds", 0.0);
  task.passed = j.value("passed", 0);
  task.failed = j.value("failed", 0);
  task.log = j.value("log", "");
  return task;
}

}  // namespace

json JobSpec::ToJson() const {
  json stage_list = json::array();
  for (const sandbox::Stage& stage : stages) {
    stage_list.push_back({{"tasks", stage.tasks}, {"threshold", stage.threshold}});
  }
  json hidden_list = json::array();
  for (const fs::path& path : hidden) hidden_list.push_back(path.string());
  return {{"suite", suite.string()},
          {"stages", stage_list},
          {"max_tasks", max_tasks ? json(*max_tasks) : json()},
          {"task_workers", task_workers},
          {"build_seconds", build_seconds},
          {"build_memory_mb", build_memory_mb},
          {"require_isolation", require_isolation},
          {"work", work.string()},
          {"hidden", hidden_list}};
}

Result<JobSpec> JobSpec::FromJson(const json& j) {
  try {
    JobSpec spec;
    spec.suite = j.at("suite").get<std::string>();
    for (const json& stage : j.at("stages")) {
      spec.stages.push_back({stage.at("tasks").get<size_t>(), stage.at("threshold").get<double>()});
    }
    if (!j.at("max_tasks").is_null()) spec.max_tasks = j.at("max_tasks").get<size_t>();
    spec.task_workers = j.at("task_workers").get<int>();
    spec.build_seconds = j.at("build_seconds").get<double>();
    spec.build_memory_mb = j.at("build_memory_mb").get<uint64_t>();
    spec.require_isolation = j.at("require_isolation").get<bool>();
    spec.work = j.at("work").get<std::string>();
    for (const json& path : j.at("hidden")) spec.hidden.push_back(path.get<std::string>());
    return spec;
  } catch (const json::exception& e) {
    return FailAs(ErrorKind::kUsage, "not a job spec: {}", e.what());
  }
}

json EvaluationToJson(const sandbox::Evaluation& evaluation) {
  json tasks = json::array();
  for (const sandbox::TaskOutcome& task : evaluation.tasks) tasks.push_back(TaskToJson(task));
  const sandbox::BuildOutcome& build = evaluation.build;
  return {{"status", evaluation.status},
          {"score", evaluation.score},
          {"suite", evaluation.suite},
          {"suite_hash", evaluation.suite_hash},
          {"tasks", tasks},
          {"stage_reached", evaluation.stage_reached},
          {"stages", evaluation.stages},
          {"build",
           {{"status", build.status},
            {"seconds", build.seconds},
            {"log", build.log},
            {"files_written", build.files_written}}},
          {"eval_seconds", evaluation.eval_seconds},
          {"model", evaluation.model}};
}

Result<sandbox::Evaluation> EvaluationFromJson(const json& j) {
  try {
    sandbox::Evaluation evaluation;
    evaluation.status = j.at("status").get<std::string>();
    evaluation.score = j.at("score").get<double>();
    evaluation.suite = j.at("suite").get<std::string>();
    evaluation.suite_hash = j.at("suite_hash").get<std::string>();
    for (const json& task : j.at("tasks")) evaluation.tasks.push_back(TaskFromJson(task));
    evaluation.stage_reached = j.at("stage_reached").get<int>();
    evaluation.stages = j.at("stages").get<int>();
    const json& build = j.at("build");
    evaluation.build.status = build.at("status").get<std::string>();
    evaluation.build.seconds = build.value("seconds", 0.0);
    evaluation.build.log = build.value("log", "");
    evaluation.build.files_written = build.value("files_written", 0);
    evaluation.eval_seconds = j.value("eval_seconds", 0.0);
    evaluation.model = j.value("model", json());
    return evaluation;
  } catch (const json::exception& e) {
    return FailAs(ErrorKind::kUsage, "not an evaluation: {}", e.what());
  }
}

Result<> WriteJobResult(const JobPaths& paths, const Result<sandbox::Evaluation>& evaluation) {
  json result = evaluation ? json{{"evaluation", EvaluationToJson(*evaluation)}}
                           : json{{"error", evaluation.error().message}};
  return WriteFileAtomic(paths.result(), result.dump());
}

Result<std::optional<sandbox::Evaluation>> ReadJobResult(const JobPaths& paths) {
  std::error_code error;
  if (!fs::exists(paths.result(), error)) return std::optional<sandbox::Evaluation>();
  std::string text = CLADE_TRY(ReadFile(paths.result()));
  json result = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (result.is_discarded() || !result.is_object()) {
    return Fail("the job's result {} is not JSON", paths.result().string());
  }
  if (result.contains("error")) {
    return Fail("the job in {} failed: {}", paths.dir.string(),
                result["error"].is_string() ? result["error"].get<std::string>() : "?");
  }
  if (!result.contains("evaluation")) {
    return Fail("the job's result {} has no evaluation", paths.result().string());
  }
  auto evaluation = EvaluationFromJson(result["evaluation"]);
  if (!evaluation) {
    return Fail("the job's result {}: {}", paths.result().string(), evaluation.error().message);
  }
  return std::optional<sandbox::Evaluation>(std::move(*evaluation));
}

std::string JobScript(const fs::path& clade, const JobPaths& paths) {
  return fmt::format(
      "#!/bin/sh\n"
      "# A child evaluation of clade run (docs/cluster.md): builds and evaluates {0}/source\n"
      "# in the sandbox and writes {0}/result.json. Written by the controller; do not edit.\n"
      "exec {1} worker eval-job {2}\n",
      paths.dir.string(), ShellQuote(clade.string()), ShellQuote(paths.dir.string()));
}

}  // namespace clade::search
