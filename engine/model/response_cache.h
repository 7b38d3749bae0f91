// The on-disk response cache: one JSON file per request, keyed by a hash of the whole
// request (provider, endpoint, body), so a rerun with the same seed calls no model for
// what it has already asked, and an offline run can replay. Keys are never part of a
// request body, so they never reach the cache.
// Thread safety: Lookup and Store may run on several threads and processes at once
// (entries are written atomically; the last writer of one key wins, with the same text).
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "engine/model/chat.h"
#include "support/error.h"

namespace clade::model {

class ResponseCache {
 public:
  // An empty directory disables the cache (Lookup misses, Store does nothing).
  explicit ResponseCache(std::filesystem::path directory) : directory_(std::move(directory)) {}

  bool enabled() const { return !directory_.empty(); }
  const std::filesystem::path& directory() const { return directory_; }

  // The key of a request: 32 hex digits.
  static std::string Key(const std::string& request);

  // The stored answer to exactly `request`, if any. A damaged entry is a miss.
  std::optional<ChatResponse> Lookup(const std::string& request) const;
  // Stores an answer. Errors name the file.
  Result<> Store(const std::string& request, const ChatResponse& response) const;

 private:
  std::filesystem::path Path(const std::string& key) const;
  std::filesystem::path directory_;
};

}  // namespace clade::model
