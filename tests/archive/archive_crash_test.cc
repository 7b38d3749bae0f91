// Crash safety: a writer adding variants is killed with SIGKILL at random moments; after
// each kill the archive opens, `git fsck --strict` is clean, and every add that returned
// is present with its record and logs.
#include <cerrno>
#include <chrono>
#include <cstring>
#include <map>
#include <random>
#include <sstream>
#include <thread>

#include "tests/test_util.h"
#include <catch2/catch.hpp>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "archive/archive.h"
#include "support/fs.h"

namespace clade::archive {
namespace {

struct Killed {
  std::map<int, std::string> returned;  // id -> commit, as printed by the writer
};

// The crash_writer program, running. Its destructor kills it, so no test leaves it
// behind, whatever fails.
class WriterProcess {
 public:
  WriterProcess(const fs::path& archive, unsigned seed) {
    int pipe_fds[2];
    REQUIRE(::pipe2(pipe_fds, O_CLOEXEC) == 0);
    std::string writer = (testing::BinaryDir() / "tests/archive/crash_writer").string();
    std::string seed_text = std::to_string(seed);
    pid_ = ::fork();
    REQUIRE(pid_ >= 0);
    if (pid_ == 0) {
      ::dup2(pipe_fds[1], STDOUT_FILENO);
      ::execl(writer.c_str(), writer.c_str(), archive.c_str(), seed_text.c_str(), nullptr);
      std::fprintf(stderr, "cannot run %s: %s\n", writer.c_str(), std::strerror(errno));
      ::_exit(127);
    }
    ::close(pipe_fds[1]);
    out_ = pipe_fds[0];
  }
  ~WriterProcess() {
    Kill();
    ::close(out_);
  }
  WriterProcess(const WriterProcess&) = delete;
  WriterProcess& operator=(const WriterProcess&) = delete;

  // Waits (up to 30 s) until the writer has reported its first add, so that work is under
  // way however slow the build (e.g. under ASan) is to start.
  void WaitForFirstAdd() {
    pollfd poll_fd{out_, POLLIN, 0};
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (output_.find('\n') == std::string::npos && std::chrono::steady_clock::now() < deadline) {
      if (::poll(&poll_fd, 1, 100) <= 0) continue;
      char buffer[4096];
      ssize_t n = ::read(out_, buffer, sizeof buffer);
      if (n <= 0) break;  // the writer exited: Kill() reports how
      output_.append(buffer, static_cast<size_t>(n));
    }
  }

  // Kills the writer with SIGKILL and returns its wait status (once).
  int Kill() {
    if (pid_ > 0) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, &status_, 0);
      pid_ = -1;
    }
    return status_;
  }

  // What the writer reported as returned (id -> commit). REQUIRES: Kill() was called.
  std::map<int, std::string> Returned() {
    char buffer[4096];
    ssize_t n = 0;
    while ((n = ::read(out_, buffer, sizeof buffer)) > 0) {
      output_.append(buffer, static_cast<size_t>(n));
    }
    std::map<int, std::string> returned;
    std::istringstream lines(output_);
    std::string word, commit;
    int id = 0;
    // A line cut by the kill has no commit (or a short one): it did not fully return.
    while (lines >> word >> id >> commit) {
      if (word == "added" && commit.size() == 40) returned[id] = commit;
    }
    return returned;
  }

 private:
  pid_t pid_ = -1;
  int out_ = -1;
  int status_ = 0;
  std::string output_;
};

Killed RunAndKill(const fs::path& archive, unsigned seed, std::chrono::milliseconds run_for) {
  WriterProcess writer(archive, seed);
  writer.WaitForFirstAdd();
  std::this_thread::sleep_for(run_for);
  int status = writer.Kill();
  INFO("writer exit status " << status);
  REQUIRE((WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL));
  return Killed{writer.Returned()};
}

}  // namespace

TEST_CASE("A writer killed at random moments never damages the archive") {
  TempDir dir("archive-crash");
  fs::path path = dir.path() / "crash.git";
  {
    auto archive = Archive::Create(path).value();
    testing::WriteTree(dir.path() / "seed", {{"src/f0.cc", "int v = 0;\n"}});
    std::string tree = archive->WriteTreeFromDirectory(dir.path() / "seed").value();
    archive->AddVariant({.tree = tree, .summary = "seed"}).value();
  }
  std::mt19937 rng(20261122);
  std::map<int, std::string> returned;
  constexpr int kKills = 60;
  for (int kill = 0; kill < kKills; ++kill) {
    auto run_for = std::chrono::milliseconds(rng() % 40);
    Killed killed = RunAndKill(path, static_cast<unsigned>(rng()), run_for);
    for (const auto& [id, commit] : killed.returned) returned[id] = commit;

    INFO("after kill " << kill + 1 << " (ran " << run_for.count() << " ms)");
    auto fsck = testing::Shell("git --git-dir=" + testing::Quote(path.string()) +
                               " fsck --strict --no-dangling --no-progress");
    INFO(fsck.output);
    REQUIRE(fsck.exit_code == 0);
    auto archive = Archive::Open(path, {.mode = Mode::kWrite});  // also clears stale locks
    REQUIRE(archive);
    for (const auto& [id, commit] : returned) {
      REQUIRE(static_cast<size_t>(id) < (*archive)->size());
      REQUIRE((*archive)->variant(id).commit == commit);
      auto record = (*archive)->Record(id, "bench");
      REQUIRE(record);
      REQUIRE(record->has_value());
      REQUIRE((**record)["variant"] == id);
      REQUIRE((*archive)->Log(id, "build.log").value().has_value());
    }
  }
  // The test means something only if the writer got work done and was cut mid-way.
  CHECK(returned.size() >= static_cast<size_t>(kKills));
}

TEST_CASE("Readers open and read a consistent archive while a writer adds") {
  TempDir dir("archive-readers");
  fs::path path = dir.path() / "live.git";
  {
    auto archive = Archive::Create(path).value();
    testing::WriteTree(dir.path() / "seed", {{"src/f0.cc", "int v = 0;\n"}});
    std::string tree = archive->WriteTreeFromDirectory(dir.path() / "seed").value();
    archive->AddVariant({.tree = tree, .summary = "seed"}).value();
  }
  WriterProcess writer(path, 7);
  writer.WaitForFirstAdd();
  size_t largest = 0;
  for (int i = 0; i < 40; ++i) {
    auto reader = Archive::Open(path);
    REQUIRE(reader);
    for (const Variant& v : (*reader)->variants()) {
      for (VariantId parent : v.parents) REQUIRE(parent < v.id);
      REQUIRE(!v.tree.empty());
    }
    auto busy = Archive::Open(path, {.mode = Mode::kWrite});
    REQUIRE_FALSE(busy);
    CHECK(busy.error().message.find("crash") != std::string::npos);  // the writer's name
    largest = std::max(largest, (*reader)->size());
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  CHECK(largest > 1);  // the readers saw the archive grow
}

}  // namespace clade::archive
