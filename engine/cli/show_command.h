// `clade show VARIANT [--diff]`: one variant's lineage, commit message with its mutation
// trailers, evaluation records, log paths, and optionally the diff against its first parent.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/cli/command.h"

namespace clade::cli {

Command RegisterShowCommand(CLI::App& app);

// The trailers ("Key: value" lines) of a commit message's last paragraph, in order.
std::vector<std::pair<std::string, std::string>> ParseTrailers(std::string_view message);

}  // namespace clade::cli
