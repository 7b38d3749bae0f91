// The GI mutator behind the one Mutator interface (mutator.h): a child of a parent's source
// directory, drawn by MutateGi, with its edit list in the commit trailers and the record so
// the child can be re-derived from its parent (RederiveGiChild). Clang-free.
//
// Thread safety: Propose may run on several threads at once. The options are immutable; the
// caches the mutator owns lock themselves. They are shared by every Propose: the site cache
// (gi_site_cache.h), so draws on a parent and on children that share most of its files
// parse only what changed, and the preamble cache (parse.h), so a syntax check reuses the
// file's compiled #include block.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/mutation/agent_source.h"
#include "engine/mutation/gi_edit.h"
#include "engine/mutation/gi_mutator.h"
#include "engine/mutation/gi_site_cache.h"
#include "engine/mutation/mutator.h"
#include "engine/mutation/parse.h"
#include "support/error.h"

namespace clade::mutation {

struct GiChildOptions {
  int max_operators = 1;              // each child applies 1..k operators
  std::vector<GiOperator> operators;  // allowed; empty = all
  double crossover_rate = 0.0;        // probability a child is a crossover instead (needs donors)
  int max_attempts = 20;
  bool format = true;
  // Globs narrowing where the operators act: only the agent's editable files that match
  // one of them (empty: every editable file). Focusing a search on part of an agent, such
  // as a file of tunable settings, makes each child far likelier to touch what matters.
  std::vector<std::string> focus;
};

class GiChildMutator : public Mutator {
 public:
  explicit GiChildMutator(GiChildOptions options)
      : options_(std::move(options)),
        cache_(std::make_shared<GiSiteCache>()),
        preambles_(std::make_shared<PreambleCache>()) {}

  std::string_view name() const override { return "gi"; }

  // Opens request.source with the `editable` globs of its agent.yaml (no agent.yaml: all
  // but agent.yaml) and runs MutateGi with request.seed (and request.donors for crossover).
  // The proposal: `files` the new text of every changed file; `summary` the mutation's;
  // trailers Clade-Mutator: gi, Clade-Seed: N, Clade-Donor: V for a crossover, then one
  // Clade-Edit: <one-line JSON> per edit; record {"mutator": "gi", "seed", "edits",
  // "operators", "attempts"} and "donor" (a variant id) for a crossover, whom the caller
  // makes the child's second parent. The same
  // request (source, seed, donors) gives a byte-identical proposal.
  // Errors: MutateGi's (ErrorKind::kNoChild); an agent.yaml that cannot be read.
  Result<ChildProposal> Propose(const MutationRequest& request) const override;

  const GiChildOptions& options() const { return options_; }
  GiSiteCache::Stats cache_stats() const { return cache_->stats(); }

 private:
  GiChildOptions options_;
  std::shared_ptr<GiSiteCache> cache_;  // shared_ptr: the mutator stays copyable
  std::shared_ptr<PreambleCache> preambles_;
};

// Opens an agent directory as mutation sees it: the `editable` globs of its agent.yaml (all
// but agent.yaml when there is none), narrowed to the files matching one of `focus` when it
// is not empty. Errors name agent.yaml (and its line) or the directory; a focus that
// matches no editable file is an error naming the globs (ErrorKind::kNoChild).
Result<AgentSource> OpenAgentDirectory(const std::filesystem::path& directory,
                                       const std::vector<std::string>& focus = {});

// The edit list of a GI child: from the record's "edits" (a record as Propose writes it,
// or its "mutation" field) ...
Result<std::vector<GiEdit>> GiEditsFromRecord(const nlohmann::json& record);
// ... or from the values of its Clade-Edit trailers, in order (other trailers ignored).
Result<std::vector<GiEdit>> GiEditsFromTrailers(
    const std::vector<std::pair<std::string, std::string>>& trailers);

// Re-derives a GI child's files from its parent's source directory and its edit list:
// byte-identical to the `files` of the proposal that recorded them (with the same `format`).
// Errors name the edit whose old text the parent does not have.
Result<FileOverlay> RederiveGiChild(const std::filesystem::path& parent_source,
                                    const std::vector<GiEdit>& edits, bool format = true);

}  // namespace clade::mutation
