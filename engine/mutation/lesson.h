// The run memory's lessons (docs/memory.md): after each child, what it tried and how it
// went, kept in the archive (refs/clade/memory) and shown to the llm and self mutators so
// a later child does not repeat a failure and builds on what worked.
//
// A lesson is plain data made by the search loop from the child's commit, diff and record
// (engine/search/child.h, LessonOf); mutators only read lessons (MutationRequest::lessons)
// and pick the relevant ones with SelectLessons.
//
// Thread safety: plain data and functions of their arguments.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "support/error.h"

namespace clade::mutation {

struct Lesson {
  int variant = 0;              // the child's id
  int parent = 0;               // its first parent
  std::string mutator;          // gi, llm, self
  std::string model;            // the model that made it ("" for gi)
  std::string summary;          // what changed: the child's commit subject
  std::vector<std::string> files;      // the files the change touched, sorted
  std::vector<std::string> functions;  // functions it touched (as git's hunk headers name them)
  std::string status;           // the record's status (an EvalStatus name)
  std::optional<double> score;  // the child's score, when scored (evaluated, below_threshold)
  std::optional<double> parent_score;
  // Tasks the child did not solve: those it did worse on than its parent first, at most 8.
  std::vector<std::string> failing_tasks;
  std::string diagnosis;  // why: the error, the build's first error line, the model's title

  // Scored above its parent.
  bool Improved() const;
  // "improved 0.765 -> 0.781 (+0.016)", "build_failed", "no better: 0.765 -> 0.765".
  std::string Outcome() const;
  // One line: "#12 from #3 (llm): improved 0.765 -> 0.781 (+0.016): llm: faster loop".
  std::string Line() const;
  // The lesson as the prompts show it: the line, then files, functions, failing tasks
  // and the diagnosis, each on its own line when present.
  std::string Text() const;

  nlohmann::json ToJson() const;
  // Errors: not an object, or no integer "variant".
  static Result<Lesson> FromJson(const nlohmann::json& json);
};

// The files and functions a unified diff (git's format) touches: the a/ and b/ paths, and
// for each changed line the function it is in, as far as the hunk shows: the last
// definition line (column 0, a '(', no ';') above it in the hunk, else the function git
// named in the hunk header. The name is the one before that line's '('. Sorted, unique.
struct ChangedCode {
  std::vector<std::string> files;
  std::vector<std::string> functions;
};
ChangedCode ChangedCodeOf(std::string_view unified_diff);

// What the prompt at hand is about: the parent it is for, and text whose mentions of
// files, functions or tasks make a lesson relevant (a proposal, a failed task's id).
struct LessonQuery {
  int parent = 0;
  std::string_view text;
};

// At most `k` lessons, most relevant first: those whose files (by file name), functions or
// failing tasks the query's text names, or that are children of the same parent, most
// mentions first and then the most recent; then the most recent lessons that did not
// improve (failures not to repeat). Deterministic: ties go to the higher variant id.
std::vector<const Lesson*> SelectLessons(const std::vector<Lesson>& lessons,
                                         const LessonQuery& query, size_t k);

// A prompt section: a "## Lessons ..." heading, the lessons' Text and a blank line; ""
// when there are none, so a prompt without lessons is what it was without a memory.
std::string RenderLessons(const std::vector<const Lesson*>& lessons);

}  // namespace clade::mutation
