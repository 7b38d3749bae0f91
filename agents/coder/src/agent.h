// The agent's loop (the shape of DGM's initial coding agent): the system prompt and the
// task go to the model with the tool definitions; the tool calls it answers with are run
// and their results appended; this repeats until the model answers without a tool call,
// or a limit is reached (turns, tokens, time), or the model socket refuses (budget spent).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "task.h"

namespace coder {

struct Limits {
  int max_turns = 30;                 // model calls per task
  int64_t max_tokens = 150000;        // input plus output tokens per task, as the server counts
  int max_answer_tokens = 4096;       // max_tokens of each call
  double time_share = 0.9;            // of the task's agent_seconds the agent plans to use...
  double margin_seconds = 5;          // ...minus this
  double min_turn_seconds = 10;       // no model call is started with less time left
  double test_timeout_seconds = 120;  // one run_tests, at most
  // When the conversation grows past this many bytes, the oldest tool results are
  // replaced by a one-line note (the last `keep_recent` messages always stay whole).
  size_t max_context_bytes = 120000;
  size_t keep_recent = 6;
};

// Runs the loop on `task` in the working directory, talking to the model at
// `socket_path`. Progress goes to stderr, one line per turn. Returns the exit code: 0
// when the model finished or a limit or the budget stopped it, 1 when the model could
// not be reached or answered with an error.
// `model_name` is sent as the request's "model".
int RunAgent(const Task& task, const std::string& socket_path, const std::string& model_name,
             const Limits& limits);

}  // namespace coder
