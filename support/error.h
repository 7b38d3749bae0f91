// Errors as values. Library code returns Result<T>; only the command-line layer turns an
// Error into a message and an exit code.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

#include <fmt/format.h>
#include <tl/expected.hpp>

namespace clade {

// What kind of failure, so the CLI can choose an exit code: a usage error (bad flag,
// malformed input file) exits 2, everything else exits 1.
enum class ErrorKind {
  kFailure,   // the operation could not be done (I/O, git, a process failed)
  kUsage,     // the caller asked for something malformed (bad argument, bad config)
  kNotFound,  // a named thing (variant, file, archive) does not exist
  kBusy,      // another process holds a resource (the archive's writer lock)
  kNoChild,   // a mutator ran and found no valid child this time (recorded mutation_failed)
};

// One clear sentence, naming the file, line, variant or task it is about.
struct Error {
  ErrorKind kind = ErrorKind::kFailure;
  std::string message;

  // Prefix the message with context: "reading x: <message>".
  Error&& Context(std::string_view what) && {
    message = fmt::format("{}: {}", what, message);
    return std::move(*this);
  }
};

template <typename T = void>
using Result = tl::expected<T, Error>;

inline tl::unexpected<Error> Fail(ErrorKind kind, std::string message) {
  return tl::unexpected<Error>(Error{kind, std::move(message)});
}

template <typename... Args>
tl::unexpected<Error> Fail(fmt::format_string<Args...> format, Args&&... args) {
  return tl::unexpected<Error>(
      Error{ErrorKind::kFailure, fmt::format(format, std::forward<Args>(args)...)});
}

template <typename... Args>
tl::unexpected<Error> FailAs(ErrorKind kind, fmt::format_string<Args...> format, Args&&... args) {
  return tl::unexpected<Error>(Error{kind, fmt::format(format, std::forward<Args>(args)...)});
}

// The two exception types used at the top level only (ccache style): Fatal aborts a
// command with exit 1, UsageError with exit 2. Libraries never throw these.
struct Fatal : std::runtime_error {
  using std::runtime_error::runtime_error;
};
struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Unwraps a Result at the top level, converting its Error into the matching exception.
template <typename T>
T OrThrow(Result<T> result) {
  if (!result) {
    if (result.error().kind == ErrorKind::kUsage) throw UsageError(result.error().message);
    throw Fatal(result.error().message);
  }
  if constexpr (!std::is_void_v<T>) return std::move(*result);
}

namespace detail {
template <typename T>
T TakeValue(Result<T>&& result) {
  if constexpr (!std::is_void_v<T>) return std::move(*result);
}
}  // namespace detail

}  // namespace clade

// Propagates an error from an expression returning Result<...>; evaluates to its value.
// Usage: auto x = CLADE_TRY(ParseThing(...));   (a GNU statement expression: GCC and Clang)
#define CLADE_TRY(expr)                                            \
  __extension__({                                                  \
    auto clade_try_result_ = (expr);                               \
    if (!clade_try_result_) {                                      \
      return tl::unexpected(std::move(clade_try_result_).error()); \
    }                                                              \
    ::clade::detail::TakeValue(std::move(clade_try_result_));      \
  })
