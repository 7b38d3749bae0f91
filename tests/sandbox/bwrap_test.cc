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

TEST_CASE("BwrapArgv shows an allow-list: the system view, private /tmp, the binds") {
  BwrapPlan plan;
  plan.bwrap = "/usr/bin/bwrap";
  plan.cwd = "/tmp/ws";
  plan.system = {{"/usr", std::nullopt}, {"/bin", fs::path("usr/bin")}};
  plan.hidden = {"/nonexistent-file", "/tmp/ws/secret.txt"};
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
  CHECK(Find(argv, "--ro-bind", "/") < 0);  // never the host's root
  CHECK(Find(argv, "--ro-bind-try", "/usr") >= 0);
  CHECK(Find(argv, "--symlink", "usr/bin") >= 0);
  CHECK(Find(argv, "--tmpfs", "/tmp") >= 0);
  CHECK(Find(argv, "--tmpfs", "/tmp") < Find(argv, "--bind", "/tmp/ws"));
  // A hidden path beneath nothing shown is left out: its name never reaches the sandbox.
  CHECK(std::find(argv.begin(), argv.end(), "/nonexistent-file") == argv.end());
  // One beneath the workspace is hidden after the workspace is bound.
  CHECK(Find(argv, "/dev/null", "/tmp/ws/secret.txt") > Find(argv, "--bind", "/tmp/ws"));
  CHECK(Find(argv, "--tmpfs", "/tmp") < Find(argv, "--ro-bind", "/tmp/build"));
  CHECK(Find(argv, "--chdir", "/tmp/ws") >= 0);
  CHECK(Find(argv, "--info-fd", "3") >= 0);
  CHECK(Find(argv, "--", "make") == static_cast<long>(argv.size()) - 3);
}

TEST_CASE("The system view holds /usr and a few /etc files, never the host's home or /tmp") {
  std::vector<fs::path> paths;
  for (const ViewEntry& entry : SystemView()) paths.push_back(entry.path);
  CHECK(std::find(paths.begin(), paths.end(), fs::path("/usr")) != paths.end());
  for (const char* never : {"/", "/root", "/home", "/tmp", "/var", "/opt", "/srv", "/etc", "/run"}) {
    CHECK(std::find(paths.begin(), paths.end(), fs::path(never)) == paths.end());
  }
}

TEST_CASE("IsBeneath compares whole path components") {
  CHECK(IsBeneath("/a/b/c", "/a/b"));
  CHECK(IsBeneath("/a/b", "/a/b"));
  CHECK(IsBeneath("/a/b/", "/a/b"));
  CHECK(IsBeneath("/a/b/c", "/a/b/"));
  CHECK_FALSE(IsBeneath("/a/bc", "/a/b"));
  CHECK_FALSE(IsBeneath("/a", "/a/b"));
  CHECK_FALSE(IsBeneath("/a/b/../c", "/a/b"));
}

TEST_CASE("ParseBwrapChildPid reads bubblewrap's info") {
  CHECK(ParseBwrapChildPid("{\n    \"child-pid\": 4242,\n    \"net-namespace\": 1\n}") == 4242);
  CHECK_FALSE(ParseBwrapChildPid("{}"));
  CHECK_FALSE(ParseBwrapChildPid("{\"child-pid\": "));
}

}  // namespace clade::sandbox
