#include "engine/report/report_writer.h"

#include "tests/report/sample_archive.h"
#include <catch2/catch.hpp>

#include "archive/archive.h"
#include "support/fs.h"

namespace clade::report {
namespace {

size_t CountEntries(const fs::path& dir) {
  size_t n = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir)) ++n;
  return n;
}

struct Written {
  TempDir dir{"clade-report-writer"};
  report_test::SampleArchive sample = report_test::BuildSampleArchive(dir.path() / "run.git", 25);
  std::unique_ptr<archive::Archive> archive = *archive::Archive::Open(sample.path);
  ReportOptions options = [] {
    ReportOptions o;
    o.benchmark = "repair";
    return o;
  }();
};

TEST_CASE("WriteReport writes index.html, one script per variant and the marker") {
  Written w;
  fs::path out = w.dir.path() / "out";
  size_t calls = 0;
  auto written = WriteReport(*w.archive, out, w.options, [&](size_t done, size_t total) {
    ++calls;
    CHECK(done <= total);
  });
  REQUIRE(written);
  CHECK(written->index == out / "index.html");
  CHECK(written->variants == static_cast<size_t>(w.sample.variants));
  CHECK(calls == written->variants);
  CHECK(fs::exists(out / kMarkerFile));
  CHECK(CountEntries(out / "variants") == written->variants);
  auto index = ReadFile(out / "index.html");
  REQUIRE(index);
  CHECK(index->find("\"best_path\"") != std::string::npos);
  auto detail = ReadFile(out / "variants" / "1.js");
  REQUIRE(detail);
  CHECK(detail->rfind("cladeReport.detail(1, ", 0) == 0);
  // Only the report and the archive are left in the parent: no staging directory.
  CHECK(CountEntries(w.dir.path()) == 2);
}

TEST_CASE("WriteReport replaces an earlier report and an empty directory") {
  Written w;
  fs::path out = w.dir.path() / "out";
  fs::create_directory(out);
  REQUIRE(WriteReport(*w.archive, out, w.options));
  REQUIRE(WriteFile(out / "variants" / "9999.js", "stale"));
  REQUIRE(WriteReport(*w.archive, out.string() + "/", w.options));
  CHECK(!fs::exists(out / "variants" / "9999.js"));  // the old report is gone as a whole
  CHECK(fs::exists(out / "index.html"));
  CHECK(CountEntries(w.dir.path()) == 2);
}

TEST_CASE("WriteReport refuses a directory that is not a report and leaves it alone") {
  Written w;
  fs::path out = w.dir.path() / "mine";
  fs::create_directory(out);
  REQUIRE(WriteFile(out / "notes.txt", "keep me"));
  auto written = WriteReport(*w.archive, out, w.options);
  REQUIRE(!written);
  CHECK(written.error().kind == ErrorKind::kUsage);
  CHECK(written.error().message.find(out.string()) != std::string::npos);
  CHECK(ReadFile(out / "notes.txt").value_or("") == "keep me");
  CHECK(CountEntries(out) == 1);
  CHECK(CountEntries(w.dir.path()) == 2);

  REQUIRE(WriteFile(w.dir.path() / "file", "x"));
  auto on_file = WriteReport(*w.archive, w.dir.path() / "file", w.options);
  REQUIRE(!on_file);
  CHECK(on_file.error().kind == ErrorKind::kUsage);
}

}  // namespace
}  // namespace clade::report
