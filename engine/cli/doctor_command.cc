#include "engine/cli/doctor_command.h"

#include <cstdio>
#include <memory>

#include <fmt/format.h>

#include "engine/cli/output.h"
#include "engine/model/model_check.h"
#include "sandbox/protections.h"
#include "support/strings.h"
#include "support/yaml.h"

namespace clade::cli {

namespace {

struct DoctorOptions {
  bool json = false;
  std::string config;  // the run config whose model is checked; default ./clade.yaml
};

// The first line a tool prints for --version, or empty if it is not there.
std::string ToolVersion(const std::string& tool) {
  std::string command = tool + " --version 2>/dev/null";
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) return "";
  char line[512] = {0};
  std::string first = std::fgets(line, sizeof line, pipe) ? std::string(Trim(line)) : "";
  ::pclose(pipe);
  return first;
}

// The model of the run config, if it names one: whether it answers (one small call), as
// {"provider", "name", "endpoint", "ok", "seconds", "message"}; else a string saying why not.
nlohmann::json ModelStatus(const std::string& config) {
  std::filesystem::path file = config.empty() ? "clade.yaml" : config;
  std::error_code error;
  if (config.empty() && !std::filesystem::exists(file, error)) {
    return "not configured (no clade.yaml here; pass --config FILE)";
  }
  Result<YamlDocument> doc = LoadYaml(file);
  if (!doc) return doc.error().message;
  if (!doc->root["model"])
    return fmt::format("not configured ({} has no model section)", file.string());
  Result<model::ModelConfig> model =
      model::LoadModelConfig(std::filesystem::absolute(file), doc->root["model"]);
  if (!model) return model.error().message;
  return model::CheckModel(*model).ToJson(*model);
}

std::string ModelText(const nlohmann::json& status) {
  if (status.is_string()) return status.get<std::string>();
  return fmt::format(
      "{} ({}) at {}: {}{}", status["name"].get<std::string>(),
      status["provider"].get<std::string>(), status["endpoint"].get<std::string>(),
      status["ok"].get<bool>() ? "" : "UNREACHABLE: ", status["message"].get<std::string>());
}

Result<> RunDoctor(const DoctorOptions& options) {
  const sandbox::Protections& protections = sandbox::CurrentProtections();
  std::vector<std::string> tools = {"c++", "cmake", "ninja", "ccache", "git", "bwrap"};
  nlohmann::json toolchain = nlohmann::json::object();
  for (const std::string& tool : tools) {
    std::string version = ToolVersion(tool);
    toolchain[tool] = version.empty() ? nlohmann::json() : nlohmann::json(version);
  }
  if (options.json) {
    nlohmann::json out = sandbox::ProtectionsJson(protections);
    out["toolchain"] = toolchain;
    out["model"] = ModelStatus(options.config);
    PrintJson(out);
    return {};
  }
  Print("sandbox protections on this machine:\n");
  for (const std::string& line : sandbox::ProtectionsText(protections)) Print("  " + line + "\n");
  Print("\ntoolchain for building agents:\n");
  std::vector<std::vector<std::string>> rows;
  for (const std::string& tool : tools) {
    std::string version =
        toolchain[tool].is_null() ? "MISSING" : toolchain[tool].get<std::string>();
    rows.push_back({"  " + tool, version});
  }
  Print(RenderTable(rows));
  Print("\nmodel: " + ModelText(ModelStatus(options.config)) + "\n");
  return {};
}

}  // namespace

Command RegisterDoctorCommand(CLI::App& app) {
  auto options = std::make_shared<DoctorOptions>();
  CLI::App* command = app.add_subcommand(
      "doctor", "What the sandbox can enforce here, and the toolchain agents build with");
  AddJsonOption(*command, &options->json);
  command->add_option("--config", options->config,
                      "Run config whose model to check (default: ./clade.yaml)");
  command->footer(
      "Tries each protection for real (a trial bubblewrap sandbox, a cgroup of its own that\n"
      "it removes again) and says which hold: filesystem, network, process tree, memory,\n"
      "processes, CPU, file size, output. See docs/sandbox.md.");
  return {command, [options] { return RunDoctor(*options); }};
}

}  // namespace clade::cli
