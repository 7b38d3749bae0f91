#include "engine/mutation/gi_mutator.h"

#include <algorithm>
#include <cstddef>
#include <tuple>
#include <utility>

#include <fmt/format.h>

#include "engine/mutation/apply_edits.h"
#include "engine/mutation/gi_crossover.h"
#include "engine/mutation/gi_operators.h"
#include "engine/mutation/gi_site_sampler.h"
#include "engine/mutation/gi_sites.h"
#include "engine/mutation/source_index.h"
#include "support/strings.h"

namespace clade::mutation {
namespace {

using gi::AppliedOperator;
using gi::FileSites;
using gi::Random;

// The edits, operators and summary of the operators applied to one child. The operators
// are ordered by the file, then the offset, of their first edit; the edits by file, then
// offset.
GiMutation ToMutation(std::vector<AppliedOperator> applied) {
  GiMutation mutation;
  std::sort(applied.begin(), applied.end(), [](const AppliedOperator& a, const AppliedOperator& b) {
    return std::tie(a.edits.front().file, a.edits.front().offset) <
           std::tie(b.edits.front().file, b.edits.front().offset);
  });
  std::vector<std::string> descriptions;
  for (AppliedOperator& application : applied) {
    descriptions.push_back(std::move(application.description));
    mutation.operators.push_back(application.op);
    for (GiEdit& edit : application.edits) mutation.edits.push_back(std::move(edit));
  }
  std::sort(mutation.edits.begin(), mutation.edits.end(), [](const GiEdit& a, const GiEdit& b) {
    return std::tie(a.file, a.offset) < std::tie(b.file, b.offset);
  });
  mutation.summary = Join(descriptions, "; ");
  return mutation;
}

// Applies a child's edits with the syntax check; fills `mutation.files`, or says why the
// child is rejected.
std::optional<std::string> Check(const AgentSource& agent, const GiOptions& options,
                                 GiMutation& mutation) {
  if (!std::all_of(mutation.edits.begin(), mutation.edits.end(), IsRecordable)) {
    return fmt::format("an edit is not valid UTF-8, so it cannot be recorded ({})",
                       mutation.summary);
  }
  ApplyResult result =
      ApplyEdits(agent, SourceIndex{}, ToEdits(mutation.edits),
                 {.check_syntax = true, .format = options.format, .preambles = options.preambles});
  if (!result) return fmt::format("{} ({})", result.error().message, mutation.summary);
  mutation.files = std::move(result->files);
  return std::nullopt;
}

std::string OperatorNames(const std::vector<GiOperator>& operators) {
  std::vector<std::string> names;
  for (GiOperator op : operators) names.emplace_back(GiOperatorName(op));
  return Join(names, ", ");
}

// Each file and why it offers no site: its size, its first parse error, or nothing the
// allowed operators act on (code only in macros, declarations only, no function body).
std::string WhyNoSite(const std::vector<FileSites>& files) {
  std::vector<std::string> reasons;
  for (const FileSites& file : files) {
    if (!file.skipped.empty()) {
      reasons.push_back(fmt::format("{} is skipped ({})", file.path, file.skipped));
    } else if (!file.errors.empty()) {
      reasons.push_back(
          fmt::format("{} does not parse ({})", file.path, file.errors.front().Format()));
    } else {
      reasons.push_back(fmt::format(
          "{} has none (only code spelled in function bodies counts, not macro expansions)",
          file.path));
    }
  }
  return Join(reasons, "; ");
}

struct CrossoverResult {
  std::optional<GiMutation> mutation;
  int attempts = 0;
  std::string failure;  // why there is no mutation
};

// Draws crossover candidates (each at most once) until one passes the syntax check, up to
// max_attempts.
Result<CrossoverResult> TryCrossover(const AgentSource& agent, const GiOptions& options,
                                     Random& random) {
  CrossoverResult result;
  if (options.donors.empty()) {
    result.failure = "there is no donor";
    return result;
  }
  std::vector<AppliedOperator> candidates =
      CLADE_TRY(gi::CrossoverCandidates(agent, options.donors));
  result.failure = "no function of an editable file is defined differently by a donor";
  while (!candidates.empty() && result.attempts < std::max(1, options.max_attempts)) {
    ++result.attempts;
    const auto pick = static_cast<std::ptrdiff_t>(random.Pick(candidates.size()));
    AppliedOperator crossover = std::move(candidates[static_cast<size_t>(pick)]);
    candidates.erase(candidates.begin() + pick);
    GiMutation mutation = ToMutation({std::move(crossover)});
    mutation.attempts = result.attempts;
    if (std::optional<std::string> rejection = Check(agent, options, mutation)) {
      result.failure = "the last candidate was rejected: " + std::move(*rejection);
      continue;
    }
    result.mutation = std::move(mutation);
    break;
  }
  return result;
}

// Whether the child must be a crossover: `operators` allows nothing else.
bool CrossoverOnly(const GiOptions& options) {
  return !options.operators.empty() &&
         std::all_of(options.operators.begin(), options.operators.end(),
                     [](GiOperator op) { return op == GiOperator::kCrossover; });
}

// The operators of one child: 1..k of them (k = options.max_operators), each drawn with its
// site, those that change text an earlier one changed dropped, at most 8 draws for each
// operator wanted. Empty when no draw applies.
std::vector<AppliedOperator> DrawOperators(const std::vector<FileSites>& files,
                                           const gi::SiteSampler& sampler, const GiOptions& options,
                                           Random& random) {
  const int k = std::max(1, options.max_operators);
  const size_t wanted = 1 + random.Pick(static_cast<size_t>(k));
  std::vector<AppliedOperator> applied;
  for (size_t draw = 0; applied.size() < wanted && draw < 8 * wanted; ++draw) {
    std::optional<AppliedOperator> next = gi::ApplyOperator(files, sampler.Draw(random), random);
    if (!next) continue;
    const bool clash =
        std::any_of(applied.begin(), applied.end(),
                    [&](const AppliedOperator& other) { return gi::Clashes(other, *next); });
    if (!clash) applied.push_back(std::move(*next));
  }
  return applied;
}

// Draws children of the site operators until one passes Check, up to options.max_attempts;
// `earlier_attempts` (crossover candidates tried first) count in GiMutation::attempts.
Result<GiMutation> TryOperators(const AgentSource& agent, const GiOptions& options,
                                const std::vector<FileSites>& files, const gi::SiteSampler& sampler,
                                Random& random, int earlier_attempts) {
  const int attempts = std::max(1, options.max_attempts);
  std::string last_rejection = "no operator could be applied";
  for (int attempt = 1; attempt <= attempts; ++attempt) {
    std::vector<AppliedOperator> applied = DrawOperators(files, sampler, options, random);
    if (applied.empty()) continue;
    GiMutation mutation = ToMutation(std::move(applied));
    mutation.attempts = earlier_attempts + attempt;
    if (std::optional<std::string> rejection = Check(agent, options, mutation)) {
      last_rejection = std::move(*rejection);
      continue;
    }
    return mutation;
  }
  return FailAs(ErrorKind::kNoChild, "{} attempts on {} were all rejected; the last: {}", attempts,
                agent.root().string(), last_rejection);
}

}  // namespace

std::string_view GiOperatorName(GiOperator op) {
  switch (op) {
    case GiOperator::kDeleteStatement:
      return "delete_statement";
    case GiOperator::kCopyStatement:
      return "copy_statement";
    case GiOperator::kSwapStatements:
      return "swap_statements";
    case GiOperator::kReplaceStatement:
      return "replace_statement";
    case GiOperator::kBinaryOperator:
      return "binary_operator";
    case GiOperator::kUnaryOperator:
      return "unary_operator";
    case GiOperator::kConstant:
      return "constant";
    case GiOperator::kNegateCondition:
      return "negate_condition";
    case GiOperator::kReuseConstant:
      return "reuse_constant";
    case GiOperator::kCrossover:
      return "crossover";
  }
  return "unknown";
}

std::optional<GiOperator> GiOperatorFromName(std::string_view name) {
  for (GiOperator op : kAllGiOperators) {
    if (GiOperatorName(op) == name) return op;
  }
  if (name == GiOperatorName(GiOperator::kCrossover)) return GiOperator::kCrossover;
  return std::nullopt;
}

Result<GiMutation> MutateGi(const AgentSource& agent, const GiOptions& options) {
  const std::vector<FileSites> files = CLADE_TRY(gi::CollectSites(agent, options.cache));
  if (files.empty()) {
    return FailAs(ErrorKind::kNoChild, "{} has no editable C/C++ file (editable: {})",
                  agent.root().string(),
                  agent.editable().globs().empty() ? std::string("everything but agent.yaml")
                                                   : Join(agent.editable().globs(), ", "));
  }
  Random random(options.seed);
  const bool crossover_only = CrossoverOnly(options);
  int crossover_attempts = 0;
  if (crossover_only || (!options.donors.empty() && options.crossover_rate > 0 &&
                         random.Uniform() < options.crossover_rate)) {
    CrossoverResult crossover = CLADE_TRY(TryCrossover(agent, options, random));
    if (crossover.mutation) return std::move(*crossover.mutation);
    if (crossover_only) {
      return FailAs(ErrorKind::kNoChild, "crossover into {} found no child: {}",
                    agent.root().string(), crossover.failure);
    }
    crossover_attempts = crossover.attempts;
  }
  const gi::SiteSampler sampler(files, options.operators);
  if (sampler.empty()) {
    return FailAs(
        ErrorKind::kNoChild, "no editable file of {} has a site for the allowed operators{}: {}",
        agent.root().string(),
        options.operators.empty() ? std::string()
                                  : fmt::format(" ({})", OperatorNames(options.operators)),
        WhyNoSite(files));
  }
  return TryOperators(agent, options, files, sampler, random, crossover_attempts);
}

}  // namespace clade::mutation
