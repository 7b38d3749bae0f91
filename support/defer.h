// DEFER { ... }; runs the block when the enclosing scope ends, however it ends.
#pragma once

#include <utility>

namespace clade {

template <typename F>
class Deferred {
 public:
  explicit Deferred(F f) : f_(std::move(f)) {}
  ~Deferred() { f_(); }
  Deferred(const Deferred&) = delete;
  Deferred& operator=(const Deferred&) = delete;

 private:
  F f_;
};

struct DeferTag {};
template <typename F>
Deferred<F> operator+(DeferTag, F&& f) {
  return Deferred<F>(std::forward<F>(f));
}

}  // namespace clade

#define CLADE_CONCAT_INNER(a, b) a##b
#define CLADE_CONCAT(a, b) CLADE_CONCAT_INNER(a, b)
#define DEFER auto CLADE_CONCAT(clade_defer_, __LINE__) = ::clade::DeferTag{} + [&]()
