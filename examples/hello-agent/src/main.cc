// A minimal agent for the demo: it reads the task file named by CLADE_TASK and leaves a
// note in the workspace. Real seed agents live in agents/.
#include <cstdlib>
#include <fstream>
#include <iostream>

int main() {
  const char* task = std::getenv("CLADE_TASK");
  int attempts = 1;
  std::ofstream note("AGENT_NOTE.txt");
  note << "task: " << (task ? task : "(none)") << "\n";
  note << "attempts: " << attempts << "\n";
  std::cout << "hello-agent finished after " << attempts << " attempt(s)\n";
  return 0;
}
