// A small agent source tree shared by the mutation tests.
#pragma once

#include <map>
#include <string>

namespace clade::testing {

inline const char kSolverHeader[] = R"(#pragma once
namespace repair {
struct Task {
  int size;
};
class Solver {
 public:
  int Solve(const Task& task) const;
  void Reset() { count_ = 0; }

 private:
  int count_ = 0;
};
int Twice(int x);
}  // namespace repair
)";

inline const char kSolverSource[] = R"(#include "solver.h"
namespace repair {
int Solver::Solve(const Task& task) const {
  return task.size + count_;
}
int Twice(int x) { return 2 * x; }
double Twice(double x) { return 2 * x; }
}  // namespace repair
)";

inline const char kMainSource[] = R"(#include <cstdio>

#include "solver.h"
int main() {
  repair::Solver s;
  std::printf("%d\n", s.Solve({3}));
  return 0;
}
)";

inline std::map<std::string, std::string> SampleAgent() {
  return {{"agent.yaml", "name: sample\nrun: ./a\neditable: [\"src/**\"]\n"},
          {"CMakeLists.txt", "project(sample CXX)\n"},
          {"src/solver.h", kSolverHeader},
          {"src/solver.cc", kSolverSource},
          {"src/main.cc", kMainSource}};
}

}  // namespace clade::testing
