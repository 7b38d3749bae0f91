// `clade add DIR [--parent V]... [-m MSG]`: imports a hand-written agent as a variant.
// Without an archive it creates one with DIR as the seed (variant 0); two or more parents
// make a crossover child.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "archive/archive.h"
#include "engine/cli/command.h"

namespace clade::cli {

Command RegisterAddCommand(CLI::App& app);

// The commit the CLI makes for DIR: summary from the first line of `message` (default
// "add <dir name>"), the rest as details, and the trailer Clade-Mutator: manual.
archive::NewVariant ManualVariant(const std::filesystem::path& directory,
                                  const std::string& message,
                                  std::vector<archive::VariantId> parents, std::string tree);

}  // namespace clade::cli
