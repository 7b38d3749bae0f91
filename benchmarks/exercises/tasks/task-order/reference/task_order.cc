#include "task_order.h"

#include <map>
#include <queue>
#include <set>

std::vector<std::string> task_order(const std::vector<Dependency>& deps) {
  std::map<std::string, std::set<std::string>> next;  // after -> tasks waiting for it
  std::map<std::string, int> waiting;                 // task -> prerequisites not yet run
  for (const Dependency& d : deps) {
    waiting.emplace(d.task, 0);
    waiting.emplace(d.after, 0);
    if (next[d.after].insert(d.task).second) ++waiting[d.task];
  }
  std::priority_queue<std::string, std::vector<std::string>, std::greater<>> ready;
  for (const auto& [task, count] : waiting)
    if (count == 0) ready.push(task);
  std::vector<std::string> order;
  while (!ready.empty()) {
    std::string task = ready.top();
    ready.pop();
    order.push_back(task);
    for (const std::string& t : next[task])
      if (--waiting[t] == 0) ready.push(t);
  }
  if (order.size() != waiting.size()) {
    std::vector<std::string> stuck;
    for (const auto& [task, count] : waiting)
      if (count > 0) stuck.push_back(task);
    throw CycleError(stuck);
  }
  return order;
}
