#include "rpn.h"

#include <string>
#include <vector>

namespace {

bool parse_integer(std::string_view token, long long& value) {
  std::size_t i = token[0] == '-' ? 1 : 0;
  if (i == token.size()) return false;
  long long v = 0;
  for (; i < token.size(); ++i) {
    if (token[i] < '0' || token[i] > '9') return false;
    v = v * 10 + (token[i] - '0');
  }
  value = token[0] == '-' ? -v : v;
  return true;
}

long long pop(std::vector<long long>& stack) {
  if (stack.empty()) throw RpnError("too few operands");
  long long v = stack.back();
  stack.pop_back();
  return v;
}

void apply(std::string_view op, std::vector<long long>& stack) {
  if (op == "dup") {
    long long v = pop(stack);
    stack.insert(stack.end(), {v, v});
  } else if (op == "drop") {
    pop(stack);
  } else if (op == "swap") {
    long long b = pop(stack), a = pop(stack);
    stack.insert(stack.end(), {b, a});
  } else if (op == "+" || op == "-" || op == "*" || op == "/") {
    long long b = pop(stack), a = pop(stack);
    if (op == "/" && b == 0) throw RpnError("division by zero");
    stack.push_back(op == "+" ? a + b : op == "-" ? a - b : op == "*" ? a * b : a / b);
  } else {
    throw RpnError("unknown token: " + std::string(op));
  }
}

}  // namespace

long long eval_rpn(std::string_view expr) {
  std::vector<long long> stack;
  std::size_t i = 0;
  while (i < expr.size()) {
    if (expr[i] == ' ') {
      ++i;
      continue;
    }
    std::size_t j = expr.find(' ', i);
    if (j == std::string_view::npos) j = expr.size();
    std::string_view token = expr.substr(i, j - i);
    long long value;
    if (parse_integer(token, value))
      stack.push_back(value);
    else
      apply(token, stack);
    i = j;
  }
  if (stack.size() != 1) throw RpnError("the stack does not end with one value");
  return stack.back();
}
