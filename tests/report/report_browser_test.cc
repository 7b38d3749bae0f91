// The report in a real browser: headless Chromium (Debian's) driven by Playwright
// (playwright-core from npm, installed by scripts/setup.sh under <build>/node). Missing
// either is a failure that says how to install them, unless CLADE_SKIP_BROWSER=1, which
// reports a skip (CTest's SKIP_REGULAR_EXPRESSION matches the line printed here).
#include <cstdlib>
#include <iostream>

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

TEST_CASE("The report of a 50-variant run loads in Chromium and shows a clicked variant's diff") {
  if (EnvOr("CLADE_SKIP_BROWSER", "") == "1") {
    std::cout << "CLADE_SKIP_BROWSER=1: browser test skipped" << std::endl;
    return;
  }
  fs::path chromium = EnvOr("CLADE_CHROMIUM", "/usr/bin/chromium");
  fs::path playwright =
      EnvOr("CLADE_PLAYWRIGHT",
            (testing::BinaryDir() / "node" / "node_modules" / "playwright-core").string());
  std::string missing = MissingTools(chromium, playwright);
  if (!missing.empty()) {
    FAIL("the browser test cannot run: "
         << missing << "Run scripts/setup.sh, or set CLADE_SKIP_BROWSER=1 to skip it.");
  }

  TempDir dir("clade-report-browser");
  SampleArchive sample = BuildSampleArchive(dir.path() / "run.git", 50);
  fs::path out = dir.path() / "report";
  auto report = cli_test::Clade({"report", "--archive", sample.path.string(), "-o", out.string()});
  INFO("clade report: " << report.out << report.err);
  REQUIRE(report.exit_code == 0);

  fs::path screenshot = testing::BinaryDir() / "tests" / "report" / "report_browser_test.png";
  std::string command =
      "node " + testing::Quote((testing::SourceDir() / "tests/report/report_browser.js").string()) +
      " --playwright " + testing::Quote(playwright.string()) + " --chromium " +
      testing::Quote(chromium.string()) + " --page " +
      testing::Quote((out / "index.html").string()) + " --expect-nodes " +
      std::to_string(sample.variants) + " --click " + std::to_string(sample.best) +
      " --expect-diff " + testing::Quote(sample.best_line) + " --screenshot " +
      testing::Quote(screenshot.string());
  auto browser = testing::Shell(command);
  INFO("browser: " << browser.output);
  CHECK(browser.exit_code == 0);
  auto seen =
      nlohmann::json::parse(browser.output.substr(browser.output.find('{')), nullptr, false);
  REQUIRE(!seen.is_discarded());
  CHECK(seen["problems"].empty());
  CHECK(seen["nodes"] == sample.variants);
  CHECK(seen["panelTitle"] == "Variant #" + std::to_string(sample.best));
  CHECK(fs::file_size(screenshot) > 10000);
}

}  // namespace
}  // namespace clade::report_test
