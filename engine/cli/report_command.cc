#include "engine/cli/report_command.h"

#include <cstdio>
#include <memory>

#include <fmt/format.h>

#include "engine/cli/output.h"
#include "engine/report/report_writer.h"

namespace clade::cli {

namespace fs = std::filesystem;

fs::path DefaultReportDirectory(const fs::path& archive) {
  fs::path path = archive.filename().empty() ? archive.parent_path() : archive;
  std::string name = path.filename().string();
  if (name.size() > 4 && name.ends_with(".git")) name.resize(name.size() - 4);
  return path.parent_path() / (name + "-report");
}

namespace {

struct ReportOptions {
  std::string archive;
  std::string benchmark;
  std::string output;
  size_t diff_cap_kb = 20;
  bool json = false;
};

// Progress on stderr for archives big enough to take a while: a line every tenth.
report::Progress StderrProgress(size_t total) {
  constexpr size_t kQuietBelow = 200;
  if (total < kQuietBelow) return {};
  return [](size_t done, size_t all) {
    if (done * 10 / all != (done - 1) * 10 / all || done == all) {
      fmt::print(stderr, "clade report: {}/{} variants\n", done, all);
      std::fflush(stderr);
    }
  };
}

Result<> RunReport(const ReportOptions& options) {
  auto archive = CLADE_TRY(OpenArchive(options.archive, archive::Mode::kRead));
  report::ReportOptions report_options;
  report_options.benchmark = CLADE_TRY(ChooseBenchmark(*archive, options.benchmark));
  report_options.diff_cap_bytes = options.diff_cap_kb * 1024;
  fs::path directory =
      options.output.empty() ? DefaultReportDirectory(archive->path()) : fs::path(options.output);
  auto written = CLADE_TRY(
      report::WriteReport(*archive, directory, report_options, StderrProgress(archive->size())));
  if (options.json) {
    PrintJson({{"path", written.index.string()}, {"variants", written.variants}});
  } else {
    Print(fmt::format("wrote {} ({} variants{}); open it in a browser\n", written.index.string(),
                      written.variants,
                      report_options.benchmark
                          ? fmt::format(", scores on {}", *report_options.benchmark)
                          : std::string(", no evaluation records")));
  }
  return {};
}

}  // namespace

Command RegisterReportCommand(CLI::App& app) {
  auto options = std::make_shared<ReportOptions>();
  CLI::App* command = app.add_subcommand(
      "report", "Write a self-contained HTML page of the run: lineage tree, scores, diffs");
  AddArchiveOption(*command, &options->archive);
  command->add_option("-o,--output", options->output,
                      "The report directory (default: beside the archive, e.g. "
                      "runs/quickstart.git -> runs/quickstart-report)");
  AddBenchmarkOption(*command, &options->benchmark);
  command
      ->add_option("--diff-cap", options->diff_cap_kb,
                   "Cut each variant's diff to this many KiB in the page (default 20)")
      ->check(CLI::Range(size_t{1}, size_t{1} << 20));
  AddJsonOption(*command, &options->json);
  command->footer(
      "Writes DIR/index.html and DIR/variants/<id>.js: open index.html from disk, no server\n"
      "or network needed. The tree is coloured by score on the benchmark, failed variants\n"
      "are marked, the path from the seed to the best variant is highlighted; click a\n"
      "variant for its record, per-task results, mutation and diff against its parent.\n"
      "An existing DIR is replaced only if it is empty or an earlier report.\n"
      "--json prints {\"path\": DIR/index.html, \"variants\": N}.\n\n"
      "Examples:\n  clade report --archive runs/quickstart.git\n"
      "  clade report -o /tmp/run-report && xdg-open /tmp/run-report/index.html");
  return {command, [options] { return RunReport(*options); }};
}

}  // namespace clade::cli
