#include "autocomplete.h"

Autocomplete::Autocomplete() = default;
Autocomplete::~Autocomplete() = default;

void Autocomplete::add(std::string_view word, int count) {
  (void)word;
  (void)count;
}

bool Autocomplete::remove(std::string_view word) {
  (void)word;
  return false;
}

int Autocomplete::count(std::string_view word) const {
  (void)word;
  return 0;
}

std::vector<std::string> Autocomplete::complete(std::string_view prefix, std::size_t k) const {
  (void)prefix;
  (void)k;
  return {};
}

std::size_t Autocomplete::size() const { return 0; }
