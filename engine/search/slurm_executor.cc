#include "engine/search/slurm_executor.h"

#include <algorithm>
#include <chrono>
#include <random>
#include <thread>

#include <fmt/format.h>
#include <sys/stat.h>

#include "support/fs.h"
#include "support/hash.h"
#include "support/strings.h"

namespace clade::search {

namespace {

using Clock = std::chrono::steady_clock;

// Slurm's own errors while polling (squeue not answering) tolerated in a row.
constexpr int kMaxPollErrors = 5;

void Sleep(double seconds) {
  std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
}

std::string Sanitized(const std::string& text) {
  std::string out;
  for (char c : text)
    out += (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_') ? c : '-';
  return out.empty() ? "run" : out;
}

// The content of a directory: relative paths, file contents, executable bits, links.
Result<std::string> TreeHash(const fs::path& root) {
  std::vector<fs::path> entries;
  std::error_code error;
  for (auto it = fs::recursive_directory_iterator(root, error);
       !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
    if (it->is_symlink(error) || it->is_regular_file(error)) entries.push_back(it->path());
  }
  if (error) return Fail("cannot read {}: {}", root.string(), error.message());
  std::sort(entries.begin(), entries.end());
  ContentHash hash;
  for (const fs::path& path : entries) {
    hash.Add(fs::relative(path, root).string());
    if (fs::is_symlink(fs::symlink_status(path, error))) {
      hash.Add("link").Add(fs::read_symlink(path, error).string());
      continue;
    }
    auto perms = fs::status(path, error).permissions();
    hash.Add((perms & fs::perms::owner_exec) != fs::perms::none ? "x" : "-");
    hash.Add(CLADE_TRY(ReadFile(path)));
  }
  return hash.Hex();
}

Result<> CopyTree(const fs::path& from, const fs::path& to) {
  std::error_code error;
  fs::copy(from, to, fs::copy_options::recursive | fs::copy_options::copy_symlinks, error);
  if (error) return Fail("cannot copy {} to {}: {}", from.string(), to.string(), error.message());
  return {};
}

// A fresh name beside `path` for building it before a rename.
fs::path TempBeside(const fs::path& path) {
  static thread_local std::mt19937_64 rng(std::random_device{}());
  return path.parent_path() / fmt::format(".{}.tmp-{:x}", path.filename().string(), rng());
}

// Builds `target` through `make(tmp)` in a temporary sibling, then renames it into place.
// If another writer got there first, its copy stands.
template <typename Make>
Result<> Publish(const fs::path& target, Make make) {
  fs::path tmp = TempBeside(target);
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

}  // namespace

fs::path SlurmRunDirectory(const fs::path& shared, const std::string& name,
                           const fs::path& archive) {
  ContentHash hash;
  hash.Add(fs::absolute(archive).lexically_normal().string());
  return shared / fmt::format("{}-{}", Sanitized(name), hash.Hex().substr(0, 8));
}

SlurmExecutor::SlurmExecutor(SlurmConfig config, SlurmRun run, std::unique_ptr<SlurmClient> client)
    : config_(std::move(config)), run_(std::move(run)), client_(std::move(client)) {}

SlurmCounts SlurmExecutor::counts() const {
  std::lock_guard lock(mutex_);
  return counts_;
}

Result<fs::path> SlurmExecutor::SharedSuite(const sandbox::Suite& suite) {
  // Called under mutex_.
  if (!suite_copy_.empty()) return suite_copy_;
  suite_hash_ = CLADE_TRY(sandbox::SuiteHash(suite));
  suite_name_ = suite.name;
  fs::path copy = run_.dir / fmt::format("suite-{}", suite_hash_);
  std::error_code error;
  if (!fs::is_directory(copy, error)) {
    CLADE_TRY(Publish(copy, [&](const fs::path& tmp) { return CopyTree(suite.dir, tmp); }));
  }
  suite_copy_ = copy;
  return copy;
}

Result<std::string> SlurmExecutor::JobKey(const EvalJob& job) {
  ContentHash hash;
  hash.Add(CLADE_TRY(TreeHash(job.source))).Add(suite_hash_);
  hash.Add(std::to_string(job.max_tasks.value_or(0)));
  for (const sandbox::Stage& stage : job.stages) {
    hash.Add(fmt::format("{}:{}", stage.tasks, stage.threshold));
  }
  return hash.Hex();
}

Result<> SlurmExecutor::Prepare(const JobPaths& paths, const EvalJob& job, const fs::path& suite) {
  JobSpec spec;
  spec.suite = suite;
  spec.stages = job.stages;
  spec.max_tasks = job.max_tasks;
  spec.task_workers = job.task_workers;
  spec.build_seconds = run_.build_seconds;
  spec.build_memory_mb = run_.build_memory_mb;
  spec.require_isolation = run_.require_isolation;
  spec.work = config_.work;
  spec.hidden = run_.hidden;
  spec.hidden.push_back(run_.dir / "jobs");  // other children's sources and results
  return Publish(paths.dir, [&](const fs::path& tmp) -> Result<> {
    std::error_code error;
    fs::create_directories(tmp, error);
    CLADE_TRY(CopyTree(job.source, tmp / "source"));
    CLADE_TRY(WriteFile(tmp / "job.json", spec.ToJson().dump(2)));
    CLADE_TRY(WriteFile(tmp / "job.sh", JobScript(run_.clade, paths), 0755));
    return {};
  });
}

Result<std::string> SlurmExecutor::Submit(const JobPaths& paths, const std::string& job_name) {
  std::vector<std::string> args = {"--job-name=" + job_name, "--chdir=" + paths.dir.string(),
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

Result<sandbox::Evaluation> SlurmExecutor::Evaluate(const EvalJob& job, int /*worker*/) {
  JobPaths paths;
  std::string id;
  {
    // Finding or submitting a child's job is serialised, so two workers asked for the
    // same source (identical children) share one job.
    std::lock_guard lock(mutex_);
    fs::path suite = CLADE_TRY(SharedSuite(*job.suite));
    std::string key = CLADE_TRY(JobKey(job));
    paths.dir = run_.dir / "jobs" / key;
    bool first = used_.insert(key).second;
    std::string job_name = fmt::format("clade-{}-{}", Sanitized(run_.name), key);
    std::error_code error;
    bool prepared = fs::is_directory(paths.dir, error);
    std::optional<std::string> active;
    if (prepared && fs::exists(paths.result(), error)) {
      if (first) counts_.adopted += 1;  // finished while no controller was watching
    } else if (prepared && fs::exists(paths.job_id(), error)) {
      id = std::string(Trim(CLADE_TRY(ReadFile(paths.job_id()))));
      if (first) counts_.adopted += 1;
    } else if (prepared && (active = CLADE_TRY(client_->FindActive(job_name)))) {
      // Submitted by a controller that died before it could note the id.
      id = *active;
      CLADE_TRY(WriteFileAtomic(paths.job_id(), id + "\n"));
      counts_.adopted += 1;
    } else {
      fs::remove_all(paths.dir, error);
      CLADE_TRY(Prepare(paths, job, suite));
      id = CLADE_TRY(Submit(paths, job_name));
      counts_.submitted += 1;
    }
  }
  return Await(paths, id);
}

Result<sandbox::Evaluation> SlurmExecutor::Await(const JobPaths& paths, const std::string& id) {
  int errors = 0;
  while (true) {
    if (auto result = CLADE_TRY(ReadJobResult(paths))) {
      std::error_code error;
      fs::remove_all(paths.source(), error);  // the job is done with it
      return std::move(*result);
    }
    Result<std::string> state = client_->State(id);
    if (!state) {
      if (++errors >= kMaxPollErrors) return tl::unexpected(state.error());
      Sleep(config_.poll_seconds);
      continue;
    }
    errors = 0;
    JobPhase phase = PhaseOfState(*state);
    if (phase == JobPhase::kActive) {
      Sleep(config_.poll_seconds);
      continue;
    }
    // A shared filesystem may show the result after Slurm reports the end of the job.
    auto deadline = Clock::now() + std::chrono::duration<double>(config_.result_grace_seconds);
    while (Clock::now() < deadline && !ResultVisible(paths)) Sleep(0.25);
    if (ResultVisible(paths)) continue;
    return Ended(paths, id, phase, *state);
  }
}

sandbox::Evaluation SlurmExecutor::Ended(const JobPaths& paths, const std::string& id,
                                         JobPhase phase, const std::string& state) {
  sandbox::Evaluation evaluation;
  evaluation.status = StatusOfPhase(phase);
  evaluation.suite = suite_name_;
  evaluation.suite_hash = suite_hash_;
  evaluation.build.status = evaluation.status;
  std::string output = ReadFile(paths.output()).value_or("(no output)");
  evaluation.build.log = fmt::format(
      "Slurm job {} ({}) ended as {} without a result in {}.\n"
      "--- the job's output ({}) ---\n{}",
      id, paths.dir.filename().string(), state.empty() ? "unknown to Slurm" : state,
      paths.result().string(), paths.output().string(), Tail(output, 16 * 1024));
  return evaluation;
}

Result<> SlurmExecutor::Close() {
  std::lock_guard lock(mutex_);
  fs::path jobs = run_.dir / "jobs";
  std::error_code error;
  if (!fs::is_directory(jobs, error)) return {};
  std::vector<fs::path> dirs;
  for (const auto& entry : fs::directory_iterator(jobs, error)) dirs.push_back(entry.path());
  for (const fs::path& dir : dirs) {
    JobPaths paths{dir};
    std::string key = dir.filename().string();
    if (!used_.count(key) && fs::exists(paths.job_id(), error) &&
        !fs::exists(paths.result(), error)) {
      std::string id(Trim(ReadFile(paths.job_id()).value_or("")));
      auto state = id.empty() ? Result<std::string>("") : client_->State(id);
      if (state && PhaseOfState(*state) == JobPhase::kActive) {
        CLADE_TRY(client_->Cancel(id));
        counts_.cancelled += 1;
      }
    }
    fs::remove_all(dir, error);
  }
  return {};
}

}  // namespace clade::search
