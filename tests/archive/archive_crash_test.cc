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

std::string ReadAvailable(int fd) {
  std::string output;
  char buffer[4096];
  ssize_t n = 0;
  while ((n = ::read(fd, buffer, sizeof buffer)) > 0) output.append(buffer, static_cast<size_t>(n));
  return output;
}

// Starts the writer, waits until it has reported its first add (so that the kill lands
// in the middle of the work, however slow the build, e.g. under ASan), lets it run for
// `run_for` more, kills it with SIGKILL, and returns what it reported as returned.
Killed RunAndKill(const fs::path& archive, unsigned seed, std::chrono::milliseconds run_for) {
  int pipe_fds[2];
  REQUIRE(::pipe2(pipe_fds, O_CLOEXEC) == 0);
  std::string writer = (testing::BinaryDir() / "tests/archive/crash_writer").string();
  std::string seed_text = std::to_string(seed);
  pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    ::dup2(pipe_fds[1], STDOUT_FILENO);
    ::execl(writer.c_str(), writer.c_str(), archive.c_str(), seed_text.c_str(), nullptr);
    std::fprintf(stderr, "cannot run %s: %s\n", writer.c_str(), std::strerror(errno));
    ::_exit(127);
  }
  ::close(pipe_fds[1]);
  std::string output;
  pollfd poll_fd{pipe_fds[0], POLLIN, 0};
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (output.find('\n') == std::string::npos && std::chrono::steady_clock::now() < deadline) {
    if (::poll(&poll_fd, 1, 100) <= 0) continue;
    char buffer[4096];
    ssize_t n = ::read(pipe_fds[0], buffer, sizeof buffer);
    if (n <= 0) break;  // the writer exited: the status check below says why
    output.append(buffer, static_cast<size_t>(n));
  }
  std::this_thread::sleep_for(run_for);
  ::kill(pid, SIGKILL);
  int status = 0;
  ::waitpid(pid, &status, 0);
  output += ReadAvailable(pipe_fds[0]);
  ::close(pipe_fds[0]);
  INFO("writer exit status " << status);
  REQUIRE((WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL));
  Killed killed;
  std::istringstream lines(output);
  std::string word, commit;
  int id = 0;
  // A line cut by the kill has no commit (or a short one): it did not fully return.
  while (lines >> word >> id >> commit) {
    if (word == "added" && commit.size() == 40) killed.returned[id] = commit;
  }
  return killed;
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

}  // namespace clade::archive
