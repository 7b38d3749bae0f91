#include "sandbox/agent_spec.h"

#include "support/strings.h"
#include "support/yaml.h"

namespace clade::sandbox {
namespace {

namespace fs = std::filesystem;

AgentCommand Shell(std::string text) {
  return AgentCommand{{"/bin/sh", "-c", std::move(text)}};
}

bool IsShell(const AgentCommand& command) {
  return command.argv.size() == 3 && command.argv[0] == "/bin/sh" && command.argv[1] == "-c";
}

std::string ShellQuote(const std::string& text) {
  std::string quoted = "'";
  for (char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

// A command node: a string (shell) or a list of strings (argv).
Result<AgentCommand> ReadCommand(const fs::path& file, const YAML::Node& node, const char* what) {
  if (node.IsScalar()) return Shell(node.Scalar());
  if (node.IsSequence() && node.size() > 0) {
    AgentCommand command;
    for (const auto& item : node) {
      if (!item.IsScalar()) break;
      command.argv.push_back(item.Scalar());
    }
    if (command.argv.size() == node.size()) return command;
  }
  return FailAs(ErrorKind::kUsage, "{}: {} must be a shell string or a list of strings",
                Where(file, node), what);
}

std::vector<AgentCommand> DefaultBuild() {
  return {Shell("cmake -S {src} -B {build} -G Ninja -DCMAKE_BUILD_TYPE=Release"),
          Shell("cmake --build {build}")};
}

}  // namespace

Result<AgentSpec> LoadAgentSpec(const fs::path& directory) {
  fs::path file = directory / "agent.yaml";
  std::error_code error;
  if (!fs::is_directory(directory, error)) {
    return FailAs(ErrorKind::kNotFound, "{} is not a directory", directory.string());
  }
  if (!fs::exists(file, error)) {
    return FailAs(ErrorKind::kUsage, "{} has no agent.yaml, so it is not an agent",
                  directory.string());
  }
  YamlDocument doc = CLADE_TRY(LoadYaml(file));
  CLADE_TRY(CheckKeys(file, doc.root, "agent.yaml", {"name", "build", "run", "editable"},
                      {"name", "run"}));
  AgentSpec spec;
  spec.name = CLADE_TRY(ReadString(file, doc.root, "name")).value();
  spec.run = CLADE_TRY(ReadCommand(file, doc.root["run"], "'run'"));
  if (YAML::Node build = doc.root["build"]) {
    if (!build.IsSequence()) {
      return FailAs(ErrorKind::kUsage, "{}: 'build' must be a list of commands",
                    Where(file, build));
    }
    for (const auto& item : build)
      spec.build.push_back(CLADE_TRY(ReadCommand(file, item, "a build step")));
  } else {
    spec.build = DefaultBuild();
  }
  auto editable = CLADE_TRY(ReadStringList(file, doc.root, "editable"));
  spec.editable = editable ? *editable : std::vector<std::string>{"**"};
  return spec;
}

AgentCommand Expand(const AgentCommand& command, const fs::path& src, const fs::path& build) {
  AgentCommand expanded = command;
  bool shell = IsShell(command);
  std::string src_text = shell ? ShellQuote(src.string()) : src.string();
  std::string build_text = shell ? ShellQuote(build.string()) : build.string();
  for (size_t i = shell ? 2 : 0; i < expanded.argv.size(); ++i) {
    ReplaceAll(&expanded.argv[i], "{src}", src_text);
    ReplaceAll(&expanded.argv[i], "{build}", build_text);
  }
  return expanded;
}

}  // namespace clade::sandbox
