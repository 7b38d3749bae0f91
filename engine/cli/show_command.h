// `clade show VARIANT [--diff]`: one variant's lineage, commit message with its mutation
// trailers, evaluation records, log paths, and optionally the diff against its first parent.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "archive/archive.h"
#include "engine/cli/command.h"

namespace clade::cli {

Command RegisterShowCommand(CLI::App& app);

// What `clade show VARIANT --json` prints (with `diff` when `with_diff`), the records of
// `benchmark_flag` (or the default benchmark) as `record`. Errors: VARIANT names none.
Result<nlohmann::json> ShowVariantJson(archive::Archive& archive, std::string_view variant,
                                       const std::string& benchmark_flag, bool with_diff);

}  // namespace clade::cli
