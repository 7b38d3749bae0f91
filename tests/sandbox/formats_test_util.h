// Writes small suites and agents for the format tests.
#pragma once

#include "tests/test_util.h"

#include "support/fs.h"

namespace clade::sandbox {

// A suite with two tasks, "a" and "b", under `root`. `task_a` overrides a's task.yaml.
inline std::filesystem::path WriteSuite(const std::filesystem::path& root,
                                        const std::string& suite_yaml,
                                        const std::string& task_a = "") {
  testing::WriteTree(root,
                     {{"suite.yaml", suite_yaml},
                      {"tasks/a/task.yaml", task_a.empty() ? "id: a\nstatement: statement.md\n"
                                                             "hidden_test: sh .clade-tests/run.sh\n"
                                                             "limits: {agent_seconds: 5}\n"
                                                           : task_a},
                      {"tasks/a/statement.md", "Fix the sum.\n"},
                      {"tasks/a/workspace/main.cc", "int main() {}\n"},
                      {"tasks/a/tests/run.sh", "echo '1 passed, 0 failed'\n"},
                      {"tasks/b/task.yaml",
                       "id: b\nstatement: Inline statement\nvisible_test: sh run.sh\n"
                       "hidden_test: sh .clade-tests/run.sh\nresult: exit_code\n"},
                      {"tasks/b/workspace/run.sh", "true\n"},
                      {"tasks/b/tests/run.sh", "true\n"}});
  return root;
}

}  // namespace clade::sandbox
