#include "task_order.h"

std::vector<std::string> task_order(const std::vector<Dependency>& deps) {
  std::vector<std::string> order;
  for (const Dependency& d : deps) {
    order.push_back(d.after);
    order.push_back(d.task);
  }
  return order;
}
