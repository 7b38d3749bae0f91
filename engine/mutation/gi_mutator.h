// The built-in genetic-improvement mutator `gi`: small random changes to an agent's
// editable C/C++ files, chosen on their Clang AST, with no model. The same parent source and
// seed give the same child, byte for byte, and the edit list of a child re-derives it from
// its parent (ApplyEditList, gi_edit.h). Clang-free; the AST work is in gi_sites.cc.
//
// The pieces, each internal to engine/mutation but gi_edit.h: gi_sites.h finds where the
// operators can act (the one GI file with Clang), gi_site_sampler.h draws an operator and a
// site, gi_operators.h turns a site into edits, gi_crossover.h finds a donor's definitions,
// gi_edit.h records an edit list and applies it again; gi_mutator.cc draws and checks.
//
// Thread safety: MutateGi may run on several threads at once (the caches in GiOptions lock
// themselves).
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/mutation/agent_source.h"
#include "engine/mutation/gi_edit.h"
#include "support/error.h"

namespace clade::mutation {

class GiSiteCache;
class PreambleCache;

enum class GiOperator {
  kDeleteStatement,   // remove a statement of a block (declarations never)
  kCopyStatement,     // insert a copy of a statement where its variables are in scope
  kSwapStatements,    // exchange two statements of the same kind
  kReplaceStatement,  // overwrite a statement with a copy of another of the same kind
  kBinaryOperator,    // + - * / %, < <= > >= == !=, && ||, += -= *= /= %= within a family
  kUnaryOperator,     // ++ <-> --, - <-> !, remove !
  kConstant,          // integer or float literal: 0, 1, -1, +1, -1, double, halve
  kNegateCondition,   // if/while/for/do condition c -> !(c)
  kReuseConstant,     // integer or float literal: a value another literal of its kind has in
                      // the same file (a weight of 0 becomes one of the file's weights)
  // A whole function definition replaced by the donor's of the same qualified name and
  // parameters. Not a site operator: chosen with GiOptions::crossover_rate (never from
  // kAllGiOperators), and the only operator of its child.
  kCrossover,
};

inline constexpr GiOperator kAllGiOperators[] = {
    GiOperator::kDeleteStatement,  GiOperator::kCopyStatement,  GiOperator::kSwapStatements,
    GiOperator::kReplaceStatement, GiOperator::kBinaryOperator, GiOperator::kUnaryOperator,
    GiOperator::kConstant,         GiOperator::kNegateCondition, GiOperator::kReuseConstant};

// "delete_statement", "copy_statement", "swap_statements", "replace_statement",
// "binary_operator", "unary_operator", "constant", "negate_condition", "reuse_constant",
// "crossover".
std::string_view GiOperatorName(GiOperator op);
std::optional<GiOperator> GiOperatorFromName(std::string_view name);

// Another variant's source, for crossover.
struct GiDonor {
  int variant = 0;             // its archive id, recorded in the crossover edit
  std::filesystem::path root;  // its source directory (read-only)
  // The source directory (read-only) of the common ancestor of the donor and the parent, or
  // empty. When given, only definitions the donor's line changed since that ancestor (its
  // text differs there, or the ancestor lacks it) are crossover candidates.
  std::filesystem::path base;
};

struct GiOptions {
  uint64_t seed = 0;
  int max_operators = 1;              // k: each mutation applies 1..k operators
  std::vector<GiOperator> operators;  // the ones allowed; empty means all
  int max_attempts = 20;              // children tried before giving up
  bool format = true;                 // clang-format the changed lines
  // With this probability (drawn first, only when there are donors), the child is a
  // crossover: one function definition of the parent replaced by a donor's of the same
  // qualified name and parameters whose text differs (whitespace aside). When no function
  // qualifies, or every candidate fails the syntax check, the child falls back to the
  // operators above (when `operators` is {kCrossover} alone, it fails instead).
  double crossover_rate = 0.0;
  std::vector<GiDonor> donors;
  // Not owned; may be null. The sites of files unchanged since an earlier call are taken
  // from it instead of parsed again (gi_site_cache.h). The child does not depend on it.
  GiSiteCache* cache = nullptr;
  // Not owned; may be null. Syntax checks reuse each file's precompiled preamble (parse.h).
  PreambleCache* preambles = nullptr;
};

struct GiMutation {
  FileOverlay files;                  // the new text of every changed file
  std::vector<GiEdit> edits;          // sorted by file, then offset
  std::vector<GiOperator> operators;  // one per operator applied, in the order of `edits`
  std::string summary;                // "replace < with <= in src/a.cc:42; negate condition in ..."
  int attempts = 0;                   // children tried, the last one kept
};

// Applies 1..options.max_operators operators, chosen by a std::mt19937_64 seeded with
// options.seed among the sites of every editable C/C++ file (sorted by file, then offset).
// A child that fails the syntax check, or whose edits are not valid UTF-8 (an edit list
// must be recordable as JSON), is dropped for the next draw, up to max_attempts.
// Editable files over kMaxSiteFileBytes (2 MB) are skipped.
// Errors are ErrorKind::kNoChild and say why: no editable
// C/C++ file, no site for the allowed operators (naming each file: no site, parse errors
// with file:line:col, or skipped for its size), or every attempt rejected (with the last
// diagnostic).
Result<GiMutation> MutateGi(const AgentSource& agent, const GiOptions& options = {});

}  // namespace clade::mutation
