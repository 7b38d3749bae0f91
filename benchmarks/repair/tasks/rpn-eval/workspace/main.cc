// `main.cc` evaluates integer expressions in reverse Polish notation, one per line, with
// tokens separated by spaces: integers and the operators `+ - * /` (`/` truncates toward
// zero). It prints the value, or `error` if an operator lacks operands, a division by
// zero occurs, or the line does not leave exactly one value.
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

bool evaluate(const std::string& line, long long& result) {
  std::istringstream in(line);
  std::vector<long long> st;
  std::string tok;
  while (in >> tok) {
    if (tok == "+" || tok == "-" || tok == "*" || tok == "/") {
      if (st.size() < 2) return false;
      long long b = st.back();
      st.pop_back();
      long long a = st.back();
      if (tok == "+") st.push_back(a + b);
      if (tok == "-") st.push_back(a - b);
      if (tok == "*") st.push_back(a * b);
      if (tok == "/") {
        if (b == 0) return false;
        st.push_back(a / b);
      }
    } else {
      st.push_back(std::stoll(tok));
    }
  }
  if (st.size() != 1) return false;
  result = st.back();
  return true;
}

int main() {
  std::string line;
  while (std::getline(std::cin, line)) {
    long long r;
    if (evaluate(line, r)) {
      std::cout << r << "\n";
    } else {
      std::cout << "error\n";
    }
  }
  return 0;
}
