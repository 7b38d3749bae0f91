// The one interface every mutator (gi, llm, self) implements for the search loop and for
// `clade mutate`: given a parent's source on disk, propose a child as file changes.
//
// Thread safety: Propose may run on a worker thread, several at once on one Mutator. It
// never touches the archive (which belongs to one thread): everything it needs from the
// archive (the parent's source, donors for crossover, the parent's record and failed-task
// logs) is prepared into the MutationRequest by the caller.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/mutation/lesson.h"
#include "sandbox/tamper.h"
#include "support/error.h"

namespace clade::mutation {

// Another variant's source, offered for crossover.
struct Donor {
  int variant = 0;               // its archive id
  std::filesystem::path source;  // its exported source directory (read-only)
  // The source directory (read-only) of the variant where the donor's and the parent's
  // lines of descent parted (Archive::CommonAncestor), or empty when none is given. With
  // it, a crossover takes only what the donor's line changed since then.
  std::filesystem::path base;
};

struct MutationRequest {
  int parent = 0;                // the parent's archive id
  std::filesystem::path source;  // the parent's exported source directory (read-only)
  uint64_t seed = 0;             // all randomness of this proposal comes from here
  std::vector<Donor> donors;     // may be empty; gi crossover needs at least one
  nlohmann::json parent_record;  // the parent's evaluation record on the run's benchmark
                                 // (null for an unevaluated parent)
  std::map<std::string, std::string> task_logs;  // task id -> log, of tasks the parent failed
  std::filesystem::path scratch;                 // a private, empty directory the mutator may use
  // The run memory (lesson.h) as of this child's draw, oldest first, and how many of them
  // one prompt may show (run config `memory`; 0: off). The llm and self mutators name the
  // lessons their prompts showed in their record's "lessons".
  std::vector<Lesson> lessons;
  size_t max_lessons = 0;
};

// What a child is, relative to its parent.
struct ChildProposal {
  // The variants besides request.parent whose code the child holds (a crossover child's
  // donor), in order; the child's commit has request.parent first, then these.
  std::vector<int> other_parents;
  std::map<std::string, std::string> files;  // relative path -> new full text (changed or added)
  std::vector<std::string> deleted;          // relative paths removed
  std::string summary;                       // one line for the commit subject
  std::string details;                       // optional paragraphs for the commit body
  // Commit trailers, e.g. {"Clade-Mutator","gi"}, {"Clade-Seed","17"}, {"Clade-Edit", json}.
  std::vector<std::pair<std::string, std::string>> trailers;
  nlohmann::json record = nlohmann::json::object();  // the record's "mutation" field
  std::map<std::string, std::string> logs;  // stored as the child's logs (prompts, responses)
  int64_t tokens = 0;                       // model tokens this proposal spent
  double cost = 0;                          // money this proposal spent, in the config's unit
  // Files the mutator's run changed that it must not (self: outside `editable`). Non-empty:
  // the child is recorded as tampered (score 0) and never evaluated.
  std::vector<sandbox::Tamper> tampered;
  // Non-empty: no valid child this time, and why (the model's edits were all rejected, the
  // agent changed nothing). `files` and `deleted` are empty; the child is recorded as
  // mutation_failed (a commit of the parent's tree) with this proposal's record, logs,
  // tokens and cost, so what the attempt spent is counted and can be read. An error of
  // ErrorKind::kNoChild means the same for an attempt with nothing to record.
  std::string no_child;
};

class Mutator {
 public:
  virtual ~Mutator() = default;
  virtual std::string_view name() const = 0;  // "gi", "llm", "self"
  // A child of request.parent. A proposal with `no_child` set, or an error of
  // ErrorKind::kNoChild, means this parent yielded no valid child this time (the loop
  // records a failed child and goes on); any other error is an infrastructure failure
  // (model unreachable, disk full).
  virtual Result<ChildProposal> Propose(const MutationRequest& request) const = 0;
};

}  // namespace clade::mutation
