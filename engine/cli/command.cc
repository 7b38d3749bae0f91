#include "engine/cli/command.h"

#include <algorithm>
#include <system_error>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "engine/cli/add_command.h"
#include "engine/cli/archive_location.h"
#include "engine/cli/diff_command.h"
#include "engine/cli/doctor_command.h"
#include "engine/cli/eval_command.h"
#include "engine/cli/export_command.h"
#include "engine/cli/log_command.h"
#include "engine/cli/memory_command.h"
#include "engine/cli/mutate_command.h"
#include "engine/cli/prune_command.h"
#include "engine/cli/report_command.h"
#include "engine/cli/replay_command.h"
#include "engine/cli/run_command.h"
#include "engine/cli/serve_command.h"
#include "engine/cli/show_command.h"
#include "engine/cli/status_command.h"
#include "engine/cli/tree_command.h"
#include "engine/cli/worker_command.h"

namespace clade::cli {

std::vector<Command> RegisterCommands(CLI::App& app) {
  std::vector<Command> commands;
  commands.push_back(RegisterRunCommand(app));
  commands.push_back(RegisterAddCommand(app));
  commands.push_back(RegisterStatusCommand(app));
  commands.push_back(RegisterTreeCommand(app));
  commands.push_back(RegisterLogCommand(app));
  commands.push_back(RegisterShowCommand(app));
  commands.push_back(RegisterDiffCommand(app));
  commands.push_back(RegisterMemoryCommand(app));
  commands.push_back(RegisterExportCommand(app));
  commands.push_back(RegisterEvalCommand(app));
  commands.push_back(RegisterReplayCommand(app));
  commands.push_back(RegisterDoctorCommand(app));
  commands.push_back(RegisterMutateCommand(app));
  commands.push_back(RegisterPruneCommand(app, /*prune=*/true));
  commands.push_back(RegisterPruneCommand(app, /*prune=*/false));
  commands.push_back(RegisterReportCommand(app));
  commands.push_back(RegisterServeCommand(app));
  commands.push_back(RegisterWorkerCommand(app));
  return commands;
}

void AddArchiveOption(CLI::App& command, std::string* archive) {
  command.add_option("--archive", *archive,
                     "The archive repository (default: run.archive in ./clade.yaml)");
}

void AddJsonOption(CLI::App& command, bool* json) {
  command.add_flag("--json", *json, "Print JSON instead of text (fields: see docs/cli.md)");
}

void AddBenchmarkOption(CLI::App& command, std::string* benchmark) {
  command.add_option("--benchmark", *benchmark,
                     "Show records of this benchmark (default: the run's benchmark, or the "
                     "only one with records)");
}

namespace {

// Makes sure an error message names `what`, adding it as context when it does not.
Error Naming(Error error, std::string_view what, std::string_view context) {
  if (error.message.find(what) == std::string::npos) {
    return std::move(error).Context(context);
  }
  return error;
}

}  // namespace

Result<std::unique_ptr<archive::Archive>> OpenArchiveAt(const std::filesystem::path& path,
                                                        archive::Mode mode,
                                                        std::string_view holder) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    return FailAs(ErrorKind::kNotFound,
                  "there is no archive at {} (create one with 'clade add DIR --archive {}')",
                  path.string(), path.string());
  }
  archive::OpenOptions options;
  options.mode = mode;
  options.holder = std::string(holder);
  auto opened = archive::Archive::Open(path, options);
  if (!opened) {
    return tl::unexpected(
        Naming(opened.error(), path.string(), fmt::format("archive {}", path.string())));
  }
  return opened;
}

Result<std::unique_ptr<archive::Archive>> OpenArchive(const std::string& archive_flag,
                                                      archive::Mode mode, std::string_view holder) {
  auto path = CLADE_TRY(LocateArchive(archive_flag));
  return OpenArchiveAt(path, mode, holder);
}

Result<archive::VariantId> ResolveVariant(archive::Archive& archive, std::string_view spec) {
  auto id = archive.Resolve(spec);
  if (!id) {
    return tl::unexpected(
        Naming(id.error(), fmt::format("'{}'", spec), fmt::format("variant '{}'", spec)));
  }
  return id;
}

Result<std::optional<std::string>> ChooseBenchmark(archive::Archive& archive,
                                                   const std::string& flag) {
  if (flag.empty()) return archive.DefaultBenchmark();
  if (!archive::IsValidBenchmarkName(flag)) {
    return FailAs(ErrorKind::kUsage,
                  "'{}' is not a benchmark name (letters, digits, '-', '_' and '.')", flag);
  }
  auto known = CLADE_TRY(archive.Benchmarks());
  auto state = CLADE_TRY(archive.DefaultBenchmark());
  bool found = std::find(known.begin(), known.end(), flag) != known.end() || state == flag;
  if (!found) {
    std::string names = known.empty() ? "none" : fmt::format("{}", fmt::join(known, ", "));
    return FailAs(ErrorKind::kNotFound,
                  "the archive has no records for benchmark '{}' (benchmarks with records: {})",
                  flag, names);
  }
  return std::optional<std::string>(flag);
}

}  // namespace clade::cli
