#include "sandbox/cgroup.h"

#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include "support/fs.h"
#include "support/strings.h"

namespace clade::sandbox {

namespace {

struct Controller {
  const char* v1;  // the v1 hierarchy's name
  const char* v2;  // the v2 controller name, or nullptr if v2 always has it
};
constexpr Controller kMemory{"memory", "memory"};
constexpr Controller kPids{"pids", "pids"};
constexpr Controller kCpu{"cpuacct", nullptr};  // v2: cpu.stat is always there

bool HasField(std::string_view list, std::string_view item) {
  for (const auto& field : Split(list, ',')) {
    if (field == item) return true;
  }
  return false;
}

std::string ReadOr(const fs::path& path) {
  auto text = ReadFile(path);
  return text ? *text : std::string();
}

// The directory of this process's own cgroup in the v1 hierarchy that holds the
// controller, from /proc/self/mounts and /proc/self/cgroup.
std::optional<fs::path> OwnV1Dir(const char* controller) {
  std::optional<fs::path> mount;
  for (const auto& line : Split(ReadOr("/proc/self/mounts"), '\n')) {
    auto f = Split(line, ' ');
    if (f.size() > 3 && f[2] == "cgroup" && HasField(f[3], controller)) mount = f[1];
  }
  if (!mount) return std::nullopt;
  for (const auto& line : Split(ReadOr("/proc/self/cgroup"), '\n')) {
    auto f = Split(line, ':');
    if (f.size() == 3 && HasField(f[1], controller)) return *mount / f[2].substr(1);
  }
  return std::nullopt;
}

// This process's own cgroup in the v2 hierarchy, if one is mounted.
std::optional<fs::path> OwnV2Dir() {
  std::optional<fs::path> mount;
  for (const auto& line : Split(ReadOr("/proc/self/mounts"), '\n')) {
    auto f = Split(line, ' ');
    if (f.size() > 3 && f[2] == "cgroup2") mount = f[1];
  }
  if (!mount) return std::nullopt;
  for (const auto& line : Split(ReadOr("/proc/self/cgroup"), '\n')) {
    if (line.rfind("0::", 0) == 0) return *mount / line.substr(4);
  }
  return std::nullopt;
}

bool V2Delegates(const fs::path& dir, const char* controller) {
  if (controller == nullptr) return true;
  for (const auto& word : Split(std::string(Trim(ReadOr(dir / "cgroup.subtree_control"))), ' ')) {
    if (word == controller) return true;
  }
  return false;
}

bool WriteControl(const fs::path& file, const std::string& value) {
  Fd fd(::open(file.c_str(), O_WRONLY | O_CLOEXEC));
  return fd && ::write(fd.get(), value.data(), value.size()) == static_cast<ssize_t>(value.size());
}

// The value after "key " on one of the lines of a flat-keyed file such as memory.events.
std::optional<uint64_t> KeyedValue(const std::string& text, std::string_view key) {
  for (const auto& line : Split(text, '\n')) {
    auto words = Split(line, ' ');
    long long value;
    if (words.size() == 2 && words[0] == key && ParseNonNegative(words[1], &value)) {
      return static_cast<uint64_t>(value);
    }
  }
  return std::nullopt;
}

std::optional<uint64_t> Number(const std::optional<std::string>& text) {
  long long value;
  if (!text || !ParseNonNegative(Trim(*text), &value)) return std::nullopt;
  return static_cast<uint64_t>(value);
}

std::string UniqueName() {
  static std::atomic<int> counter{0};
  return fmt::format("clade-{}-{}", ::getpid(), counter++);
}

// Removes cgroups "clade-<pid>-<n>" under base whose creating process is gone (it was
// killed before it could remove them), killing anything still inside first.
void RemoveStale(const fs::path& base) {
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(base, error)) {
    std::string name = entry.path().filename().string();
    auto parts = Split(name, '-');
    long long pid;
    if (parts.size() != 3 || parts[0] != "clade" || !ParseNonNegative(parts[1], &pid)) continue;
    if (pid <= 0 || ::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH) continue;
    for (int round = 0; round < 100 && ::rmdir(entry.path().c_str()) != 0; ++round) {
      for (const auto& line : Split(ReadOr(entry.path() / "cgroup.procs"), '\n')) {
        long long member;
        if (ParseNonNegative(line, &member) && member > 0)
          ::kill(static_cast<pid_t>(member), SIGKILL);
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
  }
}

void RemoveStaleOnce(const std::vector<fs::path>& bases) {
  static std::once_flag once;
  std::call_once(once, [&] {
    for (const auto& base : bases) RemoveStale(base);
  });
}

}  // namespace

Cgroup Cgroup::Create(const CgroupLimits& limits) {
  Cgroup cgroup;
  std::string name = UniqueName();
  std::vector<fs::path> bases;
  for (const Controller* c : {&kMemory, &kPids, &kCpu}) {
    if (auto dir = OwnV1Dir(c->v1)) {
      bases.push_back(*dir);
      cgroup.AddNode(*dir, false, c == &kMemory, c == &kPids, c == &kCpu, limits, name);
    } else if (auto v2 = OwnV2Dir(); v2 && V2Delegates(*v2, c->v2)) {
      bases.push_back(*v2);
      cgroup.AddNode(*v2, true, c == &kMemory, c == &kPids, c == &kCpu, limits, name);
    }
  }
  RemoveStaleOnce(bases);
  return cgroup;
}

void Cgroup::AddNode(const fs::path& base, bool v2, bool memory, bool pids, bool cpu,
                     const CgroupLimits& limits, const std::string& name) {
  fs::path dir = base / name;
  int index = -1;
  for (size_t i = 0; i < nodes_.size(); ++i) {
    if (nodes_[i].dir == dir) index = static_cast<int>(i);
  }
  if (index < 0) {
    if (::mkdir(dir.c_str(), 0755) != 0) return;
    Fd procs(::open((dir / "cgroup.procs").c_str(), O_WRONLY | O_CLOEXEC));
    if (!procs) {
      ::rmdir(dir.c_str());
      return;
    }
    nodes_.push_back(Node{dir, v2, std::move(procs)});
    index = static_cast<int>(nodes_.size()) - 1;
  }
  bool ok = true;
  if (memory && limits.memory_bytes > 0) {
    std::string bytes = std::to_string(limits.memory_bytes);
    ok = WriteControl(dir / (v2 ? "memory.max" : "memory.limit_in_bytes"), bytes);
    if (v2) WriteControl(dir / "memory.swap.max", "0");
    if (!v2) WriteControl(dir / "memory.memsw.limit_in_bytes", bytes);
  }
  if (pids && limits.processes > 0) {
    ok = ok && WriteControl(dir / "pids.max", std::to_string(limits.processes));
  }
  if (!ok) return;  // the node stays (it may serve another controller) but not this one
  if (memory) memory_ = index;
  if (pids) pids_ = index;
  if (cpu) cpu_ = index;
}

Cgroup::~Cgroup() {
  if (nodes_.empty()) return;
  KillAll();
  for (const auto& node : nodes_) {
    for (int attempt = 0; attempt < 200; ++attempt) {
      if (::rmdir(node.dir.c_str()) == 0 || errno != EBUSY) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
  }
}

std::string Cgroup::version() const {
  bool v1 = false, v2 = false;
  for (const auto& node : nodes_) (node.v2 ? v2 : v1) = true;
  if (v1 && v2) return "v1+v2";
  return v1 ? "v1" : v2 ? "v2" : "none";
}

std::vector<int> Cgroup::procs_fds() const {
  std::vector<int> fds;
  for (const auto& node : nodes_) fds.push_back(node.procs.get());
  return fds;
}

// One pass: SIGKILL every listed process. True if none was listed.
bool Cgroup::KillRound() const {
  bool empty = true;
  for (const auto& node : nodes_) {
    for (const auto& line : Split(ReadOr(node.dir / "cgroup.procs"), '\n')) {
      long long pid;
      if (!ParseNonNegative(line, &pid) || pid <= 0) continue;
      empty = false;
      ::kill(static_cast<pid_t>(pid), SIGKILL);
    }
  }
  return empty;
}

bool Cgroup::KillAll() const {
  for (const auto& node : nodes_) {
    if (node.v2) WriteControl(node.dir / "cgroup.kill", "1");
  }
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(2);
  while (!KillRound()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return true;
}

int Cgroup::ProcessCount() const {
  int count = 0;
  if (nodes_.empty()) return 0;
  for (const auto& line : Split(ReadOr(nodes_[0].dir / "cgroup.procs"), '\n')) {
    if (!line.empty()) ++count;
  }
  return count;
}

std::optional<std::string> Cgroup::ReadControl(int node, const char* v1_name,
                                               const char* v2_name) const {
  if (node < 0) return std::nullopt;
  const Node& n = nodes_[static_cast<size_t>(node)];
  auto text = ReadFile(n.dir / (n.v2 ? v2_name : v1_name));
  if (!text) return std::nullopt;
  return *text;
}

std::optional<double> Cgroup::CpuSeconds() const {
  auto text = ReadControl(cpu_, "cpuacct.usage", "cpu.stat");
  if (!text) return std::nullopt;
  if (nodes_[static_cast<size_t>(cpu_)].v2) {
    auto usec = KeyedValue(*text, "usage_usec");
    return usec ? std::optional<double>(static_cast<double>(*usec) / 1e6) : std::nullopt;
  }
  auto nsec = Number(text);
  return nsec ? std::optional<double>(static_cast<double>(*nsec) / 1e9) : std::nullopt;
}

std::optional<uint64_t> Cgroup::PeakMemoryBytes() const {
  return Number(ReadControl(memory_, "memory.max_usage_in_bytes", "memory.peak"));
}

bool Cgroup::OomKilled() const {
  auto text = ReadControl(memory_, "memory.oom_control", "memory.events");
  return text && KeyedValue(*text, "oom_kill").value_or(0) > 0;
}

bool Cgroup::ProcessLimitHit() const {
  auto text = ReadControl(pids_, "pids.events", "pids.events");
  return text && KeyedValue(*text, "max").value_or(0) > 0;
}

}  // namespace clade::sandbox
