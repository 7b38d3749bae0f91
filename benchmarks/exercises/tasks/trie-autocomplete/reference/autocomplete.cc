#include "autocomplete.h"

#include <algorithm>
#include <stdexcept>
#include <utility>

Autocomplete::Autocomplete() : root_(std::make_unique<Node>()) {}
Autocomplete::~Autocomplete() = default;

void Autocomplete::add(std::string_view word, int count) {
  if (word.empty() || count < 1) throw std::invalid_argument("add: empty word or count < 1");
  for (char c : word)
    if (c < 'a' || c > 'z') throw std::invalid_argument("add: not a lower-case word");
  Node* node = root_.get();
  for (char c : word) {
    auto& child = node->next[c - 'a'];
    if (!child) child = std::make_unique<Node>();
    node = child.get();
  }
  if (node->count == 0) ++size_;
  node->count += count;
}

const Autocomplete::Node* Autocomplete::find(std::string_view prefix) const {
  const Node* node = root_.get();
  for (char c : prefix) {
    if (c < 'a' || c > 'z') return nullptr;
    node = node->next[c - 'a'].get();
    if (!node) return nullptr;
  }
  return node;
}

bool Autocomplete::remove(std::string_view word) {
  Node* node = const_cast<Node*>(find(word));
  if (word.empty() || !node || node->count == 0) return false;
  node->count = 0;  // empty branches stay; they cost memory, not correctness
  --size_;
  return true;
}

int Autocomplete::count(std::string_view word) const {
  const Node* node = word.empty() ? nullptr : find(word);
  return node ? node->count : 0;
}

std::vector<std::string> Autocomplete::complete(std::string_view prefix, std::size_t k) const {
  const Node* start = find(prefix);
  if (!start || k == 0) return {};
  std::vector<std::pair<int, std::string>> found;  // (-count, word): sorts as required
  std::string word(prefix);
  auto walk = [&](auto& self, const Node* node) -> void {
    if (node->count > 0) found.emplace_back(-node->count, word);
    for (int i = 0; i < 26; ++i) {
      if (!node->next[i]) continue;
      word.push_back(static_cast<char>('a' + i));
      self(self, node->next[i].get());
      word.pop_back();
    }
  };
  walk(walk, start);
  std::size_t n = std::min(k, found.size());
  std::partial_sort(found.begin(), found.begin() + n, found.end());
  std::vector<std::string> out;
  for (std::size_t i = 0; i < n; ++i) out.push_back(found[i].second);
  return out;
}

std::size_t Autocomplete::size() const { return size_; }
