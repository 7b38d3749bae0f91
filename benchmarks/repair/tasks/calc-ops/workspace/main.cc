// `main.cc` is a small integer calculator. Each input line is `a op b` with 64-bit
// integers and `op` one of `+ - * / %`. It prints the result; division and remainder
// truncate toward zero like C++. Division or remainder by zero prints `division by
// zero`; any other operator prints `unknown operator`.
#include <iostream>
#include <sstream>
#include <string>

// Applies op; returns false (with a message) when it cannot.
bool apply(long long a, char op, long long b, long long& out, std::string& error) {
  switch (op) {
    case '+':
      out = a + b;
      return true;
    case '-':
      out = a - b;
      return true;
    case '*':
      out = a * b;
      return true;
    case '/':
      if (b == 0) {
        error = "division by zero";
        return false;
      }
      out = a / b;
      return true;
    default:
      error = "unknown operator";
      return false;
  }
}

int main() {
  std::string line;
  while (std::getline(std::cin, line)) {
    std::istringstream in(line);
    long long a, b;
    std::string op;
    if (!(in >> a >> op >> b) || op.size() != 1) {
      std::cout << "unknown operator\n";
      continue;
    }
    long long result;
    std::string error;
    if (apply(a, op[0], b, result, error)) {
      std::cout << result << "\n";
    } else {
      std::cout << error << "\n";
    }
  }
  return 0;
}
