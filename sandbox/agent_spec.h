// agent.yaml: how to build and run an agent (docs/agents.md, "The agent contract").
//
//   name: repair
//   build:                      # optional; this is the default
//     - cmake -S {src} -B {build} -G Ninja -DCMAKE_BUILD_TYPE=Release
//     - cmake --build {build}
//   run: "{build}/repair-agent"
//   editable: ["src/**"]        # default: everything but agent.yaml
//
// A command is a shell string or an argv list. {src} and {build} are the agent's source
// and build directories, chosen by the harness.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "support/error.h"

namespace clade::sandbox {

struct AgentCommand {
  std::vector<std::string> argv;  // an argv list, or {"/bin/sh", "-c", text} for a string
};

struct AgentSpec {
  std::string name;
  std::vector<AgentCommand> build;
  AgentCommand run;
  std::vector<std::string> editable;  // globs; "**" matches any number of directories
};

// Reads <directory>/agent.yaml. Errors name the file and line (unknown key, wrong type,
// missing 'run').
Result<AgentSpec> LoadAgentSpec(const std::filesystem::path& directory);

// The command with {src} and {build} replaced (shell-quoted inside shell strings).
AgentCommand Expand(const AgentCommand& command, const std::filesystem::path& src,
                    const std::filesystem::path& build);

}  // namespace clade::sandbox
