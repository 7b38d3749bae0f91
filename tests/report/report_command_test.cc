#include "engine/cli/report_command.h"

#include "tests/cli/cli_test_util.h"
#include "tests/report/sample_archive.h"
#include <catch2/catch.hpp>

#include "support/fs.h"

namespace clade::report_test {
namespace {

using cli_test::Clade;
using cli_test::Json;
namespace fs = std::filesystem;

TEST_CASE("DefaultReportDirectory is beside the archive, named after it") {
  CHECK(cli::DefaultReportDirectory("runs/quickstart.git") == "runs/quickstart-report");
  CHECK(cli::DefaultReportDirectory("runs/quickstart.git/") == "runs/quickstart-report");
  CHECK(cli::DefaultReportDirectory("/x/archive") == "/x/archive-report");
}

TEST_CASE("clade report --json writes the page and names it") {
  TempDir dir("clade-report-command");
  SampleArchive sample = BuildSampleArchive(dir.path() / "run.git", 20);
  auto run = Clade({"report", "--archive", sample.path.string(), "--json"});
  nlohmann::json out = Json(run);
  fs::path index = dir.path() / "run-report" / "index.html";
  CHECK(out["path"] == index.string());
  CHECK(out["variants"] == sample.variants);
  CHECK(fs::exists(index));
  CHECK(run.err.empty());  // no progress lines for a small archive

  fs::path other = dir.path() / "elsewhere";
  auto text = Clade(
      {"report", "--archive", sample.path.string(), "-o", other.string(), "--benchmark", "repair"});
  REQUIRE(text.exit_code == 0);
  CHECK(text.out.find("wrote " + (other / "index.html").string()) != std::string::npos);
  CHECK(text.out.find("scores on repair") != std::string::npos);
}

TEST_CASE("clade report refuses bad input with one sentence and the right exit code") {
  TempDir dir("clade-report-command");
  SampleArchive sample = BuildSampleArchive(dir.path() / "run.git", 20);
  auto missing = Clade({"report", "--archive", sample.path.string(), "--benchmark", "nope"});
  CHECK(missing.exit_code == 1);
  CHECK(missing.err.find("'nope'") != std::string::npos);

  fs::path mine = dir.path() / "mine";
  fs::create_directory(mine);
  REQUIRE(WriteFile(mine / "notes.txt", "keep"));
  auto refused = Clade({"report", "--archive", sample.path.string(), "-o", mine.string()});
  CHECK(refused.exit_code == 2);
  CHECK(refused.err.find(mine.string()) != std::string::npos);
  CHECK(fs::exists(mine / "notes.txt"));

  auto no_archive = Clade({"report", "--archive", (dir.path() / "none.git").string()});
  CHECK(no_archive.exit_code == 1);
  CHECK(no_archive.err.find("none.git") != std::string::npos);
}

}  // namespace
}  // namespace clade::report_test
