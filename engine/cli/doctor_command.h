// `clade doctor`: what the sandbox can enforce on this machine, and the toolchain that
// agents are built with.
#pragma once

#include "engine/cli/command.h"

namespace clade::cli {

Command RegisterDoctorCommand(CLI::App& app);

}  // namespace clade::cli
