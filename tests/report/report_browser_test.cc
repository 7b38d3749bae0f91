// The report in a real browser: headless Chromium (Debian's) driven by Playwright
// (playwright-core from npm, installed by scripts/setup.sh under <build>/node). Missing
// either is a failure that says how to install them, unless CLADE_SKIP_BROWSER=1, which
// reports a skip (CTest's SKIP_REGULAR_EXPRESSION matches the line printed here).
#include <csignal>
#include <cstdlib>
#include <iostream>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tests/cli/cli_test_util.h"
#include "tests/report/sample_archive.h"
#include "tests/test_util.h"
#include <catch2/catch.hpp>

#include "support/fs.h"

namespace clade::report_test {
namespace {

namespace fs = std::filesystem;

std::string EnvOr(const char* name, const std::string& fallback) {
  const char* value = std::getenv(name);
  return value && *value ? std::string(value) : fallback;
}

// Empty if the browser tools are all there, else what is missing and how to get it.
std::string MissingTools(const fs::path& chromium, const fs::path& playwright) {
  std::string missing;
  if (testing::Shell("command -v node").exit_code != 0) {
    missing += "node is not installed (apt-get install nodejs). ";
  }
  if (!fs::exists(chromium)) {
    missing += chromium.string() + " is missing (scripts/setup.sh installs Debian's chromium). ";
  }
  if (!fs::exists(playwright / "package.json")) {
    missing += playwright.string() + " is missing (scripts/setup.sh runs npm install --prefix " +
               (testing::BinaryDir() / "node").string() + " playwright-core). ";
  }
  return missing;
}

struct BrowserTools {
  fs::path chromium;
  fs::path playwright;
  // "node report_browser.js --playwright P --chromium C"
  std::string Command() const {
    return "node " +
           testing::Quote((testing::SourceDir() / "tests/report/report_browser.js").string()) +
           " --playwright " + testing::Quote(playwright.string()) + " --chromium " +
           testing::Quote(chromium.string());
  }
};

// The browser tools, or nullopt when CLADE_SKIP_BROWSER=1 (the skip line printed); a
// missing tool fails the test.
std::optional<BrowserTools> Browser() {
  if (EnvOr("CLADE_SKIP_BROWSER", "") == "1") {
    std::cout << "CLADE_SKIP_BROWSER=1: browser test skipped" << std::endl;
    return std::nullopt;
  }
  BrowserTools tools{EnvOr("CLADE_CHROMIUM", "/usr/bin/chromium"),
                     EnvOr("CLADE_PLAYWRIGHT", (testing::BinaryDir() / "node" / "node_modules" /
                                                "playwright-core")
                                                   .string())};
  std::string missing = MissingTools(tools.chromium, tools.playwright);
  if (!missing.empty()) {
    FAIL("the browser test cannot run: "
         << missing << "Run scripts/setup.sh, or set CLADE_SKIP_BROWSER=1 to skip it.");
  }
  return tools;
}

// What report_browser.js printed: its JSON line.
nlohmann::json Seen(const testing::CommandOutput& browser) {
  size_t start = browser.output.find('{');
  REQUIRE(start != std::string::npos);
  auto seen = nlohmann::json::parse(browser.output.substr(start), nullptr, false);
  REQUIRE(!seen.is_discarded());
  return seen;
}

TEST_CASE("The report of a 50-variant run loads in Chromium and shows a clicked variant's diff") {
  auto tools = Browser();
  if (!tools) return;

  TempDir dir("clade-report-browser");
  SampleArchive sample = BuildSampleArchive(dir.path() / "run.git", 50);
  fs::path out = dir.path() / "report";
  auto report = cli_test::Clade({"report", "--archive", sample.path.string(), "-o", out.string()});
  INFO("clade report: " << report.out << report.err);
  REQUIRE(report.exit_code == 0);

  fs::path screenshot = testing::BinaryDir() / "tests" / "report" / "report_browser_test.png";
  std::string command =
      tools->Command() + " --page " +
      testing::Quote((out / "index.html").string()) + " --expect-nodes " +
      std::to_string(sample.variants) + " --click " + std::to_string(sample.best) +
      " --expect-diff " + testing::Quote(sample.best_line) + " --screenshot " +
      testing::Quote(screenshot.string());
  auto browser = testing::Shell(command);
  INFO("browser: " << browser.output);
  CHECK(browser.exit_code == 0);
  nlohmann::json seen = Seen(browser);
  CHECK(seen["problems"].empty());
  CHECK(seen["nodes"] == sample.variants);
  CHECK(seen["panelTitle"] == "Variant #" + std::to_string(sample.best));
  CHECK(fs::file_size(screenshot) > 10000);
}

// A TCP port of 127.0.0.1 that was free a moment ago.
int FreePort() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
  socklen_t size = sizeof address;
  REQUIRE(::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size) == 0);
  ::close(fd);
  return ntohs(address.sin_port);
}

// A process started by StartClade, stopped by `signal` and waited for at the end of scope.
struct Started {
  pid_t pid;
  int signal;
  ~Started() {
    ::kill(pid, signal);
    int status = 0;
    ::waitpid(pid, &status, 0);
  }
};

TEST_CASE("clade serve's page follows a running clade run: a new child appears without a reload") {
  auto tools = Browser();
  if (!tools) return;
  TempDir dir("clade-serve-browser");
  cli_test::WriteSquareProject(dir.path());
  // Each hidden test takes a second, so the run makes a child every few seconds.
  for (const char* task : {"n03", "n05"}) {
    fs::path check = dir.path() / "squares/tasks" / task / "tests/check.sh";
    REQUIRE(WriteFile(check, "sleep 1\n" + ReadFile(check).value()));
  }
  fs::path config = dir.path() / "live.yaml";
  REQUIRE(WriteFile(config, "run: {name: live, archive: runs/live.git, seed: 3}\n"
                            "agent: agent\nbenchmark: squares\nmutator: gi\n"
                            "gi: {max_operators: 2}\nworkers: 1\nbudget: {iterations: 6}\n"));
  fs::path archive = dir.path() / "runs/live.git";
  Started run{cli_test::StartClade({"run", config.string(), "--work", (dir.path() / "work").string()}),
              SIGINT};
  REQUIRE(cli_test::WaitFor(
      [&] {
        auto log = cli_test::Clade({"log", "--archive", archive.string(), "--json"});
        return log.exit_code == 0 && log.out.find("\"id\"") != std::string::npos;
      },
      60));
  int port = FreePort();
  Started serve{cli_test::StartClade({"serve", "--archive", archive.string(), "--port",
                                      std::to_string(port)}),
                SIGTERM};

  fs::path screenshot = testing::BinaryDir() / "tests" / "report" / "serve_browser_test.png";
  auto browser = testing::Shell(tools->Command() + " --url http://127.0.0.1:" +
                                std::to_string(port) + "/ --live-child 120 --expect-diff " +
                                testing::Quote("src/agent.cc") + " --screenshot " +
                                testing::Quote(screenshot.string()));
  INFO("browser: " << browser.output);
  CHECK(browser.exit_code == 0);
  nlohmann::json seen = Seen(browser);
  CHECK(seen["problems"].empty());
  CHECK(seen["nodesAtLoad"].get<int>() >= 1);
  CHECK(seen["newId"] == seen["nodesAtLoad"]);
  CHECK(seen["updates"].get<int>() >= 1);
  CHECK_THAT(seen["compareTitle"].get<std::string>(),
             Catch::Contains("Compare #" + seen["newId"].dump()));
  CHECK(fs::file_size(screenshot) > 10000);
}

}  // namespace
}  // namespace clade::report_test
