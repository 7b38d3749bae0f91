// Running a shell command the way a terminal would, but bounded: /bin/sh -c in the
// current directory, stdin from /dev/null, stdout and stderr merged, in its own process
// group, which is killed whole when the time is up.
#pragma once

#include <string>

namespace coder {

struct CommandResult {
  int exit_code = -1;       // the shell's exit status; 128+N when killed by signal N
  bool timed_out = false;   // killed after `timeout_seconds`
  std::string output;       // at most `max_bytes`: the first and last halves when longer
  size_t output_bytes = 0;  // how much the command printed in all
};

// Runs `command`. Never throws; a command that cannot start reports exit code 127.
CommandResult RunShell(const std::string& command, double timeout_seconds, size_t max_bytes);

}  // namespace coder
