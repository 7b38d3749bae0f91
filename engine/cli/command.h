// What every `clade` subcommand shares: how it is registered with CLI11, the common
// options (--archive, --json, --benchmark), and opening the archive and resolving variants
// with error messages that name what the user typed.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "archive/archive.h"
#include "support/error.h"

namespace clade::cli {

// What to run once the command line named this subcommand. Errors are values until main.
using Action = std::function<Result<>()>;

struct Command {
  CLI::App* app = nullptr;
  Action run;
};

// Registers every subcommand on `app`, in the order `clade --help` lists them.
std::vector<Command> RegisterCommands(CLI::App& app);

// The common options. Their values live in the command's own options struct.
void AddArchiveOption(CLI::App& command, std::string* archive);
void AddJsonOption(CLI::App& command, bool* json);
void AddBenchmarkOption(CLI::App& command, std::string* benchmark);

// Opens the archive named by --archive (or run.archive in ./clade.yaml). `holder` names
// the writer for Mode::kWrite ("clade prune").
Result<std::unique_ptr<archive::Archive>> OpenArchive(const std::string& archive_flag,
                                                      archive::Mode mode,
                                                      std::string_view holder = "clade");

// Opens the archive at a known path; errors name the path.
Result<std::unique_ptr<archive::Archive>> OpenArchiveAt(const std::filesystem::path& path,
                                                        archive::Mode mode,
                                                        std::string_view holder = "clade");

// Archive::Resolve, with an error that names what the user typed.
Result<archive::VariantId> ResolveVariant(archive::Archive& archive, std::string_view spec);

// The benchmark whose records to show: `flag` if given (it must be a valid name), else
// the archive's default benchmark; nullopt when there is none.
Result<std::optional<std::string>> ChooseBenchmark(archive::Archive& archive,
                                                   const std::string& flag);

}  // namespace clade::cli
