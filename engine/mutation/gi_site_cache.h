// A cache of the GI sites of an agent's files (gi_sites.h), so that repeated draws on one
// parent, and draws on children that share most of its files, parse only what changed.
// Finding the sites is one Clang parse per editable file; with the cache a draw parses only
// the files it has not seen (and the syntax check parses the edited one).
//
// An entry is the sites of one file (relative path), found again only when all of these
// are as they were when it was stored:
//  - the file's text (compared in full);
//  - its parse arguments (AgentSource::ParseArguments), the agent's root written as a
//    placeholder, since every child is exported to a directory of its own;
//  - the content hash (XXH3-128, support/hash.h) of every file under the agent root that the
//    parse read: the headers it includes, directly or not.
// Files outside the agent root (system and third-party headers, a repository the flags
// point into) are assumed not to change while the cache lives. Files with parse errors, and
// files over the size limit, are never stored. Offsets, texts and kinds do not depend on
// where the file was parsed (a type spelled with a path, as a lambda's, is only compared
// within its file), so a hit draws exactly what a fresh parse would: the same parent and
// seed give the same child, byte for byte, with or without a cache.
//
// Eviction: least recently used beyond `capacity` entries.
// Thread safety: every method may be called from several threads at once (one mutex; the
// parses themselves run outside it, so two threads may parse the same file and both store).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "engine/mutation/agent_source.h"
#include "engine/mutation/gi_sites.h"

namespace clade::mutation {

class GiSiteCache {
 public:
  explicit GiSiteCache(size_t capacity = 1024) : capacity_(capacity) {}
  GiSiteCache(const GiSiteCache&) = delete;
  GiSiteCache& operator=(const GiSiteCache&) = delete;

  struct Stats {
    size_t hits = 0;
    size_t misses = 0;
    size_t entries = 0;
  };
  Stats stats() const;
  void Clear();

  // The content hash of an agent file (relative path), or nullopt when it cannot be read.
  using HashOf = std::function<std::optional<std::string>(const std::string& path)>;

  // The stored sites of `path` of `agent`, whose text is `text`, when its parse arguments
  // and every agent file it read still hash the same (`hash_of`); null otherwise.
  std::shared_ptr<const gi::FileSites> Find(const AgentSource& agent, const std::string& path,
                                            const std::string& text, const HashOf& hash_of);

  // Stores the sites of `path` (sites.text is its text); `read` lists the other agent
  // files (relative paths) its parse read. REQUIRES: sites.errors is empty.
  void Store(const AgentSource& agent, const std::string& path,
             const std::vector<std::string>& read, const HashOf& hash_of, gi::FileSites sites);

 private:
  struct Entry {
    std::shared_ptr<const gi::FileSites> sites;
    std::vector<std::pair<std::string, std::string>> dependencies;  // path, content hash
    uint64_t used = 0;
  };
  static std::string KeyOf(const AgentSource& agent, const std::string& path,
                           const std::string& text);
  void EvictLocked();

  const size_t capacity_;
  mutable std::mutex mutex_;
  // Key (path, arguments, text hash) -> the entries for different header contents.
  std::map<std::string, std::vector<Entry>> entries_;
  size_t size_ = 0;
  uint64_t clock_ = 0;
  size_t hits_ = 0;
  size_t misses_ = 0;
};

}  // namespace clade::mutation
