#include "engine/mutation/gi_site_cache.h"

#include <algorithm>
#include <utility>

#include "support/hash.h"

namespace clade::mutation {

std::string GiSiteCache::KeyOf(const AgentSource& agent, const std::string& path,
                               const std::string& text) {
  const std::string root = agent.root().string();
  ContentHash hash;
  hash.Add(path);
  for (std::string argument : agent.ParseArguments(path)) {
    for (size_t at = argument.find(root); !root.empty() && at != std::string::npos;
         at = argument.find(root, at + 6)) {
      argument.replace(at, root.size(), "{root}");
    }
    hash.Add(argument);
  }
  return path + '\n' + hash.Hex() + '\n' + ContentHash().Add(text).Hex();
}

GiSiteCache::Stats GiSiteCache::stats() const {
  std::lock_guard lock(mutex_);
  return {hits_, misses_, size_};
}

void GiSiteCache::Clear() {
  std::lock_guard lock(mutex_);
  entries_.clear();
  size_ = 0;
}

std::shared_ptr<const gi::FileSites> GiSiteCache::Find(const AgentSource& agent,
                                                       const std::string& path,
                                                       const std::string& text,
                                                       const HashOf& hash_of) {
  const std::string key = KeyOf(agent, path, text);
  // Copies of the candidates, so the dependency files are read outside the lock.
  std::vector<Entry> candidates;
  {
    std::lock_guard lock(mutex_);
    if (auto found = entries_.find(key); found != entries_.end()) candidates = found->second;
  }
  for (const Entry& entry : candidates) {
    if (entry.sites->text != text) continue;
    const bool current = std::all_of(
        entry.dependencies.begin(), entry.dependencies.end(),
        [&](const auto& dependency) { return hash_of(dependency.first) == dependency.second; });
    if (!current) continue;
    std::lock_guard lock(mutex_);
    ++hits_;
    if (auto found = entries_.find(key); found != entries_.end()) {
      for (Entry& stored : found->second) {
        if (stored.sites == entry.sites) stored.used = ++clock_;
      }
    }
    return entry.sites;
  }
  std::lock_guard lock(mutex_);
  ++misses_;
  return nullptr;
}

void GiSiteCache::Store(const AgentSource& agent, const std::string& path,
                        const std::vector<std::string>& read, const HashOf& hash_of,
                        gi::FileSites sites) {
  if (capacity_ == 0 || !sites.errors.empty()) return;
  Entry entry;
  for (const std::string& dependency : read) {
    std::optional<std::string> hash = hash_of(dependency);
    if (!hash) return;  // unreadable now: it could never be checked
    entry.dependencies.emplace_back(dependency, std::move(*hash));
  }
  const std::string key = KeyOf(agent, path, sites.text);
  entry.sites = std::make_shared<const gi::FileSites>(std::move(sites));
  std::lock_guard lock(mutex_);
  entry.used = ++clock_;
  std::vector<Entry>& slot = entries_[key];
  auto same = std::find_if(slot.begin(), slot.end(), [&](const Entry& other) {
    return other.dependencies == entry.dependencies;
  });
  if (same != slot.end()) {
    *same = std::move(entry);
    return;
  }
  slot.push_back(std::move(entry));
  ++size_;
  EvictLocked();
}

void GiSiteCache::EvictLocked() {
  while (size_ > capacity_) {
    auto oldest_slot = entries_.end();
    size_t oldest_index = 0;
    uint64_t oldest_used = UINT64_MAX;
    for (auto it = entries_.begin(); it != entries_.end(); ++it) {
      for (size_t i = 0; i < it->second.size(); ++i) {
        if (it->second[i].used < oldest_used) {
          oldest_used = it->second[i].used;
          oldest_slot = it;
          oldest_index = i;
        }
      }
    }
    if (oldest_slot == entries_.end()) return;
    oldest_slot->second.erase(oldest_slot->second.begin() +
                              static_cast<std::ptrdiff_t>(oldest_index));
    if (oldest_slot->second.empty()) entries_.erase(oldest_slot);
    --size_;
  }
}

}  // namespace clade::mutation
