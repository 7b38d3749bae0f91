#include "sandbox/evaluator.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <map>
#include <mutex>
#include <thread>

#include "support/fs.h"
#include "support/hash.h"

namespace clade::sandbox {
namespace {

namespace fs = std::filesystem;

// Runs `task` as often as `repeats` asks (one after another, in the same built slot).
Result<TaskResult> RunRepeated(const HarnessOptions& harness, const AgentSpec& spec,
                               const BuildResult& build, const Suite& suite, const Task& task,
                               const Repeats& repeats) {
  std::vector<TaskResult> runs;
  for (int r = 0; r < std::max(1, repeats.count); ++r) {
    bool agreed = runs.size() == 2 && runs[0].score == runs[1].score;
    if (repeats.adaptive && agreed) break;
    runs.push_back(CLADE_TRY(RunTask(harness, spec, build, suite, task)));
  }
  return MergeRepeats(std::move(runs));
}

// Runs `tasks` on `workers` threads; results in task order. The first sandbox error
// stops the remaining tasks and is returned.
Result<std::vector<TaskResult>> RunTasks(const HarnessOptions& harness, const AgentSpec& spec,
                                         const BuildResult& build, const Suite& suite,
                                         const std::vector<const Task*>& tasks,
                                         const EvalOptions& options, size_t* done, size_t total) {
  std::vector<TaskResult> outcomes(tasks.size());
  std::atomic<size_t> next{0};
  std::mutex mutex;
  std::optional<Error> failure;
  auto work = [&] {
    for (size_t i = next++; i < tasks.size(); i = next++) {
      auto outcome = RunRepeated(harness, spec, build, suite, *tasks[i], options.repeats);
      std::lock_guard lock(mutex);
      if (!outcome) {
        if (!failure) failure = outcome.error();
        next = tasks.size();
        return;
      }
      outcomes[i] = std::move(*outcome);
      ++*done;
      if (options.on_task) options.on_task(outcomes[i], *done, total);
    }
  };
  int workers = std::max(1, std::min<int>(options.workers, static_cast<int>(tasks.size())));
  std::vector<std::thread> threads;
  for (int w = 0; w < workers; ++w) threads.emplace_back(work);
  for (auto& thread : threads) thread.join();
  if (failure) return tl::unexpected(*failure);
  return outcomes;
}

double Mean(const std::vector<TaskResult>& tasks) {
  if (tasks.empty()) return 0;
  double sum = 0;
  for (const auto& task : tasks) sum += task.score;
  return sum / static_cast<double>(tasks.size());
}

// The parent gate as stages over `tasks`, which it reorders: the tasks the parent did not
// solve first, then the others, each group in suite order. The gate's threshold is just
// above the parent's mean there, so only a child that does better goes on: one that does
// not cannot beat its parent on the suite, since it can at most tie on the rest.
std::vector<Stage> GateOnParent(const std::map<std::string, double>& parent_scores,
                                std::vector<const Task*>* tasks) {
  double parent_sum = 0;
  auto unsolved = [&](const Task* task) {
    auto it = parent_scores.find(task->id);
    return it == parent_scores.end() || it->second < 1.0;
  };
  auto rest = std::stable_partition(tasks->begin(), tasks->end(), unsolved);
  size_t count = static_cast<size_t>(rest - tasks->begin());
  if (count == 0) return {};  // nothing to gain on: the whole suite in one stage
  for (auto it = tasks->begin(); it != rest; ++it) {
    auto score = parent_scores.find((*it)->id);
    if (score != parent_scores.end()) parent_sum += score->second;
  }
  // Scores are means of test fractions: two that differ do so by far more than 1e-9.
  double above_parent = parent_sum / static_cast<double>(count) + 1e-9;
  return {{.tasks = count, .threshold = above_parent}, {}};
}

// Puts `outcomes` back in the order of `suite_order` (task ids).
void SortBySuiteOrder(const std::vector<std::string>& suite_order,
                      std::vector<TaskResult>* outcomes) {
  std::map<std::string, size_t> position;
  for (size_t i = 0; i < suite_order.size(); ++i) position[suite_order[i]] = i;
  std::stable_sort(
      outcomes->begin(), outcomes->end(),
      [&](const TaskResult& a, const TaskResult& b) { return position[a.id] < position[b.id]; });
}

}  // namespace

namespace {

// Every file under `dir`, sorted, hashed with its path relative to `dir` after `prefix`.
Result<> HashFolder(const fs::path& dir, const std::string& prefix, ContentHash* hash) {
  std::vector<fs::path> files;
  std::error_code error;
  for (auto it = fs::recursive_directory_iterator(dir, error);
       !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
    if (it->is_regular_file(error)) files.push_back(it->path());
  }
  if (error) return Fail("cannot read the suite folder {}: {}", dir.string(), error.message());
  std::sort(files.begin(), files.end());
  for (const fs::path& file : files) {
    hash->Add(prefix + fs::relative(file, dir).string()).Add(CLADE_TRY(ReadFile(file)));
  }
  return {};
}

bool Inside(const fs::path& path, const fs::path& dir) {
  fs::path relative = path.lexically_normal().lexically_relative(dir.lexically_normal());
  return !relative.empty() && *relative.begin() != "..";
}

}  // namespace

Result<std::string> SuiteHash(const Suite& suite) {
  ContentHash hash;
  CLADE_TRY(HashFolder(suite.dir, "", &hash));
  // Tasks a suite borrows from outside its folder (`tasks: [../repair/tasks/*]`); a suite
  // whose tasks are all inside keeps the hash it had before borrowing existed.
  for (const Task& task : suite.tasks) {
    if (!Inside(task.dir, suite.dir)) CLADE_TRY(HashFolder(task.dir, "task:" + task.id + "/", &hash));
  }
  return hash.Hex();
}

TaskResult MergeRepeats(std::vector<TaskResult> runs) {
  TaskResult merged = std::move(runs.at(0));
  if (runs.size() == 1) return merged;
  merged.repeat_scores = {merged.score};
  bool same = true;
  for (size_t r = 1; r < runs.size(); ++r) {
    const TaskResult& run = runs[r];
    merged.repeat_scores.push_back(run.score);
    same = same && run.score == merged.score;
    merged.seconds += run.seconds;
    merged.cpu_seconds += run.cpu_seconds;
    merged.tampered.insert(merged.tampered.end(), run.tampered.begin(), run.tampered.end());
    merged.log += fmt::format("== repeat {} of {}: {}, score {:.3f}\n", r + 1, runs.size(),
                              run.status, run.score);
  }
  double sum = 0;
  for (double score : merged.repeat_scores) sum += score;
  merged.score = sum / static_cast<double>(merged.repeat_scores.size());
  if (!same) merged.status = "varied";
  if (!merged.tampered.empty()) {
    merged.status = "tampered";
    merged.score = 0;
  }
  return merged;
}

std::optional<double> ScoreStderr(const std::vector<TaskResult>& tasks) {
  bool repeated = false;
  double sum = 0;
  for (const TaskResult& task : tasks) {
    size_t n = task.repeat_scores.size();
    if (n < 2) continue;
    repeated = true;
    double mean = 0;
    for (double score : task.repeat_scores) mean += score / static_cast<double>(n);
    double squares = 0;
    for (double score : task.repeat_scores) squares += (score - mean) * (score - mean);
    sum += squares / static_cast<double>(n - 1) / static_cast<double>(n);
  }
  if (!repeated || tasks.empty()) return std::nullopt;
  return std::sqrt(sum) / static_cast<double>(tasks.size());
}

std::optional<int> VisiblePassHiddenFail(const std::vector<TaskResult>& tasks) {
  std::optional<int> count;
  for (const TaskResult& task : tasks) {
    if (!task.visible) continue;
    count = count.value_or(0);
    bool visible_all = task.visible->failed == 0 && task.visible->passed > 0;
    if (visible_all && task.failed > 0) ++*count;
  }
  return count;
}

nlohmann::json Evaluation::ToRecord() const {
  nlohmann::json task_list = nlohmann::json::array();
  for (const TaskResult& task : tasks) {
    nlohmann::json item = {{"id", task.id},
                           {"score", task.score},
                           {"status", task.status},
                           {"seconds", task.seconds},
                           {"cpu_seconds", task.cpu_seconds},
                           {"passed", task.passed},
                           {"failed", task.failed}};
    if (!task.repeat_scores.empty()) item["scores"] = task.repeat_scores;
    if (task.visible) {
      item["visible"] = {{"passed", task.visible->passed}, {"failed", task.visible->failed}};
    }
    task_list.push_back(std::move(item));
  }
  nlohmann::json record = {
      {"status", EvalStatusName(status)},
      {"score", score},
      {"benchmark", suite},
      {"suite_hash", suite_hash},
      {"tasks", task_list},
      {"stage", {{"reached", stage_reached}, {"of", stages}}},
      {"timings", {{"build_seconds", build.seconds}, {"eval_seconds", eval_seconds}}}};
  if (!model.is_null()) record["model"] = model;
  if (auto count = VisiblePassHiddenFail(tasks)) record["visible_pass_hidden_fail"] = *count;
  if (suite_tasks > 0) record["per_task"] = {{"run", tasks.size()}, {"of", suite_tasks}};
  if (!tampered.empty()) record["tampered"] = TamperJson(tampered);
  if (repeats.count > 1) {
    record["repeats"] = {{"count", repeats.count}, {"adaptive", repeats.adaptive}};
  }
  if (score_stderr) record["score_stderr"] = *score_stderr;
  return record;
}

nlohmann::json TamperJson(const std::vector<Tamper>& tampered) {
  nlohmann::json list = nlohmann::json::array();
  for (const Tamper& change : tampered) {
    nlohmann::json item = {{"step", change.step}, {"path", change.path}, {"change", change.change}};
    if (!change.task.empty()) item["task"] = change.task;
    list.push_back(std::move(item));
  }
  return list;
}

void CheckTampering(Evaluation* evaluation) {
  evaluation->tampered = evaluation->build.tampered;
  for (const TaskResult& task : evaluation->tasks) {
    evaluation->tampered.insert(evaluation->tampered.end(), task.tampered.begin(),
                                task.tampered.end());
  }
  if (evaluation->tampered.empty()) return;
  evaluation->status = EvalStatus::kTampered;
  evaluation->score = 0;
  evaluation->score_stderr.reset();
}

Result<> RunStages(size_t count, const std::vector<Stage>& stages, const TaskBatch& batch,
                   Evaluation* evaluation) {
  std::vector<Stage> plan = stages.empty() ? std::vector<Stage>{{}} : stages;
  evaluation->stages = static_cast<int>(plan.size());
  evaluation->status = EvalStatus::kEvaluated;
  auto start = std::chrono::steady_clock::now();
  size_t begin = 0;
  for (size_t s = 0; s < plan.size() && begin < count; ++s) {
    size_t end = plan[s].tasks == 0 ? count : std::min(plan[s].tasks, count);
    if (s + 1 == plan.size()) end = count;
    auto outcomes = CLADE_TRY(batch(begin, end));
    for (auto& outcome : outcomes) evaluation->tasks.push_back(std::move(outcome));
    evaluation->stage_reached = static_cast<int>(s + 1);
    evaluation->score = Mean(evaluation->tasks);
    begin = end;
    if (evaluation->score < plan[s].threshold && s + 1 < plan.size() && end < count) {
      // Scored on part of the suite only: not comparable with complete evaluations, so it
      // is neither a parent nor the best (see docs/evaluation.md, "Staged evaluation").
      evaluation->status = EvalStatus::kBelowThreshold;
      break;
    }
  }
  evaluation->eval_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return {};
}

Result<Evaluation> Evaluate(const HarnessOptions& harness, const fs::path& source,
                            const Suite& suite, const EvalOptions& options) {
  AgentSpec spec = CLADE_TRY(LoadAgentSpec(source));
  Evaluation evaluation;
  evaluation.suite = suite.name;
  evaluation.suite_hash = CLADE_TRY(SuiteHash(suite));
  Slot slot = CLADE_TRY(
      Slot::Open(harness.work / fmt::format("slot-{}", options.slot), harness.disk_mb << 20));
  // The suite is absent from builds anyway; hidden too, in case a read_only path holds it.
  HarnessOptions build_harness = harness;
  build_harness.hidden.push_back(suite.dir);
  evaluation.build = CLADE_TRY(BuildAgent(build_harness, spec, source, slot));
  if (!evaluation.build.ok()) {
    evaluation.status = *evaluation.build.failure;
    CheckTampering(&evaluation);
    return evaluation;
  }
  std::vector<const Task*> tasks;
  for (const Task& task : suite.tasks) tasks.push_back(&task);
  if (options.max_tasks && *options.max_tasks < tasks.size()) tasks.resize(*options.max_tasks);
  std::vector<std::string> suite_order;
  for (const Task* task : tasks) suite_order.push_back(task->id);
  std::vector<Stage> stages =
      options.parent_scores ? GateOnParent(*options.parent_scores, &tasks) : options.stages;
  size_t done = 0;
  auto batch = [&](size_t begin, size_t end) {
    std::vector<const Task*> range(tasks.begin() + static_cast<long>(begin),
                                   tasks.begin() + static_cast<long>(end));
    return RunTasks(harness, spec, evaluation.build, suite, range, options, &done, tasks.size());
  };
  evaluation.repeats = options.repeats;
  CLADE_TRY(RunStages(tasks.size(), stages, batch, &evaluation));
  SortBySuiteOrder(suite_order, &evaluation.tasks);
  evaluation.score_stderr = ScoreStderr(evaluation.tasks);
  CheckTampering(&evaluation);
  return evaluation;
}

}  // namespace clade::sandbox
