#include "engine/cli/export_command.h"

#include <memory>
#include <system_error>

#include <fmt/format.h>

#include "engine/cli/output.h"

namespace clade::cli {

namespace {

struct ExportOptions {
  std::string archive;
  std::string variant;
  std::string directory;
  bool json = false;
};

// The target must not exist or be an empty directory; say which it is otherwise.
Result<> CheckTarget(const std::filesystem::path& directory) {
  std::error_code ec;
  auto status = std::filesystem::status(directory, ec);
  if (!std::filesystem::exists(status)) return {};
  if (!std::filesystem::is_directory(status)) {
    return FailAs(ErrorKind::kUsage, "{} exists and is not a directory", directory.string());
  }
  if (!std::filesystem::is_empty(directory, ec)) {
    return FailAs(ErrorKind::kUsage, "{} is not empty; export into a new or empty directory",
                  directory.string());
  }
  return {};
}

Result<> RunExport(const ExportOptions& options) {
  auto archive = CLADE_TRY(OpenArchive(options.archive, archive::Mode::kRead));
  VariantId id = CLADE_TRY(ResolveVariant(*archive, options.variant));
  std::filesystem::path directory = options.directory;
  CLADE_TRY(CheckTarget(directory));
  CLADE_TRY(archive->Export(id, directory));
  const Variant& variant = archive->variant(id);
  if (options.json) {
    PrintJson({{"id", id}, {"commit", variant.commit}, {"directory", directory.string()}});
  } else {
    Print(fmt::format("exported variant {} ({}) to {}\n", id, variant.commit.substr(0, 12),
                      directory.string()));
  }
  return {};
}

}  // namespace

Command RegisterExportCommand(CLI::App& app) {
  auto options = std::make_shared<ExportOptions>();
  CLI::App* command =
      app.add_subcommand("export", "Write a variant's source into a directory, ready to build");
  command->add_option("VARIANT", options->variant, "An id, 'seed', 'best' or a commit prefix")
      ->required();
  command->add_option("DIR", options->directory, "A new or empty directory")->required();
  AddArchiveOption(*command, &options->archive);
  AddJsonOption(*command, &options->json);
  command->footer(
      "Writes the variant's whole source tree (executable bits and symlinks kept) into DIR,\n"
      "which must not exist or be empty.\n\n"
      "Examples:\n  clade export best winner && cmake -S winner -B winner/build");
  return {command, [options] { return RunExport(*options); }};
}

}  // namespace clade::cli
