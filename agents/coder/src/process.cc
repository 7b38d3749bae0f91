#include "process.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>

#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

namespace coder {
namespace {

using Clock = std::chrono::steady_clock;

// Keeps the head and the tail of a stream that may be longer than the cap.
class CappedOutput {
 public:
  explicit CappedOutput(size_t max_bytes) : half_(max_bytes / 2) {}
  void Append(const char* data, size_t size) {
    total_ += size;
    size_t to_head = std::min(size, half_ - std::min(half_, head_.size()));
    head_.append(data, to_head);
    tail_.append(data + to_head, size - to_head);
    if (tail_.size() > 2 * half_) tail_.erase(0, tail_.size() - half_);
  }
  std::string Text() const {
    if (tail_.size() <= half_) return head_ + tail_;
    return head_ + "\n[... " + std::to_string(total_ - head_.size() - half_) +
           " bytes of output left out ...]\n" + tail_.substr(tail_.size() - half_);
  }
  size_t total() const { return total_; }

 private:
  size_t half_;
  size_t total_ = 0;
  std::string head_;
  std::string tail_;
};

}  // namespace

CommandResult RunShell(const std::string& command, double timeout_seconds, size_t max_bytes) {
  CommandResult result;
  int pipe_fds[2];
  if (::pipe2(pipe_fds, O_CLOEXEC) != 0) {
    result.exit_code = 127;
    result.output = "cannot create a pipe";
    return result;
  }
  pid_t pid = ::fork();
  if (pid == 0) {
    ::setpgid(0, 0);
    int null = ::open("/dev/null", O_RDONLY);
    ::dup2(null, 0);
    ::dup2(pipe_fds[1], 1);
    ::dup2(pipe_fds[1], 2);
    ::execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  ::close(pipe_fds[1]);
  if (pid < 0) {
    ::close(pipe_fds[0]);
    result.exit_code = 127;
    result.output = "cannot start /bin/sh";
    return result;
  }
  ::setpgid(pid, pid);  // also here, so the kill below cannot race the child's own call
  auto deadline =
      Clock::now() + std::chrono::milliseconds(static_cast<int64_t>(timeout_seconds * 1000));
  CappedOutput output(max_bytes);
  char buffer[8192];
  int status = 0;
  bool reaped = false;
  bool open = true;
  while (open) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    if (left.count() <= 0) {
      result.timed_out = true;
      break;
    }
    pollfd entry{pipe_fds[0], POLLIN, 0};
    // Short waits: a shell that exits while a background child keeps the pipe open ends
    // the command too.
    int ready = ::poll(&entry, 1, static_cast<int>(std::min<int64_t>(left.count(), 100)));
    if (ready > 0) {
      ssize_t n = ::read(pipe_fds[0], buffer, sizeof buffer);
      if (n > 0) output.Append(buffer, static_cast<size_t>(n));
      if (n == 0 || (n < 0 && errno != EINTR)) open = false;
      continue;
    }
    if (ready == 0 && ::waitpid(pid, &status, WNOHANG) == pid) {
      reaped = true;
      break;
    }
  }
  ::kill(-pid, SIGKILL);  // the whole group: background children too
  if (reaped) {           // what is still buffered in the pipe
    ::fcntl(pipe_fds[0], F_SETFL, O_NONBLOCK);
    ssize_t n;
    while ((n = ::read(pipe_fds[0], buffer, sizeof buffer)) > 0) {
      output.Append(buffer, static_cast<size_t>(n));
    }
  }
  ::close(pipe_fds[0]);
  while (!reaped && ::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) result.exit_code = 128 + WTERMSIG(status);
  result.output = output.Text();
  result.output_bytes = output.total();
  return result;
}

}  // namespace coder
