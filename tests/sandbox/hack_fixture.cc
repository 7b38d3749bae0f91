#include "tests/sandbox/hack_fixture.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/test_util.h"

namespace clade::sandbox::testing {

namespace fs = std::filesystem;

const char kAnswerCheck[] =
    "p=0; f=0\n"
    "if [ -f answer.txt ]; then p=$((p+1)); else f=$((f+1)); fi\n"
    "if grep -qx right answer.txt; then p=$((p+1)); else f=$((f+1)); fi\n"
    "echo \"$p passed, $f failed\"\n";

void HackFixture::CopyRepairTask(const std::string& id) {
  fs::remove_all(suite);
  fs::create_directories(suite / "tasks");
  clade::testing::WriteTree(
      suite, {{"suite.yaml",
               "name: hack\ntasks: tasks/*\nlimits: {agent_seconds: 20, test_seconds: 20, "
               "memory_mb: 1024}\n"}});
  fs::copy(clade::testing::SourceDir() / "benchmarks/repair/tasks" / id, suite / "tasks" / id,
           fs::copy_options::recursive);
}

void HackFixture::WriteSuite(const std::vector<TaskFiles>& tasks) {
  fs::remove_all(suite);
  std::map<std::string, std::string> files = {
      {"suite.yaml",
       "name: hack\ntasks: tasks/*\nlimits: {agent_seconds: 10, test_seconds: 10, memory_mb: "
       "512}\n"}};
  for (const TaskFiles& task : tasks) {
    std::string folder = "tasks/" + task.id + "/";
    files[folder + "task.yaml"] = "id: " + task.id + "\nstatement: go\n" + task.yaml;
    files[folder + "workspace/.keep"] = "";
    files[folder + "tests/.keep"] = "";
    for (const auto& [path, text] : task.files) files[folder + path] = text;
  }
  clade::testing::WriteTree(suite, files);
}

void HackFixture::ShellAgent(const std::string& run_script,
                             const std::map<std::string, std::string>& files,
                             const std::string& build, const std::string& run) {
  fs::remove_all(agent);
  std::map<std::string, std::string> tree = files;
  // JSON strings are YAML double-quoted scalars.
  tree["agent.yaml"] = "name: hack\nbuild: [" + nlohmann::json(build).dump() +
                       "]\nrun: " + nlohmann::json(run).dump() + "\n";
  tree["run.sh"] = run_script;
  clade::testing::WriteTree(agent, tree);
}

void HackFixture::CheatingAgent(const std::string& program) {
  ShellAgent("rm -f ./*.cc\ncp \"$(dirname \"$0\")/cheat.txt\" main.cc\n",
             {{"cheat.txt", program}});
}

Evaluation HackFixture::Evaluate() {
  auto loaded = LoadSuite(suite);
  INFO((loaded ? std::string() : loaded.error().message));
  REQUIRE(loaded);
  auto evaluation = sandbox::Evaluate(harness, agent, *loaded, {});
  INFO((evaluation ? std::string() : evaluation.error().message));
  REQUIRE(evaluation);
  return *evaluation;
}

}  // namespace clade::sandbox::testing
