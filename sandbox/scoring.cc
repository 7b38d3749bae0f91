#include "sandbox/scoring.h"

#include <optional>
#include <regex>

#include "support/beneath.h"
#include "support/fs.h"
#include "support/strings.h"

namespace clade::sandbox {

namespace {
constexpr size_t kMaxJunitBytes = 16u << 20;
}  // namespace

Result<TestTally> ParseSummary(std::string_view output) {
  static const std::regex kLine(
      R"(^\s*(?:[A-Za-z_-]+:\s*)?(\d+) passed, (\d+) failed(?:, \d+ skipped)?\s*$)");
  std::optional<TestTally> last;
  for (const std::string& line : Split(output, '\n')) {
    std::smatch match;
    if (std::regex_match(line, match, kLine)) {
      last = TestTally{std::stoi(match[1]), std::stoi(match[2])};
    }
  }
  if (!last) return FailAs(ErrorKind::kFailure, "the test printed no 'N passed, N failed' line");
  return *last;
}

Result<TestTally> ParseJunit(const std::filesystem::path& workspace,
                             const std::filesystem::path& report) {
  auto text = ReadFileBeneath(workspace, report, kMaxJunitBytes);
  if (!text) {
    return FailAs(ErrorKind::kFailure, "no JUnit report at {}: {}", report.string(),
                  text.error().message);
  }
  TestTally tally;
  size_t at = 0;
  while ((at = text->find("<testcase", at)) != std::string::npos) {
    size_t open_end = text->find('>', at);
    if (open_end == std::string::npos) break;
    bool self_closing = (*text)[open_end - 1] == '/';
    size_t end = self_closing ? open_end : text->find("</testcase>", open_end);
    if (end == std::string::npos) end = text->size();
    std::string_view body = std::string_view(*text).substr(open_end, end - open_end);
    bool failed = body.find("<failure") != std::string_view::npos ||
                  body.find("<error") != std::string_view::npos;
    (failed ? tally.failed : tally.passed)++;
    at = end;
  }
  if (tally.passed + tally.failed == 0) {
    return FailAs(ErrorKind::kFailure, "the JUnit report {} has no test cases", report.string());
  }
  return tally;
}

}  // namespace clade::sandbox
