#include "engine/executor/slurm_queue.h"

#include <chrono>
#include <thread>

#include <fmt/format.h>

#include "support/fs.h"
#include "support/strings.h"

namespace clade::executor {

namespace {

using Clock = std::chrono::steady_clock;

// Slurm's own errors while polling (squeue not answering) tolerated in a row.
constexpr int kMaxPollErrors = 5;

void Sleep(double seconds) {
  std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
}

// Whether the job's result file can be seen. Listing the directory first makes an NFS
// client revalidate it rather than trust a cached "no such file".
bool ResultVisible(const JobPaths& paths) {
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(paths.dir, error)) (void)entry;
  return fs::exists(paths.result(), error);
}

std::string Tail(const std::string& text, size_t bytes) {
  return text.size() <= bytes ? text : "[...]\n" + text.substr(text.size() - bytes);
}

std::string NotedId(const JobPaths& paths) {
  return std::string(Trim(ReadFile(paths.job_id()).value_or("")));
}

}  // namespace

SlurmQueue::SlurmQueue(SlurmConfig config, fs::path jobs, std::unique_ptr<SlurmClient> client)
    : config_(std::move(config)), jobs_(std::move(jobs)), client_(std::move(client)) {}

SlurmCounts SlurmQueue::counts() const {
  std::lock_guard lock(mutex_);
  return counts_;
}

Result<JobWatch> SlurmQueue::Start(const JobPaths& paths, const std::string& name,
                                   std::string_view key, const Prepare& prepare) {
  std::lock_guard lock(mutex_);
  bool first = used_.insert(paths.dir).second;
  std::string id = CLADE_TRY(Find(paths, name));
  std::error_code error;
  if (!id.empty() || fs::exists(paths.result(), error)) {
    if (first) counts_.adopted += 1;
  } else {
    fs::remove_all(paths.dir, error);
    CLADE_TRY(PublishDirectory(paths.dir, [&](const fs::path& tmp) -> Result<> {
      fs::create_directories(tmp, error);
      Result<> named = WriteFile(JobPaths{tmp}.job_name(), name + "\n");
      return named ? prepare(tmp) : named;
    }));
    id = CLADE_TRY(Submit(paths, name));
    counts_.submitted += 1;
  }
  return JobWatch{paths, id, key};
}

Result<std::string> SlurmQueue::Find(const JobPaths& paths, const std::string& name) {
  // Called under mutex_. "" when there is no job, or only its result.
  std::error_code error;
  if (!fs::is_directory(paths.dir, error) || fs::exists(paths.result(), error)) return "";
  if (fs::exists(paths.job_id(), error)) return NotedId(paths);
  // Submitted by a controller that died before it could note the id.
  std::optional<std::string> active = CLADE_TRY(client_->FindActive(name));
  if (!active) return "";
  CLADE_TRY(WriteFileAtomic(paths.job_id(), *active + "\n"));
  return *active;
}

Result<std::string> SlurmQueue::Submit(const JobPaths& paths, const std::string& name) {
  std::vector<std::string> args = {"--job-name=" + name, "--chdir=" + paths.dir.string(),
                                   "--output=" + paths.output().string(),
                                   fmt::format("--cpus-per-task={}", config_.cpus)};
  if (!config_.partition.empty()) args.push_back("--partition=" + config_.partition);
  if (!config_.time.empty()) args.push_back("--time=" + config_.time);
  if (!config_.memory.empty()) args.push_back("--mem=" + config_.memory);
  args.insert(args.end(), config_.sbatch_args.begin(), config_.sbatch_args.end());
  std::string id = CLADE_TRY(client_->Submit(args, paths.script()));
  CLADE_TRY(WriteFileAtomic(paths.job_id(), id + "\n"));
  return id;
}

Result<std::optional<JobEnd>> SlurmQueue::Poll(JobWatch& watch) {
  if (auto result = CLADE_TRY(ReadJobPayload(watch.paths, watch.key))) {
    return JobEnd{.result = std::move(*result)};
  }
  Result<std::string> state =
      watch.id.empty() ? Result<std::string>(std::string()) : client_->State(watch.id);
  if (!state) {
    if (++watch.errors >= kMaxPollErrors) return tl::unexpected(state.error());
    return std::nullopt;
  }
  watch.errors = 0;
  if (PhaseOfState(*state) == JobPhase::kActive) return std::nullopt;
  // A shared filesystem may show the result after Slurm reports the end of the job.
  auto deadline = Clock::now() + std::chrono::duration<double>(config_.result_grace_seconds);
  while (Clock::now() < deadline && !ResultVisible(watch.paths)) Sleep(0.25);
  if (auto result = CLADE_TRY(ReadJobPayload(watch.paths, watch.key))) {
    return JobEnd{.result = std::move(*result)};
  }
  return Ended(watch, *state);
}

Result<JobEnd> SlurmQueue::Await(JobWatch& watch) {
  while (true) {
    if (auto end = CLADE_TRY(Poll(watch))) return std::move(*end);
    Pause();
  }
}

void SlurmQueue::Pause() const {
  Sleep(config_.poll_seconds);
}

Result<std::optional<nlohmann::json>> SlurmQueue::Finished(const JobPaths& paths,
                                                           std::string_view key) {
  std::lock_guard lock(mutex_);
  bool first = used_.insert(paths.dir).second;
  auto result = CLADE_TRY(ReadJobPayload(paths, key));
  if (result && first) counts_.adopted += 1;
  return result;
}

JobEnd SlurmQueue::Ended(const JobWatch& watch, const std::string& state) const {
  const JobPaths& paths = watch.paths;
  std::string output = ReadFile(paths.output()).value_or("(no output)");
  JobEnd end;
  end.status = StatusOfPhase(PhaseOfState(state));
  end.log = fmt::format(
      "Slurm job {} ({}) ended as {} without a result in {}.\n"
      "--- the job's output ({}) ---\n{}",
      watch.id, fs::relative(paths.dir, jobs_).string(), state.empty() ? "unknown to Slurm" : state,
      paths.result().string(), paths.output().string(), Tail(output, 16 * 1024));
  return end;
}

Result<> SlurmQueue::Cancel(const JobWatch& watch) {
  std::lock_guard lock(mutex_);
  return CancelIfActive(watch.id);
}

Result<> SlurmQueue::CancelIfActive(const std::string& id) {
  // Called under mutex_. A job just cancelled may still show as active (COMPLETING). A
  // job whose state Slurm does not tell is left alone.
  if (id.empty() || cancelled_.count(id)) return {};
  Result<std::string> state = client_->State(id);
  if (!state || PhaseOfState(*state) != JobPhase::kActive) return {};
  CLADE_TRY(client_->Cancel(id));
  cancelled_.insert(id);
  counts_.cancelled += 1;
  return {};
}

Result<bool> SlurmQueue::CancelActive(const fs::path& dir) {
  // Called under mutex_.
  JobPaths paths{dir};
  std::error_code error;
  if (fs::exists(paths.result(), error)) return true;
  if (fs::exists(paths.job_id(), error)) {
    CLADE_TRY(CancelIfActive(NotedId(paths)));
    return true;
  }
  // Submitted by a controller that died before it could note the id (Find), or never
  // submitted. When Slurm cannot be asked, the directory is kept for a later session.
  std::string name(Trim(ReadFile(paths.job_name()).value_or("")));
  if (name.empty()) return true;
  Result<std::optional<std::string>> active = client_->FindActive(name);
  if (!active) return false;
  if (*active) CLADE_TRY(CancelIfActive(**active));
  return true;
}

Result<> SlurmQueue::Close() {
  std::lock_guard lock(mutex_);
  std::error_code error;
  if (!fs::is_directory(jobs_, error)) return {};
  std::vector<fs::path> dirs;
  for (const auto& entry : fs::directory_iterator(jobs_, error)) dirs.push_back(entry.path());
  for (const fs::path& dir : dirs) {
    // A child's job directory and (per: task) those of its build and task jobs; not its
    // `source/` or `built/`, which hold what a variant wrote, job_id files included.
    bool settled = CLADE_TRY(CancelActive(dir));
    for (const auto& entry : fs::directory_iterator(dir, error)) {
      std::string name = entry.path().filename().string();
      bool job = name == "build" || name.rfind("task-", 0) == 0;
      if (job && entry.is_directory(error)) settled = CLADE_TRY(CancelActive(entry.path())) && settled;
    }
    if (settled) fs::remove_all(dir, error);
  }
  return {};
}

}  // namespace clade::executor
