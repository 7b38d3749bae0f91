#include "tests/executor/fake_slurm.h"

#include <csignal>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace clade::testing {

namespace {

// The value of "--KEY=VALUE" in `args`, or "".
std::string Option(const std::vector<std::string>& args, const std::string& key) {
  const std::string prefix = "--" + key + "=";
  for (const std::string& arg : args) {
    if (arg.rfind(prefix, 0) == 0) return arg.substr(prefix.size());
  }
  return "";
}

class FakeClient : public executor::SlurmClient {
 public:
  explicit FakeClient(std::shared_ptr<FakeCluster> cluster) : cluster_(std::move(cluster)) {}
  Result<std::string> Submit(const std::vector<std::string>& args,
                             const std::filesystem::path& script) override {
    return cluster_->Submit(args, script);
  }
  Result<std::string> State(const std::string& job) override { return cluster_->State(job); }
  Result<std::optional<std::string>> FindActive(const std::string& name) override {
    return cluster_->FindActive(name);
  }
  Result<> Cancel(const std::string& job) override { return cluster_->Cancel(job); }

 private:
  std::shared_ptr<FakeCluster> cluster_;
};

}  // namespace

FakeCluster::~FakeCluster() {
  std::lock_guard lock(mutex_);
  for (auto& [id, job] : jobs_) CancelLocked(job);
}

std::unique_ptr<executor::SlurmClient> FakeCluster::Client() {
  return std::make_unique<FakeClient>(shared_from_this());
}

void FakeCluster::Hold() {
  std::lock_guard lock(mutex_);
  held_ = true;
}

void FakeCluster::Release() {
  std::lock_guard lock(mutex_);
  held_ = false;
  for (auto& [id, job] : jobs_) {
    if (job.state == "PENDING") StartLocked(job);
  }
}

void FakeCluster::CancelAll() {
  std::lock_guard lock(mutex_);
  for (auto& [id, job] : jobs_) CancelLocked(job);
}

int FakeCluster::submitted() const {
  std::lock_guard lock(mutex_);
  return static_cast<int>(jobs_.size());
}

int FakeCluster::running() const {
  std::lock_guard lock(mutex_);
  int count = 0;
  for (const auto& [id, job] : jobs_) count += job.state == "PENDING" || job.state == "RUNNING";
  return count;
}

std::vector<std::string> FakeCluster::names() const {
  std::lock_guard lock(mutex_);
  std::vector<std::string> names;
  for (const std::string& id : order_) names.push_back(jobs_.at(id).name);
  return names;
}

Result<std::string> FakeCluster::Submit(const std::vector<std::string>& args,
                                        const std::filesystem::path& script) {
  std::lock_guard lock(mutex_);
  Job job{Option(args, "job-name"), Option(args, "chdir"), Option(args, "output"), script};
  if (job.name.empty() || job.chdir.empty()) return Fail("sbatch: a job needs a name and --chdir");
  std::string id = std::to_string(next_id_++);
  auto& stored = jobs_.emplace(id, std::move(job)).first->second;
  order_.push_back(id);
  if (!held_) StartLocked(stored);
  return id;
}

Result<std::string> FakeCluster::State(const std::string& id) {
  std::lock_guard lock(mutex_);
  auto it = jobs_.find(id);
  if (it == jobs_.end()) return std::string();
  RefreshLocked(it->second);
  return it->second.state;
}

Result<std::optional<std::string>> FakeCluster::FindActive(const std::string& name) {
  std::lock_guard lock(mutex_);
  std::optional<std::string> found;
  for (const std::string& id : order_) {
    Job& job = jobs_.at(id);
    RefreshLocked(job);
    if (job.name == name && (job.state == "PENDING" || job.state == "RUNNING")) found = id;
  }
  return found;
}

Result<> FakeCluster::Cancel(const std::string& id) {
  std::lock_guard lock(mutex_);
  auto it = jobs_.find(id);
  if (it != jobs_.end()) CancelLocked(it->second);
  return {};
}

void FakeCluster::StartLocked(Job& job) {
  pid_t pid = ::fork();
  if (pid == 0) {
    ::setpgid(0, 0);
    int out = ::open(job.output.empty() ? "/dev/null" : job.output.c_str(),
                     O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (out < 0 || ::chdir(job.chdir.c_str()) != 0) ::_exit(127);
    ::dup2(out, 1);
    ::dup2(out, 2);
    int in = ::open("/dev/null", O_RDONLY);
    ::dup2(in, 0);
    ::execl("/bin/sh", "sh", job.script.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  if (pid < 0) {
    job.state = "FAILED";
    return;
  }
  ::setpgid(pid, pid);
  job.pid = pid;
  job.state = "RUNNING";
}

void FakeCluster::RefreshLocked(Job& job) {
  if (job.state != "RUNNING") return;
  int status = 0;
  if (::waitpid(job.pid, &status, WNOHANG) != job.pid) return;
  job.state = WIFEXITED(status) && WEXITSTATUS(status) == 0 ? "COMPLETED" : "FAILED";
}

void FakeCluster::CancelLocked(Job& job) {
  RefreshLocked(job);
  if (job.state == "RUNNING") {
    ::kill(-job.pid, SIGKILL);
    ::waitpid(job.pid, nullptr, 0);
  }
  if (job.state == "RUNNING" || job.state == "PENDING") job.state = "CANCELLED";
}

}  // namespace clade::testing
