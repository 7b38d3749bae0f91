// Report benchmark: builds an archive of N variants with the shapes the tests use
// (tests/report/sample_archive.h: failures, a crossover, a pruned variant, llm logs, a
// big diff), times `clade report` on it, then loads the page in headless Chromium through
// tests/report/report_browser.js and reports the median time until the page is drawn.
// Prints a Markdown table.
//
//   report_bench [--variants N] [--clade PATH] [--playwright DIR] [--runs R] [--keep DIR]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "tests/report/sample_archive.h"
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "support/fs.h"

namespace clade {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

double MillisSince(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

std::string Quote(const std::string& text) {
  std::string quoted = "'";
  for (char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

// Runs a shell command; returns its exit status and stdout.
std::pair<int, std::string> Run(const std::string& command) {
  std::string out;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return {-1, out};
  char buffer[4096];
  size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
  return {::pclose(pipe), out};
}

uintmax_t DirectoryBytes(const fs::path& dir) {
  uintmax_t bytes = 0;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file()) bytes += entry.file_size();
  }
  return bytes;
}

struct Args {
  int variants = 2000;
  std::string clade = CLADE_BINARY_DIR "/clade";
  std::string playwright = CLADE_BINARY_DIR "/node/node_modules/playwright-core";
  int runs = 5;
  std::string keep;
};

Args Parse(int argc, char** argv) {
  Args args;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string key = argv[i], value = argv[i + 1];
    if (key == "--variants")
      args.variants = std::stoi(value);
    else if (key == "--clade")
      args.clade = value;
    else if (key == "--playwright")
      args.playwright = value;
    else if (key == "--runs")
      args.runs = std::stoi(value);
    else if (key == "--keep")
      args.keep = value;
    else
      throw std::runtime_error("unknown option " + key);
  }
  return args;
}

int Main(int argc, char** argv) {
  Args args = Parse(argc, argv);
  TempDir temp("clade-report-bench");
  fs::path root = args.keep.empty() ? temp.path() : fs::path(args.keep);
  fs::create_directories(root);
  auto start = Clock::now();
  auto sample = report_test::BuildSampleArchive(root / "run.git", args.variants - 1);
  double build_ms = MillisSince(start);

  fs::path out = root / "report";
  std::vector<double> report_ms;
  for (int run = 0; run < 3; ++run) {
    start = Clock::now();
    auto [status, text] =
        Run(Quote(args.clade) + " report --json --archive " + Quote(sample.path.string()) + " -o " +
            Quote(out.string()) + " 2>/dev/null");
    report_ms.push_back(MillisSince(start));
    if (status != 0) {
      fmt::print(stderr, "clade report failed: {}\n", text);
      return 1;
    }
  }
  std::sort(report_ms.begin(), report_ms.end());

  std::string browser = "node " + Quote(CLADE_SOURCE_DIR "/tests/report/report_browser.js") +
                        " --playwright " + Quote(args.playwright) + " --page " +
                        Quote((out / "index.html").string()) + " --expect-nodes " +
                        std::to_string(sample.variants) + " --click " +
                        std::to_string(sample.best) + " --measure " + std::to_string(args.runs);
  auto [status, text] = Run(browser);
  auto seen = nlohmann::json::parse(text, nullptr, false);
  if (status != 0 || seen.is_discarded()) {
    fmt::print(stderr, "the browser run failed: {}\n", text);
    return 1;
  }
  fmt::print("| measure ({} variants) | value |\n|---|---|\n", sample.variants);
  fmt::print("| build the sample archive | {:.1f} s |\n", build_ms / 1000);
  fmt::print("| `clade report`, whole process (median of 3) | {:.2f} s |\n", report_ms[1] / 1000);
  fmt::print("| index.html | {:.0f} KiB |\n", fs::file_size(out / "index.html") / 1024.0);
  fmt::print("| whole report directory | {:.1f} MiB |\n", DirectoryBytes(out) / 1048576.0);
  fmt::print("| page drawn (navigation start to ready), median of {} | {:.0f} ms |\n", args.runs,
             seen["measure"]["readyMedianMs"].get<double>());
  fmt::print("| page drawn, slowest of {} | {:.0f} ms |\n", args.runs,
             seen["measure"]["readyMaxMs"].get<double>());
  fmt::print("| load event, median | {:.0f} ms |\n", seen["measure"]["loadMedianMs"].get<double>());
  fmt::print("| click a node to its diff shown | {} ms |\n", seen["clickToDiffMs"].get<int>());
  fmt::print("| nodes drawn | {} |\n", seen["nodes"].get<int>());
  return 0;
}

}  // namespace
}  // namespace clade

int main(int argc, char** argv) {
  try {
    return clade::Main(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "report_bench: %s\n", e.what());
    return 2;
  }
}
