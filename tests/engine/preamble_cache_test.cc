// Syntax checks with precompiled preambles (parse.h) give what plain parses give.
#include "tests/test_util.h"
#include <catch2/catch.hpp>

#include "engine/mutation/parse.h"
#include "support/fs.h"

using namespace clade;
using namespace clade::mutation;

namespace {

const char kHeader[] = "#pragma once\ninline int Base() { return 3; }\n";

const char kSource[] = R"(#include "num.h"
#include <cstddef>

int Twice(int x) { return x * 2 + Base(); }
std::size_t Size() { return sizeof(int); }
)";

std::string Errors(const std::vector<Diagnostic>& errors) {
  return FormatDiagnostics(errors);
}

}  // namespace

TEST_CASE("PreambleCache: checks reuse the preamble and report what a plain parse reports") {
  TempDir dir("clade-preamble");
  testing::WriteTree(dir.path(), {{"src/num.h", kHeader}, {"src/calc.cc", kSource}});
  const AgentSource agent = OrThrow(AgentSource::Open(dir.path()));
  PreambleCache cache;
  auto check = [&](const FileOverlay& overlay) {
    const std::string with = Errors(OrThrow(CheckSyntax(agent, "src/calc.cc", overlay, &cache)));
    const std::string without = Errors(OrThrow(CheckSyntax(agent, "src/calc.cc", overlay)));
    CHECK(with == without);
    return with;
  };
  std::string body = kSource;

  CHECK(check({}).empty());
  CHECK(cache.stats().built == 1);

  // A changed body: the preamble is reused; a new error is found at its line.
  FileOverlay edited = {{"src/calc.cc", body.replace(body.find("x * 2"), 5, "x * y")}};
  const std::string error = check(edited);
  CHECK(error.find("src/calc.cc:4:") != std::string::npos);
  CHECK(error.find("undeclared identifier 'y'") != std::string::npos);
  CHECK(cache.stats().reused == 1);
  CHECK(cache.stats().built == 1);

  // A header the preamble read, changed in the overlay: built again, and the change is seen.
  FileOverlay header = {{"src/num.h", "#pragma once\ninline int Other() { return 3; }\n"}};
  CHECK(check(header).find("undeclared identifier 'Base'") != std::string::npos);
  CHECK(cache.stats().built == 2);

  // A preamble with an error is not kept: the check runs as a plain parse.
  FileOverlay broken = {{"src/calc.cc", "#include \"missing.h\"\nint F() { return 1; }\n"}};
  CHECK(check(broken).find("'missing.h' file not found") != std::string::npos);
  CHECK(cache.stats().plain == 1);
}
