#include "engine/model/diagnosis.h"

#include "tests/test_util.h"
#include <catch2/catch.hpp>

namespace clade::model {

TEST_CASE("PromptLog leaves the agent's seconds out, so a prompt does not depend on the load") {
  std::string idle = "== agent (ok, 0.4 s, 0.3 CPU s)\nrepairing\n$ sh check.sh\n0 passed, 1 failed\n";
  std::string loaded = "== agent (ok, 3.9 s, 0.4 CPU s)\nrepairing\n$ sh check.sh\n0 passed, 1 failed\n";
  CHECK(PromptLog(idle) == "== agent (ok)\nrepairing\n$ sh check.sh\n0 passed, 1 failed\n");
  CHECK(PromptLog(loaded) == PromptLog(idle));
  // Other lines, the limit's explanation among them, stay as they are; so does a line that
  // only looks like it, and a log without a final newline.
  std::string limit = "== agent (cpu_limit, 61.0 s, 60.0 CPU s)\n"
                      "== the agent used its 60 CPU seconds (limits.agent_seconds)\n";
  CHECK(PromptLog(limit) ==
        "== agent (cpu_limit)\n== the agent used its 60 CPU seconds (limits.agent_seconds)\n");
  CHECK(PromptLog("the agent printed == agent (ok, 1 s, 1 CPU s)\n") ==
        "the agent printed == agent (ok, 1 s, 1 CPU s)\n");
  CHECK(PromptLog("== agent (ok, 0.1 s, 0.1 CPU s)") == "== agent (ok)");
  CHECK(PromptLog("") == "");
}

TEST_CASE("PromptLog leaves the hidden test's seconds out too") {
  std::string idle = "== agent (ok, 0.4 s, 0.3 CPU s)\n== hidden test build (ok, 0.9 s)\n"
                     "== hidden test (ok, 0.1 s)\n0 passed, 1 failed\n";
  std::string loaded = "== agent (ok, 3.9 s, 0.4 CPU s)\n== hidden test build (ok, 7.2 s)\n"
                       "== hidden test (ok, 1.4 s)\n0 passed, 1 failed\n";
  CHECK(PromptLog(loaded) == PromptLog(idle));
  CHECK(PromptLog(idle) == "== agent (ok)\n== hidden test build (ok)\n== hidden test (ok)\n"
                           "0 passed, 1 failed\n");
  // A program's own line in that shape, but not ending in seconds, stays.
  CHECK(PromptLog("== case (a, b)\n") == "== case (a, b)\n");
}

}  // namespace clade::model
