#include "sandbox/bwrap.h"

#include <algorithm>

#include <catch2/catch.hpp>

namespace clade::sandbox {

namespace {
// The position of a two-word option in argv, or -1.
long Find(const std::vector<std::string>& argv, const std::string& a, const std::string& b) {
  for (size_t i = 0; i + 1 < argv.size(); ++i) {
    if (argv[i] == a && argv[i + 1] == b) return static_cast<long>(i);
  }
  return -1;
}
}  // namespace

TEST_CASE("BwrapArgv confines: read-only root, private /tmp, workspace bound after it") {
  BwrapPlan plan;
  plan.bwrap = "/usr/bin/bwrap";
  plan.cwd = "/tmp/ws";
  plan.hidden = {"/nonexistent-file"};
  plan.readonly = {"/tmp/build"};
  plan.info_fd = 3;
  plan.argv = {"make", "-j2"};
  auto argv = BwrapArgv(plan);
  CHECK(argv.front() == "/usr/bin/bwrap");
  for (const char* flag :
       {"--unshare-pid", "--unshare-net", "--die-with-parent", "--new-session"}) {
    CHECK(std::find(argv.begin(), argv.end(), flag) != argv.end());
  }
  CHECK(Find(argv, "--cap-drop", "ALL") >= 0);
  CHECK(Find(argv, "--ro-bind", "/") >= 0);
  CHECK(Find(argv, "--tmpfs", "/tmp") >= 0);
  CHECK(Find(argv, "--tmpfs", "/tmp") < Find(argv, "--bind", "/tmp/ws"));
  CHECK(Find(argv, "/dev/null", "/nonexistent-file") >= 0);
  CHECK(Find(argv, "--tmpfs", "/tmp") < Find(argv, "--ro-bind", "/tmp/build"));
  CHECK(Find(argv, "--chdir", "/tmp/ws") >= 0);
  CHECK(Find(argv, "--info-fd", "3") >= 0);
  CHECK(Find(argv, "--", "make") == static_cast<long>(argv.size()) - 3);
}

TEST_CASE("ParseBwrapChildPid reads bubblewrap's info") {
  CHECK(ParseBwrapChildPid("{\n    \"child-pid\": 4242,\n    \"net-namespace\": 1\n}") == 4242);
  CHECK_FALSE(ParseBwrapChildPid("{}"));
  CHECK_FALSE(ParseBwrapChildPid("{\"child-pid\": "));
}

}  // namespace clade::sandbox
