#include "archive/archive.h"

#include <algorithm>
#include <deque>
#include <set>

#include <unistd.h>

#include "archive/git.h"
#include "archive/refs.h"
#include "archive/summary_cache.h"
#include "archive/tree_io.h"
#include "archive/writer_lock.h"
#include "support/fs.h"
#include "support/strings.h"

namespace clade::archive {
namespace {

constexpr char kVariantRefs[] = "refs/clade/variants/";
constexpr char kPrunedRefs[] = "refs/clade/pruned/";
constexpr char kLogRefs[] = "refs/clade/logs/";
constexpr char kStateRef[] = "refs/clade/state";
constexpr char kMemoryRef[] = "refs/clade/memory";
constexpr char kNotesRefs[] = "refs/notes/clade/";
constexpr char kFormatKey[] = "clade.archiveversion";
constexpr int kFormatVersion = 1;

std::string VariantRef(VariantId id) {
  return kVariantRefs + std::to_string(id);
}
std::string PrunedRef(VariantId id) {
  return kPrunedRefs + std::to_string(id);
}
std::string LogRef(VariantId id) {
  return kLogRefs + std::to_string(id);
}
std::string NotesRef(std::string_view benchmark) {
  return kNotesRefs + std::string(benchmark);
}

// Notes are stored with one level of fan-out ("ab/cdef..."), as git does for large notes
// trees, so that adding a note rewrites two small trees instead of one huge one.
std::string NotePath(const std::string& commit_hex) {
  return commit_hex.substr(0, 2) + "/" + commit_hex.substr(2);
}

// One line, no control characters: summaries and trailer values.
std::string OneLine(std::string_view text) {
  std::string line(Trim(text));
  for (char& c : line) {
    if (static_cast<unsigned char>(c) < 0x20) c = ' ';
  }
  return line;
}

std::string BuildMessage(const NewVariant& spec, VariantId id,
                         const std::vector<std::string>& parent_commits) {
  std::string message = OneLine(spec.summary);
  if (message.empty()) message = "variant " + std::to_string(id);
  message += "\n\n";
  std::string details(Trim(spec.details));
  if (!details.empty()) message += details + "\n\n";
  message += fmt::format("Clade-Variant: {}\n", id);
  for (size_t i = 0; i < spec.parents.size(); ++i) {
    message += fmt::format("Clade-Parent: {} {}\n", spec.parents[i], parent_commits[i]);
  }
  for (const auto& [key, value] : spec.trailers) {
    message += fmt::format("{}: {}\n", OneLine(key), OneLine(value));
  }
  return message;
}

std::string TrailerValue(const char* message, std::string_view key) {
  std::string value;
  for (const auto& [name, text] : MessageTrailers(message)) {
    if (name == key) value = text;
  }
  return value;
}

Result<std::optional<int>> ReadFormatVersion(git_repository* repo) {
  git_config* raw = nullptr;
  CLADE_TRY(git::Check(git_repository_config_snapshot(&raw, repo), "cannot read the git config"));
  std::unique_ptr<git_config, void (*)(git_config*)> config(raw, git_config_free);
  int32_t version = 0;
  if (git_config_get_int32(&version, config.get(), kFormatKey) != 0) {
    git_error_clear();
    return std::optional<int>();
  }
  return std::optional<int>(version);
}

// A writer killed while updating a ref leaves "<ref>.lock" behind, which would make every
// later update of that ref fail. Only the lock holder calls this, so no live writer owns
// any of these files.
void RemoveStaleLockFiles(const fs::path& archive) {
  std::error_code error;
  fs::remove(archive / "packed-refs.lock", error);
  for (auto it = fs::recursive_directory_iterator(archive / "refs", error);
       !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
    if (it->path().extension() == ".lock") fs::remove(it->path(), error);
  }
  // Temporary object files of a killed write ("objects/xx/tmp_object_git2_*").
  for (auto it = fs::recursive_directory_iterator(archive / "objects", error);
       !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
    if (it->path().filename().string().rfind("tmp_", 0) == 0) fs::remove(it->path(), error);
  }
}

}  // namespace

std::vector<std::pair<std::string, std::string>> MessageTrailers(const std::string& message) {
  git::EnsureInitialised();  // callable before any archive is opened
  std::vector<std::pair<std::string, std::string>> result;
  git_message_trailer_array trailers{};
  if (git_message_trailers(&trailers, message.c_str()) != 0) {
    git_error_clear();
    return result;
  }
  for (size_t i = 0; i < trailers.count; ++i) {
    result.emplace_back(trailers.trailers[i].key, trailers.trailers[i].value);
  }
  git_message_trailer_array_free(&trailers);
  return result;
}

bool IsValidBenchmarkName(std::string_view name) {
  if (name.empty() || name.size() > 100 || name.front() == '.' || name.front() == '-') {
    return false;
  }
  if (name.size() >= 5 && name.substr(name.size() - 5) == ".lock") return false;
  for (char c : name) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '_' || c == '.';
    if (!ok) return false;
  }
  return name.find("..") == std::string_view::npos;
}

struct Archive::Impl {
  git::Repository repo;
  std::optional<WriterLock> lock;
  OpenOptions options;
  std::map<std::string, std::string> notes_seen;  // notes ref -> its commit when last looked
};

Archive::Archive(fs::path path, std::unique_ptr<Impl> impl)
    : path_(std::move(path)), impl_(std::move(impl)) {}

Archive::~Archive() = default;

bool Archive::writable() const {
  return impl_->lock.has_value();
}

Result<std::unique_ptr<Archive>> Archive::Create(const fs::path& path, OpenOptions options) {
  git::EnsureInitialised();
  std::error_code error;
  if (fs::exists(path, error) && !(fs::is_directory(path, error) && fs::is_empty(path, error))) {
    return FailAs(ErrorKind::kUsage, "cannot create an archive at {}: it exists and is not empty",
                  path.string());
  }
  fs::path absolute = fs::absolute(path, error);
  if (!absolute.parent_path().empty()) fs::create_directories(absolute.parent_path(), error);
  // Build the repository beside its final place and rename it in, so that a crash never
  // leaves a half-made archive at `path`.
  fs::path staging = absolute;
  staging += fmt::format(".creating-{}", ::getpid());
  fs::remove_all(staging, error);
  git_repository* raw = nullptr;
  CLADE_TRY(git::Check(git_repository_init(&raw, staging.c_str(), /*is_bare=*/1),
                       "cannot create an archive at " + path.string()));
  git::Repository repo(raw);
  git_config* config_raw = nullptr;
  CLADE_TRY(git::Check(git_repository_config(&config_raw, repo.get()), "cannot configure"));
  std::unique_ptr<git_config, void (*)(git_config*)> config(config_raw, git_config_free);
  CLADE_TRY(git::Check(git_config_set_int32(config.get(), kFormatKey, kFormatVersion),
                       "cannot configure the archive"));
  // Objects are never garbage-collected behind clade's back; dangling objects from a
  // killed writer are harmless.
  CLADE_TRY(git::Check(git_config_set_int32(config.get(), "gc.auto", 0), "cannot configure"));
  config.reset();
  repo.reset();
  if (fs::exists(absolute, error)) fs::remove(absolute, error);  // the empty directory
  fs::rename(staging, absolute, error);
  if (error) {
    return Fail("cannot create an archive at {}: {}", path.string(), error.message());
  }
  options.mode = Mode::kWrite;
  return Open(path, options);
}

Result<std::unique_ptr<Archive>> Archive::Open(const fs::path& path, OpenOptions options) {
  git::EnsureInitialised();
  std::error_code error;
  if (!fs::exists(path, error)) {
    return FailAs(ErrorKind::kNotFound, "there is no archive at {}", path.string());
  }
  git_repository* raw = nullptr;
  int code = git_repository_open_ext(&raw, path.c_str(), GIT_REPOSITORY_OPEN_NO_SEARCH, nullptr);
  if (code == GIT_ENOTFOUND) {
    git_error_clear();
    return FailAs(ErrorKind::kUsage, "{} is not a clade archive (not a git repository)",
                  path.string());
  }
  CLADE_TRY(git::Check(code, "cannot open the archive " + path.string()));
  auto impl = std::make_unique<Impl>();
  impl->repo.reset(raw);
  impl->options = options;
  auto version = CLADE_TRY(ReadFormatVersion(raw));
  if (!version) {
    return FailAs(ErrorKind::kUsage, "{} is a git repository but not a clade archive",
                  path.string());
  }
  if (*version > kFormatVersion) {
    return FailAs(ErrorKind::kUsage,
                  "{} was written by a newer clade (format {}, this one reads {})", path.string(),
                  *version, kFormatVersion);
  }
  fs::path gitdir = git_repository_path(raw);
  if (options.mode == Mode::kWrite) {
    impl->lock = CLADE_TRY(WriterLock::Acquire(gitdir, options.holder));
    RemoveStaleLockFiles(gitdir);
  }
  std::unique_ptr<Archive> archive(new Archive(path, std::move(impl)));
  CLADE_TRY(archive->LoadIndex());
  return archive;
}

Result<> Archive::LoadIndex() {
  git_repository* repo = impl_->repo.get();
  auto refs = CLADE_TRY(ListRefs(repo, std::string(kVariantRefs) + "*"));
  std::vector<std::pair<long long, git_oid>> ids;
  ids.reserve(refs.size());
  for (const auto& [name, oid] : refs) {
    long long id = -1;
    if (!ParseNonNegative(std::string_view(name).substr(sizeof kVariantRefs - 1), &id)) {
      return FailAs(ErrorKind::kUsage, "archive {} has a malformed variant ref {}", path_.string(),
                    name);
    }
    ids.emplace_back(id, oid);
  }
  std::sort(ids.begin(), ids.end(), [](auto& a, auto& b) { return a.first < b.first; });
  variants_.clear();
  id_by_commit_.clear();
  variants_.reserve(ids.size());
  for (size_t i = 0; i < ids.size(); ++i) {
    if (ids[i].first != static_cast<long long>(i)) {
      return Fail("archive {} is damaged: variant {} is missing", path_.string(), i);
    }
    Variant variant = CLADE_TRY(ReadVariant(static_cast<VariantId>(i), git::ToHex(ids[i].second)));
    id_by_commit_[variant.commit] = variant.id;
    variants_.push_back(std::move(variant));
  }
  CLADE_TRY(LoadPruned());
  CLADE_TRY(NotesMoved());
  summaries_.clear();
  return {};
}

// Sets every variant's pruned flag from the pruned refs.
Result<> Archive::LoadPruned() {
  for (Variant& variant : variants_) variant.pruned = false;
  for (const auto& [name, oid] :
       CLADE_TRY(ListRefs(impl_->repo.get(), std::string(kPrunedRefs) + "*"))) {
    long long id = -1;
    if (ParseNonNegative(std::string_view(name).substr(sizeof kPrunedRefs - 1), &id) &&
        id < static_cast<long long>(variants_.size())) {
      variants_[static_cast<size_t>(id)].pruned = true;
    }
  }
  return {};
}

// The benchmarks whose notes ref is not where it was when last looked (new ones included),
// sorted; remembers where each is now.
Result<std::vector<std::string>> Archive::NotesMoved() {
  std::vector<std::string> moved;
  std::map<std::string, std::string> now;
  for (const auto& [name, oid] :
       CLADE_TRY(ListRefs(impl_->repo.get(), std::string(kNotesRefs) + "*"))) {
    now[name] = git::ToHex(oid);
    auto seen = impl_->notes_seen.find(name);
    if (seen == impl_->notes_seen.end() || seen->second != now[name]) {
      moved.push_back(name.substr(sizeof kNotesRefs - 1));
    }
  }
  impl_->notes_seen = std::move(now);
  std::sort(moved.begin(), moved.end());
  return moved;
}

Result<Archive::Refreshed> Archive::Refresh() {
  Refreshed refreshed;
  std::vector<std::pair<long long, git_oid>> fresh;
  for (const auto& [name, oid] :
       CLADE_TRY(ListRefs(impl_->repo.get(), std::string(kVariantRefs) + "*"))) {
    long long id = -1;
    if (ParseNonNegative(std::string_view(name).substr(sizeof kVariantRefs - 1), &id) &&
        id >= static_cast<long long>(variants_.size())) {
      fresh.emplace_back(id, oid);
    }
  }
  std::sort(fresh.begin(), fresh.end(), [](auto& a, auto& b) { return a.first < b.first; });
  for (const auto& [id, oid] : fresh) {
    if (id != static_cast<long long>(variants_.size())) break;  // ids are dense; wait for the gap
    Variant variant = CLADE_TRY(ReadVariant(static_cast<VariantId>(id), git::ToHex(oid)));
    id_by_commit_[variant.commit] = variant.id;
    refreshed.added.push_back(variant.id);
    variants_.push_back(std::move(variant));
  }
  CLADE_TRY(LoadPruned());
  refreshed.benchmarks = CLADE_TRY(NotesMoved());
  if (!refreshed.added.empty()) {
    summaries_.clear();  // sized by the variants: every benchmark's is reloaded
  } else {
    for (const std::string& benchmark : refreshed.benchmarks) summaries_.erase(benchmark);
  }
  return refreshed;
}

Result<Variant> Archive::ReadVariant(VariantId id, const std::string& commit_hex) {
  git_oid oid = CLADE_TRY(git::FromHex(commit_hex));
  git_commit* raw = nullptr;
  CLADE_TRY(git::Check(git_commit_lookup(&raw, impl_->repo.get(), &oid),
                       fmt::format("cannot read variant {}", id)));
  git::Commit commit(raw);
  Variant variant;
  variant.id = id;
  variant.commit = commit_hex;
  variant.tree = git::ToHex(*git_commit_tree_id(commit.get()));
  const char* summary = git_commit_summary(commit.get());
  variant.summary = summary ? summary : "";
  variant.time = git_commit_time(commit.get());
  variant.mutator = TrailerValue(git_commit_message(commit.get()), "Clade-Mutator");
  unsigned parent_count = git_commit_parentcount(commit.get());
  for (unsigned i = 0; i < parent_count; ++i) {
    auto parent = id_by_commit_.find(git::ToHex(*git_commit_parent_id(commit.get(), i)));
    if (parent != id_by_commit_.end()) variant.parents.push_back(parent->second);
  }
  return variant;
}

Result<> Archive::RequireWritable(std::string_view what) const {
  if (writable()) return {};
  return Fail("cannot {}: the archive {} is open read-only", what, path_.string());
}

Result<> Archive::CheckId(VariantId id) const {
  if (id >= 0 && static_cast<size_t>(id) < variants_.size()) return {};
  return FailAs(ErrorKind::kNotFound, "there is no variant {} in {}", id, path_.string());
}

// ---- Source trees ---------------------------------------------------------------------

Result<std::string> Archive::WriteTreeFromDirectory(const fs::path& directory) {
  CLADE_TRY(RequireWritable("store a source tree"));
  return git::ToHex(CLADE_TRY(WriteDirectoryTree(impl_->repo.get(), directory)));
}

Result<std::string> Archive::WriteTreeWithChanges(const std::string& base,
                                                  const TreeChanges& changes) {
  CLADE_TRY(RequireWritable("store a source tree"));
  git_oid base_id = CLADE_TRY(git::FromHex(base));
  TreeUpdate update;
  for (const auto& [path, content] : changes) {
    if (!content) {
      update[path] = std::nullopt;
      continue;
    }
    update[path] = BlobChange{
        content->data, content->executable ? GIT_FILEMODE_BLOB_EXECUTABLE : GIT_FILEMODE_BLOB};
  }
  return git::ToHex(CLADE_TRY(WriteUpdatedTree(impl_->repo.get(), base_id, update)));
}

// ---- Variants -------------------------------------------------------------------------

Result<Variant> Archive::AddVariant(const NewVariant& spec) {
  CLADE_TRY(RequireWritable("add a variant"));
  git_repository* repo = impl_->repo.get();
  VariantId id = static_cast<VariantId>(variants_.size());
  std::vector<git::Commit> parents;
  std::vector<std::string> parent_commits;
  for (VariantId parent : spec.parents) {
    CLADE_TRY(CheckId(parent));
    git_oid oid = CLADE_TRY(git::FromHex(variant(parent).commit));
    git_commit* raw = nullptr;
    CLADE_TRY(git::Check(git_commit_lookup(&raw, repo, &oid),
                         fmt::format("cannot read variant {}", parent)));
    parents.emplace_back(raw);
    parent_commits.push_back(variant(parent).commit);
  }
  git_oid tree_id = CLADE_TRY(git::FromHex(spec.tree));
  git_tree* tree_raw = nullptr;
  CLADE_TRY(git::Check(git_tree_lookup(&tree_raw, repo, &tree_id),
                       "cannot add a variant: no source tree " + spec.tree));
  git::Tree tree(tree_raw);
  std::vector<const git_commit*> parent_pointers;
  for (const auto& parent : parents) parent_pointers.push_back(parent.get());
  auto signature = CLADE_TRY(MakeSignature(spec.time));
  std::string message = BuildMessage(spec, id, parent_commits);
  git_oid commit;
  CLADE_TRY(git::Check(git_commit_create(&commit, repo, nullptr, signature.get(), signature.get(),
                                         nullptr, message.c_str(), tree.get(),
                                         parent_pointers.size(), parent_pointers.data()),
                       fmt::format("cannot write variant {}", id)));
  // The variant exists once this ref does: everything before it is unreferenced.
  CLADE_TRY(UpdateRef(repo, VariantRef(id), commit, std::nullopt));
  Variant added = CLADE_TRY(ReadVariant(id, git::ToHex(commit)));
  id_by_commit_[added.commit] = id;
  variants_.push_back(added);
  for (auto& [benchmark, outcomes] : summaries_) outcomes.emplace_back();
  return added;
}

Result<VariantId> Archive::Resolve(std::string_view spec) {
  std::string_view text = Trim(spec);
  if (variants_.empty()) {
    return FailAs(ErrorKind::kNotFound, "the archive {} has no variants", path_.string());
  }
  if (text == "seed") return 0;
  if (text == "best") {
    auto benchmark = CLADE_TRY(DefaultBenchmark());
    if (!benchmark) {
      return FailAs(ErrorKind::kNotFound, "no variant of {} has been evaluated, so none is best",
                    path_.string());
    }
    auto best = CLADE_TRY(Best(*benchmark));
    if (!best) {
      return FailAs(ErrorKind::kNotFound, "no variant of {} has a score on {}", path_.string(),
                    *benchmark);
    }
    return *best;
  }
  long long number = -1;
  if (ParseNonNegative(text, &number) && number < static_cast<long long>(variants_.size())) {
    return static_cast<VariantId>(number);
  }
  if (text.size() >= 4 && IsHex(text)) {
    std::string prefix(text);
    std::transform(prefix.begin(), prefix.end(), prefix.begin(), ::tolower);
    std::vector<VariantId> matches;
    for (const Variant& v : variants_) {
      if (v.commit.compare(0, prefix.size(), prefix) == 0) matches.push_back(v.id);
    }
    if (matches.size() == 1) return matches[0];
    if (matches.size() > 1) {
      return FailAs(ErrorKind::kUsage, "'{}' matches {} variants' commits; give more digits", text,
                    matches.size());
    }
  }
  return FailAs(ErrorKind::kNotFound, "there is no variant '{}' in {}", text, path_.string());
}

std::vector<VariantId> Archive::Children(VariantId id) const {
  std::vector<VariantId> children;
  for (const Variant& v : variants_) {
    if (std::find(v.parents.begin(), v.parents.end(), id) != v.parents.end()) {
      children.push_back(v.id);
    }
  }
  return children;
}

std::vector<VariantId> Archive::Ancestors(VariantId id) const {
  std::vector<VariantId> order;
  if (!CheckId(id)) return order;
  std::set<VariantId> seen;
  std::deque<VariantId> queue(variant(id).parents.begin(), variant(id).parents.end());
  while (!queue.empty()) {
    VariantId next = queue.front();
    queue.pop_front();
    if (!seen.insert(next).second) continue;
    order.push_back(next);
    for (VariantId parent : variant(next).parents) queue.push_back(parent);
  }
  return order;
}

std::optional<VariantId> Archive::CommonAncestor(VariantId a, VariantId b) const {
  if (!CheckId(a) || !CheckId(b)) return std::nullopt;
  std::vector<VariantId> of_a = Ancestors(a);
  of_a.push_back(a);
  std::vector<VariantId> of_b = Ancestors(b);
  of_b.push_back(b);
  std::optional<VariantId> newest;
  for (VariantId id : of_a) {
    if (std::find(of_b.begin(), of_b.end(), id) != of_b.end() && (!newest || id > *newest)) {
      newest = id;
    }
  }
  return newest;
}

std::vector<VariantId> Archive::Lineage(VariantId id) const {
  std::vector<VariantId> path;
  if (!CheckId(id)) return path;
  for (VariantId at = id;;) {
    path.push_back(at);
    const auto& parents = variant(at).parents;
    if (parents.empty()) break;
    at = parents.front();
  }
  std::reverse(path.begin(), path.end());
  return path;
}

Result<std::string> Archive::Message(VariantId id) const {
  CLADE_TRY(CheckId(id));
  git_oid oid = CLADE_TRY(git::FromHex(variant(id).commit));
  git_commit* raw = nullptr;
  CLADE_TRY(git::Check(git_commit_lookup(&raw, impl_->repo.get(), &oid),
                       fmt::format("cannot read variant {}", id)));
  git::Commit commit(raw);
  return std::string(git_commit_message(commit.get()));
}

// ---- Evaluation records ---------------------------------------------------------------

Result<> Archive::SetRecord(VariantId id, std::string_view benchmark,
                            const nlohmann::json& record) {
  CLADE_TRY(RequireWritable("store an evaluation record"));
  CLADE_TRY(CheckId(id));
  if (!IsValidBenchmarkName(benchmark)) {
    return FailAs(ErrorKind::kUsage, "'{}' cannot name a benchmark (use letters, digits, - _ .)",
                  benchmark);
  }
  std::string text = record.dump(2) + "\n";
  auto summary = ParseRecordSummary(text);
  if (!summary) {
    return Fail("the record of variant {} on {} is not stored: {}", id, benchmark,
                summary.error().message);
  }
  TreeUpdate update{{NotePath(variant(id).commit), BlobChange{text, GIT_FILEMODE_BLOB}}};
  std::string message = fmt::format("clade: record of variant {} on {}\n", id, benchmark);
  CLADE_TRY(AdvanceChain(impl_->repo.get(), NotesRef(benchmark), update, false, message));
  auto cached = summaries_.find(benchmark);
  if (cached != summaries_.end()) cached->second[static_cast<size_t>(id)] = *summary;
  return {};
}

Result<std::optional<nlohmann::json>> Archive::Record(VariantId id, std::string_view benchmark) {
  CLADE_TRY(CheckId(id));
  if (!IsValidBenchmarkName(benchmark)) return std::optional<nlohmann::json>();
  auto tree = CLADE_TRY(ChainTree(impl_->repo.get(), NotesRef(benchmark)));
  if (!tree) return std::optional<nlohmann::json>();
  const std::string& commit = variant(id).commit;
  auto note = CLADE_TRY(ReadBlobAt(impl_->repo.get(), *tree, NotePath(commit)));
  if (!note) note = CLADE_TRY(ReadBlobAt(impl_->repo.get(), *tree, commit));  // no fan-out
  if (!note) return std::optional<nlohmann::json>();
  auto record = nlohmann::json::parse(*note, nullptr, /*allow_exceptions=*/false);
  if (record.is_discarded()) {
    return Fail("the record of variant {} on {} is not valid JSON", id, benchmark);
  }
  return std::optional<nlohmann::json>(std::move(record));
}

Result<std::vector<std::string>> Archive::Benchmarks() const {
  std::vector<std::string> names;
  for (const auto& [name, oid] :
       CLADE_TRY(ListRefs(impl_->repo.get(), std::string(kNotesRefs) + "*"))) {
    names.push_back(name.substr(sizeof kNotesRefs - 1));
  }
  std::sort(names.begin(), names.end());
  return names;
}

Result<std::optional<std::string>> Archive::DefaultBenchmark() {
  auto state = CLADE_TRY(State());
  if (state && state->contains("benchmark") && (*state)["benchmark"].is_string()) {
    return std::optional<std::string>((*state)["benchmark"].get<std::string>());
  }
  auto names = CLADE_TRY(Benchmarks());
  if (names.size() == 1) return std::optional<std::string>(names.front());
  return std::optional<std::string>();
}

Result<const std::vector<RecordSummary>*> Archive::Summaries(std::string_view benchmark) {
  auto cached = summaries_.find(benchmark);
  if (cached != summaries_.end()) return &cached->second;
  std::vector<RecordSummary> outcomes(variants_.size());
  if (IsValidBenchmarkName(benchmark)) {
    git_repository* repo = impl_->repo.get();
    fs::path cache_file =
        fs::path(git_repository_path(repo)) / "clade-cache" / (std::string(benchmark) + ".json");
    for (auto& [commit, outcome] :
         CLADE_TRY(LoadRecordSummaries(repo, NotesRef(benchmark), cache_file))) {
      auto id = id_by_commit_.find(commit);
      if (id != id_by_commit_.end()) outcomes[static_cast<size_t>(id->second)] = std::move(outcome);
    }
  }
  auto inserted = summaries_.emplace(std::string(benchmark), std::move(outcomes));
  return &inserted.first->second;
}

Result<std::optional<VariantId>> Archive::Best(std::string_view benchmark) {
  return BestOf(*CLADE_TRY(Summaries(benchmark)));
}

// ---- Logs ---------------------------------------------------------------------------------

Result<> Archive::AddLogs(VariantId id, const std::map<std::string, std::string>& files) {
  CLADE_TRY(RequireWritable("store logs"));
  CLADE_TRY(CheckId(id));
  TreeUpdate update;
  for (const auto& [path, text] : files) {
    update[path] = BlobChange{CapText(text, impl_->options.log_cap_bytes), GIT_FILEMODE_BLOB};
  }
  std::string message = fmt::format("clade: logs of variant {}\n", id);
  CLADE_TRY(AdvanceChain(impl_->repo.get(), LogRef(id), update, false, message));
  return {};
}

Result<std::optional<std::string>> Archive::Log(VariantId id, std::string_view path) {
  CLADE_TRY(CheckId(id));
  auto tree = CLADE_TRY(ChainTree(impl_->repo.get(), LogRef(id)));
  if (!tree) return std::optional<std::string>();
  return ReadBlobAt(impl_->repo.get(), *tree, path);
}

Result<std::vector<std::string>> Archive::LogPaths(VariantId id) {
  CLADE_TRY(CheckId(id));
  auto tree = CLADE_TRY(ChainTree(impl_->repo.get(), LogRef(id)));
  if (!tree) return std::vector<std::string>();
  return ListBlobs(impl_->repo.get(), *tree);
}

// ---- Run state ----------------------------------------------------------------------------

Result<> Archive::SetState(const nlohmann::json& state,
                           const std::map<std::string, std::string>& files) {
  CLADE_TRY(RequireWritable("save the run state"));
  TreeUpdate update{{"state.json", BlobChange{state.dump(2) + "\n", GIT_FILEMODE_BLOB}}};
  for (const auto& [name, text] : files) {
    if (name == "state.json") return FailAs(ErrorKind::kUsage, "state.json is reserved");
    update[name] = BlobChange{text, GIT_FILEMODE_BLOB};
  }
  CLADE_TRY(
      AdvanceChain(impl_->repo.get(), kStateRef, update, /*replace=*/true, "clade: run state\n"));
  return {};
}

Result<std::optional<std::string>> Archive::StateFile(std::string_view name) {
  auto tree = CLADE_TRY(ChainTree(impl_->repo.get(), kStateRef));
  if (!tree) return std::optional<std::string>();
  return ReadBlobAt(impl_->repo.get(), *tree, name);
}

Result<std::optional<nlohmann::json>> Archive::State() {
  auto text = CLADE_TRY(StateFile("state.json"));
  if (!text) return std::optional<nlohmann::json>();
  auto state = nlohmann::json::parse(*text, nullptr, /*allow_exceptions=*/false);
  if (state.is_discarded()) return Fail("the run state of {} is not valid JSON", path_.string());
  return std::optional<nlohmann::json>(std::move(state));
}

// ---- Run memory -----------------------------------------------------------------------

Result<> Archive::SetLesson(VariantId id, const std::string& text, std::string_view subject) {
  CLADE_TRY(RequireWritable("store a lesson"));
  CLADE_TRY(CheckId(id));
  TreeUpdate update{{fmt::format("lessons/{}.json", id), BlobChange{text, GIT_FILEMODE_BLOB}}};
  CLADE_TRY(AdvanceChain(impl_->repo.get(), kMemoryRef, update, /*replace=*/false,
                         fmt::format("{}\n", subject)));
  return {};
}

Result<std::map<VariantId, std::string>> Archive::Lessons() {
  std::map<VariantId, std::string> lessons;
  auto tree = CLADE_TRY(ChainTree(impl_->repo.get(), kMemoryRef));
  if (!tree) return lessons;
  for (const std::string& path : CLADE_TRY(ListBlobs(impl_->repo.get(), *tree))) {
    long long id = 0;
    std::string_view name = path;
    if (name.rfind("lessons/", 0) != 0 || name.size() < 14 ||
        name.substr(name.size() - 5) != ".json" ||
        !ParseNonNegative(name.substr(8, name.size() - 13), &id)) {
      continue;  // not a lesson: left alone
    }
    auto text = CLADE_TRY(ReadBlobAt(impl_->repo.get(), *tree, path));
    if (text) lessons[static_cast<VariantId>(id)] = std::move(*text);
  }
  return lessons;
}

// ---- Pruning --------------------------------------------------------------------------

Result<> Archive::Prune(VariantId id) {
  CLADE_TRY(RequireWritable("prune"));
  CLADE_TRY(CheckId(id));
  if (variants_[static_cast<size_t>(id)].pruned) return {};
  git_oid commit = CLADE_TRY(git::FromHex(variant(id).commit));
  CLADE_TRY(UpdateRef(impl_->repo.get(), PrunedRef(id), commit, std::nullopt));
  variants_[static_cast<size_t>(id)].pruned = true;
  return {};
}

Result<> Archive::Unprune(VariantId id) {
  CLADE_TRY(RequireWritable("unprune"));
  CLADE_TRY(CheckId(id));
  CLADE_TRY(DeleteRef(impl_->repo.get(), PrunedRef(id)));
  variants_[static_cast<size_t>(id)].pruned = false;
  return {};
}

// ---- Source access --------------------------------------------------------------------

Result<std::string> Archive::Diff(VariantId from, VariantId to) {
  CLADE_TRY(CheckId(from));
  CLADE_TRY(CheckId(to));
  git_repository* repo = impl_->repo.get();
  auto lookup = [repo](const std::string& hex) -> Result<git::Tree> {
    git_oid oid = CLADE_TRY(git::FromHex(hex));
    git_tree* raw = nullptr;
    CLADE_TRY(git::Check(git_tree_lookup(&raw, repo, &oid), "cannot read tree " + hex));
    return git::Tree(raw);
  };
  auto old_tree = CLADE_TRY(lookup(variant(from).tree));
  auto new_tree = CLADE_TRY(lookup(variant(to).tree));
  git_diff* raw = nullptr;
  CLADE_TRY(git::Check(git_diff_tree_to_tree(&raw, repo, old_tree.get(), new_tree.get(), nullptr),
                       fmt::format("cannot diff variants {} and {}", from, to)));
  git::Diff diff(raw);
  git::Buf patch;
  CLADE_TRY(git::Check(git_diff_to_buf(patch.get(), diff.get(), GIT_DIFF_FORMAT_PATCH),
                       fmt::format("cannot diff variants {} and {}", from, to)));
  return std::string(patch.view());
}

Result<> Archive::Export(VariantId id, const fs::path& directory) {
  CLADE_TRY(CheckId(id));
  git_oid tree = CLADE_TRY(git::FromHex(variant(id).tree));
  return ExportTree(impl_->repo.get(), tree, directory);
}

Result<> Archive::SyncTo(VariantId id, const fs::path& directory) {
  CLADE_TRY(CheckId(id));
  git_oid tree = CLADE_TRY(git::FromHex(variant(id).tree));
  return SyncTree(impl_->repo.get(), tree, directory);
}

Result<std::optional<std::string>> Archive::ReadSourceFile(VariantId id, std::string_view path) {
  CLADE_TRY(CheckId(id));
  git_oid tree = CLADE_TRY(git::FromHex(variant(id).tree));
  return ReadBlobAt(impl_->repo.get(), tree, path);
}

Result<> Archive::CompactRefs() {
  CLADE_TRY(RequireWritable("compact refs"));
  git_refdb* raw = nullptr;
  CLADE_TRY(git::Check(git_repository_refdb(&raw, impl_->repo.get()), "cannot open the refdb"));
  git::Refdb refdb(raw);
  return git::Check(git_refdb_compress(refdb.get()), "cannot pack refs");
}

}  // namespace clade::archive
