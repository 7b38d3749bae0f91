#include "machine.h"

#include <utility>

long long Machine::pop() {
  long long v = stack_.back();
  stack_.pop_back();
  return v;
}

void Machine::binary(char op) {
  long long b = pop();
  long long a = pop();
  switch (op) {
    case '+': push(a + b); break;
    case '-': push(a - b); break;
    case '*': push(a * b); break;
  }
}

void Machine::swapTop() {
  std::size_t n = stack_.size();
  std::swap(stack_[n - 1], stack_[n - 2]);
}
