// Word completion by usage count over a trie of lower-case words.
#pragma once

#include <array>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

class Autocomplete {
 public:
  Autocomplete();
  ~Autocomplete();
  Autocomplete(const Autocomplete&) = delete;
  Autocomplete& operator=(const Autocomplete&) = delete;

  // Throws std::invalid_argument unless word is [a-z]+ and count >= 1.
  void add(std::string_view word, int count = 1);
  bool remove(std::string_view word);
  int count(std::string_view word) const;

  // Up to k words starting with prefix: most used first, then alphabetical.
  std::vector<std::string> complete(std::string_view prefix, std::size_t k) const;
  std::size_t size() const;

 private:
  struct Node {
    int count = 0;  // uses of the word ending here; 0 if none
    std::array<std::unique_ptr<Node>, 26> next;
  };
  const Node* find(std::string_view prefix) const;

  std::unique_ptr<Node> root_;
  std::size_t size_ = 0;
};
