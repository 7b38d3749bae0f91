// A tiny stack machine in three files (`machine.h`, `machine.cc`, `main.cc`). Each input
// line is one command: `push N`, `pop`, `add`, `sub` (second-from-top minus top), `mul`,
// `dup`, `swap` (exchange the two top values) or `print` (print the top value). A
// command that needs more values than the stack holds prints `error: stack underflow`
// and leaves the stack unchanged; an unknown command prints `error: unknown command
// NAME`.
#include <iostream>
#include <sstream>
#include <string>

#include "machine.h"

int main() {
  Machine m;
  std::string line;
  while (std::getline(std::cin, line)) {
    std::istringstream in(line);
    std::string cmd;
    if (!(in >> cmd)) continue;
    if (cmd == "push") {
      long long v;
      in >> v;
      m.push(v);
    } else if (cmd == "pop") {
      if (!m.has(1)) { std::cout << "error: stack underflow\n"; continue; }
      m.pop();
    } else if (cmd == "add" || cmd == "sub" || cmd == "mul") {
      if (!m.has(2)) { std::cout << "error: stack underflow\n"; continue; }
      m.binary(cmd == "add" ? '+' : cmd == "sub" ? '-' : '*');
    } else if (cmd == "dup") {
      if (!m.has(1)) { std::cout << "error: stack underflow\n"; continue; }
      m.push(m.top());
    } else if (cmd == "print") {
      if (!m.has(1)) { std::cout << "error: stack underflow\n"; continue; }
      std::cout << m.top() << "\n";
    } else {
      std::cout << "error: unknown command " << cmd << "\n";
    }
  }
  return 0;
}
