// `main.cc` splits CSV lines into fields. Fields are separated by commas; a field may be
// quoted with double quotes, in which case it may contain commas, and `""` inside it
// stands for one quote. For each line it prints the number of fields and then each field
// in square brackets, e.g. `3 [a] [b,c] [d]`. An empty line has one empty field.
#include <iostream>
#include <string>
#include <vector>

std::vector<std::string> splitCsv(const std::string& line) {
  std::vector<std::string> fields;
  std::string field;
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.push_back(field);
      field.clear();
    } else {
      field += c;
    }
  }
  return fields;
}

int main() {
  std::string line;
  while (std::getline(std::cin, line)) {
    std::vector<std::string> f = splitCsv(line);
    std::cout << f.size();
    for (const auto& x : f) std::cout << " [" << x << "]";
    std::cout << "\n";
  }
  return 0;
}
