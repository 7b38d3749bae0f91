#include "sandbox/suite.h"

#include <algorithm>
#include <set>

#include <fnmatch.h>

#include "support/fs.h"
#include "support/strings.h"
#include "support/yaml.h"

namespace clade::sandbox {
namespace {

namespace fs = std::filesystem;

Result<> ReadLimits(const fs::path& file, const YAML::Node& node, TaskLimits* limits) {
  if (!node) return {};
  CLADE_TRY(CheckKeys(file, node, "limits",
                      {"agent_seconds", "test_seconds", "memory_mb", "agent_wall_seconds",
                       "test_wall_seconds"}));
  for (std::string_view key : {"agent_seconds", "test_seconds", "memory_mb",
                               "agent_wall_seconds", "test_wall_seconds"}) {
    auto value = CLADE_TRY(ReadNumber(file, node, key.data()));
    if (!value) continue;
    if (*value <= 0) {
      return FailAs(ErrorKind::kUsage, "{}: '{}' must be positive", Where(file, node[key.data()]),
                    key);
    }
    if (key == "agent_seconds") limits->agent_seconds = *value;
    if (key == "test_seconds") limits->test_seconds = *value;
    if (key == "memory_mb") limits->memory_mb = static_cast<uint64_t>(*value);
    if (key == "agent_wall_seconds") limits->agent_wall_seconds = *value;
    if (key == "test_wall_seconds") limits->test_wall_seconds = *value;
  }
  return {};
}

}  // namespace

double WallBackstop(double cpu_seconds) { return 4 * cpu_seconds + 30; }

double TaskLimits::AgentWallSeconds() const {
  return agent_wall_seconds.value_or(WallBackstop(agent_seconds));
}

double TaskLimits::TestWallSeconds(double cpu_seconds) const {
  return test_wall_seconds.value_or(WallBackstop(cpu_seconds));
}

namespace {

// Expands a relative glob ("tasks/*") one path component at a time; sorted.
std::vector<fs::path> Glob(const fs::path& base, const std::string& pattern) {
  std::vector<fs::path> matches{base};
  for (const std::string& part : Split(pattern, '/')) {
    if (part.empty() || part == ".") continue;
    std::vector<fs::path> next;
    for (const fs::path& dir : matches) {
      std::error_code error;
      if (part.find_first_of("*?[") == std::string::npos) {
        if (fs::exists(dir / part, error)) next.push_back(dir / part);
        continue;
      }
      for (const auto& entry : fs::directory_iterator(dir, error)) {
        std::string name = entry.path().filename().string();
        if (::fnmatch(part.c_str(), name.c_str(), FNM_PERIOD) == 0) next.push_back(entry.path());
      }
    }
    matches = std::move(next);
  }
  std::sort(matches.begin(), matches.end());
  return matches;
}

// The folders one glob (or one folder name) of `tasks:` names.
std::vector<fs::path> MatchingFolders(const fs::path& dir, const std::string& pattern) {
  std::vector<fs::path> folders;
  for (const fs::path& match : Glob(dir, pattern)) {
    if (fs::is_directory(match)) folders.push_back(match.lexically_normal());
  }
  return folders;
}

// `tasks:` is a glob or a list of globs and folders, relative to the suite; a list may
// name another suite's tasks (`../repair/tasks/*`). Every entry must match a folder.
Result<std::vector<fs::path>> TaskFolders(const fs::path& file, const YAML::Node& root,
                                          const fs::path& dir) {
  YAML::Node tasks = root["tasks"];
  if (tasks.IsScalar()) {
    std::vector<fs::path> folders = MatchingFolders(dir, tasks.Scalar());
    if (folders.empty()) {
      return FailAs(ErrorKind::kUsage, "{}: 'tasks: {}' matches no task folder", Where(file, tasks),
                    tasks.Scalar());
    }
    return folders;
  }
  auto list = CLADE_TRY(ReadStringList(file, root, "tasks"));
  std::vector<fs::path> folders;
  for (const std::string& item : *list) {
    std::vector<fs::path> matches = MatchingFolders(dir, item);
    if (matches.empty()) {
      return FailAs(ErrorKind::kUsage, "{}: task folder '{}' does not exist", Where(file, tasks),
                    item);
    }
    folders.insert(folders.end(), matches.begin(), matches.end());
  }
  return folders;
}

Result<std::string> ReadStatement(const fs::path& file, const YAML::Node& node,
                                  const fs::path& dir) {
  std::string value = CLADE_TRY(ReadString(file, node, "statement")).value();
  bool looks_like_file =
      value.find('\n') == std::string::npos && (value.ends_with(".md") || value.ends_with(".txt"));
  if (!looks_like_file) return value;
  auto text = ReadFile(dir / value);
  if (!text) {
    return FailAs(ErrorKind::kUsage, "{}: statement file {} does not exist",
                  Where(file, node["statement"]), (dir / value).string());
  }
  return *text;
}

Result<> ReadResultFormat(const fs::path& file, const YAML::Node& node, Task* task) {
  auto value = CLADE_TRY(ReadString(file, node, "result"));
  std::string format = value.value_or("summary");
  if (format == "summary") {
    task->result = ResultFormat::kSummary;
  } else if (format == "exit_code") {
    task->result = ResultFormat::kExitCode;
  } else if (format.rfind("junit:", 0) == 0 && format.size() > 6) {
    task->result = ResultFormat::kJunit;
    task->junit_path = format.substr(6);
  } else {
    return FailAs(ErrorKind::kUsage,
                  "{}: 'result' must be summary, exit_code or junit:PATH, not '{}'",
                  Where(file, node["result"]), format);
  }
  return {};
}

// The case names of a stdin/stdout folder: NAME for each NAME.in, each with a NAME.out.
Result<std::vector<std::string>> CaseFolder(const fs::path& file, const YAML::Node& node,
                                            const fs::path& folder) {
  std::vector<std::string> names;
  std::error_code error;
  for (fs::directory_iterator it(folder, error); !error && it != fs::directory_iterator();
       it.increment(error)) {
    if (it->path().extension() != ".in") continue;
    std::string name = it->path().stem().string();
    if (!fs::is_regular_file(folder / (name + ".out"))) {
      return FailAs(ErrorKind::kUsage, "{}: case {} has {}.in but no {}.out", Where(file, node),
                    name, name, name);
    }
    names.push_back(name);
  }
  if (error || names.empty()) {
    return FailAs(ErrorKind::kUsage, "{}: 'cases: {}' names no folder of NAME.in and NAME.out",
                  Where(file, node), folder.filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

Result<> ReadCaseNames(const fs::path& file, const YAML::Node& node, const fs::path& tests,
                       HiddenCases* cases) {
  YAML::Node list = node["cases"];
  if (list.IsScalar()) {
    std::string dir = list.Scalar();
    if (dir.empty() || dir.find("..") != std::string::npos || dir.front() == '/') {
      return FailAs(ErrorKind::kUsage, "{}: 'cases' must be a folder inside tests/",
                    Where(file, list));
    }
    cases->cases_dir = dir;
    cases->compare_output = true;
    cases->names = CLADE_TRY(CaseFolder(file, list, tests / dir));
    return {};
  }
  cases->names = CLADE_TRY(ReadStringList(file, node, "cases")).value();
  if (cases->names.empty()) {
    return FailAs(ErrorKind::kUsage, "{}: 'cases' lists no case", Where(file, list));
  }
  return {};
}

// visible_cases: a folder of the workspace with NAME.in / NAME.out cases.
Result<> ReadVisibleCases(const fs::path& file, const YAML::Node& node, const fs::path& workspace,
                          HiddenCases* cases) {
  YAML::Node value = node["visible_cases"];
  if (!value) return {};
  std::string dir = value.IsScalar() ? value.Scalar() : "";
  if (dir.empty() || dir.find("..") != std::string::npos || dir.front() == '/') {
    return FailAs(ErrorKind::kUsage, "{}: 'visible_cases' must be a folder inside workspace/",
                  Where(file, value));
  }
  if (!cases->compare_output) {
    return FailAs(ErrorKind::kUsage, "{}: 'visible_cases' needs 'cases' to be a folder",
                  Where(file, value));
  }
  cases->visible_dir = dir;
  cases->visible_names = CLADE_TRY(CaseFolder(file, value, workspace / dir));
  return {};
}

Result<HiddenCases> ReadHiddenCases(const fs::path& file, const YAML::Node& node,
                                    const fs::path& tests, const fs::path& workspace) {
  CLADE_TRY(CheckKeys(file, node, "hidden_test",
                      {"build", "build_reads", "run", "cases", "visible_cases", "pass_line",
                       "case_seconds", "output_kb"},
                      {"run", "cases"}));
  HiddenCases cases;
  cases.build = CLADE_TRY(ReadString(file, node, "build")).value_or("");
  cases.build_reads =
      CLADE_TRY(ReadStringList(file, node, "build_reads")).value_or(std::vector<std::string>{});
  for (const std::string& read : cases.build_reads) {
    if (fs::path(read).is_absolute() || read.find("..") != std::string::npos ||
        !fs::is_regular_file(tests / read)) {
      return FailAs(ErrorKind::kUsage, "{}: build_reads: '{}' is not a file of tests/",
                    Where(file, node["build_reads"]), read);
    }
  }
  cases.run = CLADE_TRY(ReadString(file, node, "run")).value();
  CLADE_TRY(ReadCaseNames(file, node, tests, &cases));
  CLADE_TRY(ReadVisibleCases(file, node, workspace, &cases));
  cases.pass_line = CLADE_TRY(ReadString(file, node, "pass_line")).value_or("");
  cases.case_seconds = CLADE_TRY(ReadNumber(file, node, "case_seconds")).value_or(0);
  double output_kb = CLADE_TRY(ReadNumber(file, node, "output_kb")).value_or(64);
  if (cases.case_seconds < 0 || output_kb <= 0) {
    return FailAs(ErrorKind::kUsage, "{}: 'case_seconds' and 'output_kb' must be positive",
                  Where(file, node));
  }
  cases.output_bytes = static_cast<uint64_t>(output_kb * 1024);
  return cases;
}

Result<> ReadHiddenTest(const fs::path& file, const YAML::Node& root, Task* task) {
  YAML::Node node = root["hidden_test"];
  if (node.IsMap()) {
    if (root["result"]) {
      return FailAs(ErrorKind::kUsage,
                    "{}: 'result' belongs to a hidden_test command, not to cases",
                    Where(file, root["result"]));
    }
    task->cases = CLADE_TRY(ReadHiddenCases(file, node, task->tests(), task->workspace()));
    return {};
  }
  task->hidden_test = CLADE_TRY(ReadString(file, root, "hidden_test")).value();
  return ReadResultFormat(file, root, task);
}

Result<Task> LoadTask(const fs::path& dir, const TaskLimits& defaults) {
  fs::path file = dir / "task.yaml";
  if (!fs::exists(file)) {
    return FailAs(ErrorKind::kUsage, "task folder {} has no task.yaml", dir.string());
  }
  YamlDocument doc = CLADE_TRY(LoadYaml(file));
  CLADE_TRY(
      CheckKeys(file, doc.root, "the task",
                {"id", "statement", "visible_test", "hidden_test", "result", "limits", "protected"},
                {"id", "statement", "hidden_test"}));
  Task task;
  task.dir = dir;
  task.id = CLADE_TRY(ReadString(file, doc.root, "id")).value();
  if (task.id.empty() || task.id.find_first_of("/ \t\n") != std::string::npos) {
    return FailAs(ErrorKind::kUsage, "{}: the task id '{}' must be one word without '/'",
                  Where(file, doc.root["id"]), task.id);
  }
  task.statement = CLADE_TRY(ReadStatement(file, doc.root, dir));
  task.visible_test = CLADE_TRY(ReadString(file, doc.root, "visible_test")).value_or("");
  for (const fs::path& needed : {task.workspace(), task.tests()}) {
    if (!fs::is_directory(needed)) {
      return FailAs(ErrorKind::kUsage, "task {} ({}) has no {}/ folder", task.id, dir.string(),
                    needed.filename().string());
    }
  }
  CLADE_TRY(ReadHiddenTest(file, doc.root, &task));
  task.limits = defaults;
  CLADE_TRY(ReadLimits(file, doc.root["limits"], &task.limits));
  task.protected_files =
      CLADE_TRY(ReadStringList(file, doc.root, "protected")).value_or(std::vector<std::string>{});
  return task;
}

}  // namespace

Result<Suite> LoadSuite(const fs::path& path) {
  std::error_code error;
  fs::path file = fs::is_directory(path, error) ? path / "suite.yaml" : path;
  if (!fs::exists(file, error)) {
    return FailAs(ErrorKind::kNotFound, "there is no benchmark suite at {} (no suite.yaml)",
                  path.string());
  }
  YamlDocument doc = CLADE_TRY(LoadYaml(file));
  CLADE_TRY(CheckKeys(file, doc.root, "the suite", {"name", "description", "tasks", "limits"},
                      {"name", "tasks"}));
  Suite suite;
  suite.dir = fs::absolute(file).parent_path();
  suite.name = CLADE_TRY(ReadString(file, doc.root, "name")).value();
  suite.description = CLADE_TRY(ReadString(file, doc.root, "description")).value_or("");
  CLADE_TRY(ReadLimits(file, doc.root["limits"], &suite.limits));
  std::set<std::string> ids;
  for (const fs::path& folder : CLADE_TRY(TaskFolders(file, doc.root, suite.dir))) {
    Task task = CLADE_TRY(LoadTask(folder, suite.limits));
    if (!ids.insert(task.id).second) {
      return FailAs(ErrorKind::kUsage, "{}: task id '{}' is used twice in suite {}",
                    (folder / "task.yaml").string(), task.id, suite.name);
    }
    suite.tasks.push_back(std::move(task));
  }
  std::sort(suite.tasks.begin(), suite.tasks.end(),
            [](const Task& a, const Task& b) { return a.id < b.id; });
  return suite;
}

}  // namespace clade::sandbox
