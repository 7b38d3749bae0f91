// Ordering tasks by their dependencies (topological sort, smallest order first).
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

struct Dependency {
  std::string task;
  std::string after;  // task runs after this one
};

class CycleError : public std::runtime_error {
 public:
  explicit CycleError(std::vector<std::string> tasks)
      : std::runtime_error("dependency cycle"), tasks_(std::move(tasks)) {}
  const std::vector<std::string>& tasks() const { return tasks_; }  // sorted

 private:
  std::vector<std::string> tasks_;
};

// The alphabetically smallest valid order; throws CycleError on a cycle.
std::vector<std::string> task_order(const std::vector<Dependency>& deps);
