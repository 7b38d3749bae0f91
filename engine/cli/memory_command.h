// `clade memory`: the run memory's lessons (docs/models.md, "Run memory"), one per child,
// as a table or as JSON.
#pragma once

#include <string>
#include <vector>

#include "engine/cli/command.h"
#include "engine/mutation/lesson.h"

namespace clade::cli {

Command RegisterMemoryCommand(CLI::App& app);

// The lessons as an aligned table with a header line (id, parent, by, outcome, files,
// summary), or one sentence when there are none.
std::string RenderMemoryText(const std::vector<mutation::Lesson>& lessons);

}  // namespace clade::cli
