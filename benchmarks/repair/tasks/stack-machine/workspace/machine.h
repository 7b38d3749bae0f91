#pragma once

#include <string>
#include <vector>

// A stack of 64-bit integers with the operations of the stack machine.
class Machine {
 public:
  void push(long long v) { stack_.push_back(v); }
  bool has(std::size_t n) const { return stack_.size() >= n; }
  long long pop();
  long long top() const { return stack_.back(); }
  // Pops b then a and pushes f(a, b).
  void binary(char op);
  void swapTop();

 private:
  std::vector<long long> stack_;
};
