// `main.cc` checks passwords, one per line. A password is accepted when it has at least
// 8 characters, at least one lowercase letter, one uppercase letter and one digit, and
// no spaces. It prints `ok`, or `rejected:` followed by every broken rule, in this
// order: ` too-short`, ` no-lower`, ` no-upper`, ` no-digit`, ` has-space`.
#include <cctype>
#include <iostream>
#include <string>

std::string check(const std::string& pw) {
  bool lower = false, upper = false, digit = false, space = false;
  for (unsigned char c : pw) {
    if (std::islower(c)) lower = true;
    if (std::isupper(c)) upper = true;
    if (std::isdigit(c)) digit = true;
    if (c == ' ') space = true;
  }
  std::string problems;
  if (pw.size() <= 8) problems += " too-short";
  if (!lower) problems += " no-lower";
  if (!upper) problems += " no-upper";
  if (!digit) problems += " no-digit";
  if (space) problems += " has-space";
  return problems.empty() ? "ok" : "rejected:" + problems;
}

int main() {
  std::string line;
  while (std::getline(std::cin, line)) std::cout << check(line) << "\n";
  return 0;
}
