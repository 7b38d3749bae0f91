// Where the archive is: --archive if given, else run.archive in ./clade.yaml.
#pragma once

#include <filesystem>
#include <string>

#include "support/error.h"

namespace clade::cli {

// The archive path: `flag` if non-empty, else `run.archive` from `directory`/clade.yaml,
// resolved relative to that file. Errors (kUsage) are one sentence naming clade.yaml, its
// line, or saying that there is neither.
Result<std::filesystem::path> LocateArchive(
    const std::string& flag,
    const std::filesystem::path& directory = std::filesystem::current_path());

// Reads just `run.archive` from a config file, relative to the file's directory.
Result<std::filesystem::path> ArchiveFromConfig(const std::filesystem::path& config);

}  // namespace clade::cli
