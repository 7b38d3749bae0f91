#include "engine/selection/policy.h"

#include <cmath>

#include "engine/selection/dgm_policy.h"
#include "engine/selection/hgm_policy.h"
#include "engine/selection/ranking_policies.h"
#include "engine/selection/sampling_policies.h"
#include "support/strings.h"

namespace clade::selection {

const std::vector<std::string>& KnownPolicies() {
  static const std::vector<std::string> names = {"best",   "dgm",        "greedy",    "hgm",
                                                 "random", "score_prop", "tournament"};
  return names;
}

namespace {

Result<void> CheckOptions(std::string_view name, const SelectionOptions& options) {
  if (name == "dgm") {
    if (!(options.lambda > 0) || !std::isfinite(options.lambda)) {
      return FailAs(ErrorKind::kUsage,
                    "selection policy 'dgm': lambda must be a positive number, not {}",
                    options.lambda);
    }
    if (!std::isfinite(options.midpoint)) {
      return FailAs(ErrorKind::kUsage,
                    "selection policy 'dgm': the midpoint must be a finite number");
    }
  }
  if (name == "tournament" && options.tournament_size == 0) {
    return FailAs(ErrorKind::kUsage,
                  "selection policy 'tournament': the tournament size must be at least 1");
  }
  return {};
}

}  // namespace

Result<std::unique_ptr<SelectionPolicy>> MakePolicy(std::string_view name,
                                                    const SelectionOptions& options) {
  CLADE_TRY(CheckOptions(name, options));
  std::unique_ptr<SelectionPolicy> policy;
  if (name == "dgm") policy = std::make_unique<DgmPolicy>(options);
  if (name == "score_prop") policy = std::make_unique<ScorePropPolicy>();
  if (name == "best") policy = std::make_unique<BestPolicy>();
  if (name == "random") policy = std::make_unique<RandomPolicy>();
  if (name == "tournament") policy = std::make_unique<TournamentPolicy>(options.tournament_size);
  if (name == "greedy") policy = std::make_unique<GreedyPolicy>();
  if (name == "hgm") policy = std::make_unique<HgmPolicy>(options.hgm_failures_are_losses);
  if (!policy) {
    return FailAs(ErrorKind::kUsage, "unknown selection policy '{}'; known policies: {}", name,
                  Join(KnownPolicies(), ", "));
  }
  return policy;
}

Result<std::vector<const Candidate*>> EligibleOrFail(const std::vector<Candidate>& pool,
                                                     std::string_view policy) {
  std::vector<const Candidate*> eligible = EligibleCandidates(pool);
  if (eligible.empty()) {
    return Fail(
        "selection policy '{}': no variant can be a parent (of {} variants, none is evaluated, "
        "scored and unpruned)",
        policy, pool.size());
  }
  return eligible;
}

}  // namespace clade::selection
