// `clade status`: the archive at a glance: variant counts, benchmark, best, run state.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "engine/cli/command.h"
#include "engine/cli/output.h"

namespace clade::cli {

Command RegisterStatusCommand(CLI::App& app);

// The status object (see docs/cli.md) from a view, the archive path, every benchmark
// with records, the run state (null if none) and the models' usage
// (report::ModelUsageJson; an empty list for a run without models).
nlohmann::json StatusJson(const ArchiveView& view, const std::string& archive_path,
                          const std::vector<std::string>& benchmarks, const nlohmann::json& run,
                          const nlohmann::json& models = nlohmann::json::array());

// The same facts as aligned text.
std::string RenderStatusText(const nlohmann::json& status);

}  // namespace clade::cli
