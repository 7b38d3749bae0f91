// `main.cc` reads lines `name score` and curves the scores so that the best score
// becomes 100: each score is scaled by `100 / best` and rounded to the nearest integer
// (halves up). It prints `name: raw -> curved` for every student in input order. If the
// best score is 0 every curved score is 0.
#include <cmath>
#include <iostream>
#include <string>
#include <vector>

struct Student {
  std::string name;
  long score;
};

int main() {
  std::vector<Student> students;
  Student s;
  while (std::cin >> s.name >> s.score) students.push_back(s);
  long best = 0;
  for (const auto& st : students)
    if (st.score > best) best = st.score;
  for (const auto& st : students) {
    long curved = best == 0 ? 0 : (st.score * 200 + best) / (2 * st.score);
    std::cout << st.name << ": " << st.score << " -> " << curved << "\n";
  }
  return 0;
}
