#include "tests/benchmarks/hidden_run.h"

#include <stdexcept>

#include "support/fs.h"

namespace clade::benchmarks_test {

sandbox::HiddenTestResult RunHidden(const sandbox::Task& task,
                                    const std::filesystem::path& workspace) {
  TempDir scratch("clade-hidden");
  sandbox::HiddenTestContext context;
  context.task = &task;
  context.dir = scratch.path();
  context.workspace = workspace;
  context.logs = scratch.path() / "logs";
  std::filesystem::create_directories(context.logs);
  auto result = sandbox::RunHiddenTest(context);
  if (!result) throw std::runtime_error(result.error().message);
  return *result;
}

}  // namespace clade::benchmarks_test
