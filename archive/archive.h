// The archive of agent variants: one git repository per run (see docs/archive.md for the
// layout in prose). A variant is a commit whose tree is the agent's source directory; its
// parent commits are its parent variants. Everything else lives under refs/clade/ and in
// notes refs, so plain `git` reads it all.
//
// Thread safety: an Archive is used by one thread at a time. Several processes may open
// the same archive: any number of readers and at most one writer (Mode::kWrite holds an
// exclusive lock until the Archive is destroyed). Readers never block and always see a
// consistent archive, because every change becomes visible through one atomic ref update.
//
// Crash safety: every write stores its objects first and then moves one ref. A writer
// killed at any moment leaves at worst unreferenced objects (which `git fsck` reports as
// dangling, not as errors) and stale ref lock files (removed by the next writer).
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "archive/variant.h"
#include "support/error.h"

namespace clade::archive {

namespace fs = std::filesystem;

enum class Mode { kRead, kWrite };

struct OpenOptions {
  Mode mode = Mode::kRead;
  // With Mode::kWrite: who is writing, shown to a second writer that is refused
  // ("clade run quickstart"). The pid and start time are added automatically.
  std::string holder = "clade";
  // Each log file is cut to this size (head and tail kept) when stored.
  size_t log_cap_bytes = 256 * 1024;
};

// A file of a variant's source, for building a child from its parent's tree.
struct FileContent {
  std::string data;
  bool executable = false;
};

// Changes to a tree: path (relative, '/'-separated) -> new content, or nullopt to delete.
using TreeChanges = std::map<std::string, std::optional<FileContent>>;

// What AddVariant needs. The tree comes from WriteTree* below.
struct NewVariant {
  std::string tree;                // hex id of the source tree
  std::vector<VariantId> parents;  // empty only for a seed (a root commit)
  std::string summary;             // one line: what the mutation did
  std::string details;             // optional paragraphs after the summary
  std::vector<std::pair<std::string, std::string>> trailers;  // e.g. {"Clade-Mutator","gi"}
  std::optional<int64_t> time;                                // commit time (seconds); default now
};

class Archive {
 public:
  ~Archive();
  Archive(const Archive&) = delete;
  Archive& operator=(const Archive&) = delete;

  // Creates a new bare archive repository at `path` (which must not exist or be an empty
  // directory) and opens it for writing.
  static Result<std::unique_ptr<Archive>> Create(const fs::path& path, OpenOptions options = {});

  // Opens an existing archive and builds its in-memory index of variants.
  // Errors: kNotFound if `path` does not exist, kUsage if it is not a clade archive,
  // kBusy for Mode::kWrite when another process holds the writer lock (the message
  // names that process).
  static Result<std::unique_ptr<Archive>> Open(const fs::path& path, OpenOptions options = {});

  const fs::path& path() const { return path_; }
  bool writable() const;

  // ---- Following a running writer ---------------------------------------------------
  // What Refresh found changed.
  struct Refreshed {
    std::vector<VariantId> added;         // variants added since the last look, id order
    std::vector<std::string> benchmarks;  // benchmarks whose records changed, sorted
    bool empty() const { return added.empty() && benchmarks.empty(); }
  };
  // For a reader beside a writer (`clade serve`): reads the variants added since this
  // Archive was opened or last refreshed (the refs say which: the variants already read are
  // not read again), the pruned flags, and which benchmarks' notes refs moved since (their
  // cached summaries are dropped, to be reloaded through the outcome cache). Cost: one
  // listing of the variant, pruned and notes refs, plus the new variants' commits.
  Result<Refreshed> Refresh();

  // ---- Source trees ---------------------------------------------------------------
  // Stores a directory (recursively; `.git` skipped; modes and symlinks kept) as a tree.
  Result<std::string> WriteTreeFromDirectory(const fs::path& directory);
  // Stores `base` (a tree id) with `changes` applied.
  Result<std::string> WriteTreeWithChanges(const std::string& base, const TreeChanges& changes);

  // ---- Variants ---------------------------------------------------------------------
  // Adds a variant as a commit with trailers Clade-Variant and Clade-Parent (added here)
  // plus `spec.trailers`, and the ref refs/clade/variants/<id>. Returns the new variant.
  // REQUIRES: writable(); every parent exists.
  Result<Variant> AddVariant(const NewVariant& spec);

  // All variants, indexed by id (ids are dense: 0..size()-1).
  const std::vector<Variant>& variants() const { return variants_; }
  size_t size() const { return variants_.size(); }
  // REQUIRES: id < size().
  const Variant& variant(VariantId id) const { return variants_.at(static_cast<size_t>(id)); }

  // Resolves what a user typed: an id ("12"), "seed", "best" (by DefaultBenchmark()),
  // or a unique prefix (4+ hex digits) of a variant's commit id.
  Result<VariantId> Resolve(std::string_view spec);

  std::vector<VariantId> Children(VariantId id) const;
  // Every ancestor (all parents, transitively), nearest first, without duplicates.
  std::vector<VariantId> Ancestors(VariantId id) const;
  // The newest (highest id) variant that is `a` or one of its ancestors and also `b` or one
  // of its ancestors: where two lines of descent parted. nullopt when there is none (two
  // seeds, or an id that is not a variant).
  std::optional<VariantId> CommonAncestor(VariantId a, VariantId b) const;
  // The path from the seed to `id` along first parents, seed first.
  std::vector<VariantId> Lineage(VariantId id) const;

  // The full commit message of a variant.
  Result<std::string> Message(VariantId id) const;

  // ---- Evaluation records: JSON notes on refs/notes/clade/<benchmark> ------------------
  // REQUIRES: writable(); `benchmark` is a valid ref component (see IsValidBenchmarkName).
  // Errors, with nothing written: the record has no "status" that names an EvalStatus.
  Result<> SetRecord(VariantId id, std::string_view benchmark, const nlohmann::json& record);
  Result<std::optional<nlohmann::json>> Record(VariantId id, std::string_view benchmark);
  // Benchmarks that have a notes ref, sorted.
  Result<std::vector<std::string>> Benchmarks() const;
  // The run's benchmark (run state "benchmark"), else the only benchmark with records,
  // else nullopt.
  Result<std::optional<std::string>> DefaultBenchmark();
  // Status and score of every variant on `benchmark` (loaded once, then cached and kept
  // current by SetRecord). Index = variant id. Errors: a record on `benchmark` whose
  // status is not an EvalStatus (a damaged archive), naming its commit.
  Result<const std::vector<RecordSummary>*> Summaries(std::string_view benchmark);
  // The variant with status evaluated and the highest score on `benchmark` (lowest id
  // on a tie), or nullopt if there is none. Pruned variants count.
  Result<std::optional<VariantId>> Best(std::string_view benchmark);

  // ---- Logs: refs/clade/logs/<id>, a commit whose tree holds the variant's logs ---------
  // Adds or replaces log files (path -> text), each cut to the log cap. REQUIRES: writable().
  Result<> AddLogs(VariantId id, const std::map<std::string, std::string>& files);
  // One log file, or nullopt if the variant has no such log.
  Result<std::optional<std::string>> Log(VariantId id, std::string_view path);
  // Paths of all log files of a variant, sorted.
  Result<std::vector<std::string>> LogPaths(VariantId id);

  // ---- Run state: refs/clade/state, a commit whose tree holds state.json and files ------
  // Replaces the run state in one atomic ref update. `files` (e.g. "config.yaml") are
  // stored beside state.json. REQUIRES: writable().
  Result<> SetState(const nlohmann::json& state,
                    const std::map<std::string, std::string>& files = {});
  Result<std::optional<nlohmann::json>> State();
  Result<std::optional<std::string>> StateFile(std::string_view name);

  // ---- Run memory: refs/clade/memory, a commit chain whose tree holds lessons/<id>.json --
  // Adds or replaces the lesson of variant `id` (its JSON text) in one commit whose message
  // is `subject`, so `git log refs/clade/memory` reads as the run's lessons. REQUIRES:
  // writable().
  Result<> SetLesson(VariantId id, const std::string& text, std::string_view subject);
  // The text of every lesson, by variant id.
  Result<std::map<VariantId, std::string>> Lessons();

  // ---- Pruning: refs/clade/pruned/<id>; history is never rewritten ------------------
  Result<> Prune(VariantId id);
  Result<> Unprune(VariantId id);

  // ---- Source access ------------------------------------------------------------------
  // Unified diff (git's patch format, a/ and b/ prefixes) from variant `from` to `to`.
  Result<std::string> Diff(VariantId from, VariantId to);
  // Writes the variant's source tree into `directory` (which must not exist or be empty),
  // keeping executable bits and symlinks.
  Result<> Export(VariantId id, const fs::path& directory);
  // Makes `directory` (created if needed) hold exactly the variant's source tree, writing
  // only the files whose content or mode differ and removing the rest: for a directory
  // reused from variant to variant (creating and deleting files is what costs most).
  Result<> SyncTo(VariantId id, const fs::path& directory);
  // The content of one file of a variant's tree, or nullopt if there is no such file.
  Result<std::optional<std::string>> ReadSourceFile(VariantId id, std::string_view path);

  // Packs loose refs into packed-refs (cheap, keeps opening fast on large archives).
  Result<> CompactRefs();

 private:
  struct Impl;
  Archive(fs::path path, std::unique_ptr<Impl> impl);

  Result<> LoadIndex();
  Result<> LoadPruned();
  Result<std::vector<std::string>> NotesMoved();
  Result<Variant> ReadVariant(VariantId id, const std::string& commit_hex);
  Result<> RequireWritable(std::string_view what) const;
  Result<> CheckId(VariantId id) const;

  fs::path path_;
  std::unique_ptr<Impl> impl_;
  std::vector<Variant> variants_;
  std::map<std::string, VariantId> id_by_commit_;
  std::map<std::string, std::vector<RecordSummary>, std::less<>> summaries_;
};

// True if `name` can be a benchmark name in a notes ref: letters, digits, '-', '_', '.',
// not starting with '.' or '-', at most 100 characters.
bool IsValidBenchmarkName(std::string_view name);

// The status and score an evaluation record states. Errors: no "status" text, or one that
// names no EvalStatus (support/eval_status.h).
Result<RecordSummary> SummaryOfRecord(const nlohmann::json& record);

// The trailers of a commit message ("Key: value" lines of its last paragraph, as git reads
// them), in order; empty when it has none.
std::vector<std::pair<std::string, std::string>> MessageTrailers(const std::string& message);

}  // namespace clade::archive
