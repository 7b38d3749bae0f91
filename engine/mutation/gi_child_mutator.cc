#include "engine/mutation/gi_child_mutator.h"

#include <algorithm>
#include <optional>
#include <system_error>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "sandbox/agent_spec.h"

namespace clade::mutation {
namespace {

// Compact, one line (JSON escapes newlines) and ASCII only (non-ASCII escaped as \uXXXX), so
// a trailer survives git's message handling unchanged. MutateGi only records UTF-8 edits.
std::string OneLineJson(const nlohmann::json& json) {
  return json.dump(-1, ' ', true);
}

}  // namespace

Result<AgentSource> OpenAgentDirectory(const std::filesystem::path& directory,
                                       const std::vector<std::string>& focus) {
  AgentSourceOptions options;
  std::error_code ec;
  if (std::filesystem::exists(directory / "agent.yaml", ec)) {
    const sandbox::AgentSpec spec = CLADE_TRY(sandbox::LoadAgentSpec(directory));
    options.editable = spec.editable;
  }
  if (focus.empty()) return AgentSource::Open(directory, options);
  // The focus narrows the editable set to exact paths (a path is a glob matching itself),
  // so it can never widen what agent.yaml allows.
  const AgentSource whole = CLADE_TRY(AgentSource::Open(directory, options));
  std::vector<std::string> focused;
  for (const std::string& file : whole.files()) {
    if (!whole.IsEditable(file)) continue;
    for (const std::string& glob : focus) {
      if (GlobMatch(glob, file)) {
        focused.push_back(file);
        break;
      }
    }
  }
  if (focused.empty()) {
    return FailAs(ErrorKind::kNoChild, "the gi focus [{}] matches no editable file of {}",
                  fmt::join(focus, ", "), directory.string());
  }
  options.editable = std::move(focused);
  return AgentSource::Open(directory, options);
}

Result<ChildProposal> GiChildMutator::Propose(const MutationRequest& request) const {
  const AgentSource agent = CLADE_TRY(OpenAgentDirectory(request.source, options_.focus));
  GiOptions gi{.seed = request.seed,
               .max_operators = options_.max_operators,
               .operators = options_.operators,
               .max_attempts = options_.max_attempts,
               .format = options_.format,
               .crossover_rate = options_.crossover_rate,
               .cache = cache_.get(),
               .preambles = preambles_.get()};
  for (const Donor& donor : request.donors) {
    gi.donors.push_back({donor.variant, donor.source, donor.base});
  }
  const GiMutation mutation = CLADE_TRY(MutateGi(agent, gi));

  ChildProposal proposal;
  proposal.files = mutation.files;
  proposal.summary = mutation.summary;
  proposal.trailers = {{"Clade-Mutator", "gi"}, {"Clade-Seed", std::to_string(request.seed)}};
  // A crossover child has each donor whose code it took as a further parent.
  for (const GiEdit& edit : mutation.edits) {
    if (edit.donor && std::find(proposal.other_parents.begin(), proposal.other_parents.end(),
                                *edit.donor) == proposal.other_parents.end()) {
      proposal.other_parents.push_back(*edit.donor);
    }
  }
  for (int donor : proposal.other_parents) {
    proposal.trailers.emplace_back("Clade-Donor", std::to_string(donor));
  }
  const nlohmann::json edits = GiEditsToJson(mutation.edits);
  for (const nlohmann::json& edit : edits) {
    proposal.trailers.emplace_back("Clade-Edit", OneLineJson(edit));
  }
  nlohmann::json operators = nlohmann::json::array();
  for (GiOperator op : mutation.operators) operators.push_back(GiOperatorName(op));
  proposal.record = {{"mutator", "gi"},
                     {"seed", request.seed},
                     {"edits", edits},
                     {"operators", std::move(operators)},
                     {"attempts", mutation.attempts}};
  if (!proposal.other_parents.empty()) proposal.record["donor"] = proposal.other_parents.front();
  return proposal;
}

Result<std::vector<GiEdit>> GiEditsFromRecord(const nlohmann::json& record) {
  const nlohmann::json* holder = &record;
  if (holder->is_object() && holder->contains("mutation")) holder = &(*holder)["mutation"];
  if (!holder->is_object() || !holder->contains("edits")) {
    return FailAs(ErrorKind::kUsage, "the record has no GI edit list (\"edits\")");
  }
  return GiEditsFromJson((*holder)["edits"]);
}

Result<std::vector<GiEdit>> GiEditsFromTrailers(
    const std::vector<std::pair<std::string, std::string>>& trailers) {
  nlohmann::json edits = nlohmann::json::array();
  for (const auto& [key, value] : trailers) {
    if (key != "Clade-Edit") continue;
    nlohmann::json edit = nlohmann::json::parse(value, nullptr, /*allow_exceptions=*/false);
    if (edit.is_discarded()) {
      return FailAs(ErrorKind::kUsage, "the Clade-Edit trailer {} is not JSON", value);
    }
    edits.push_back(std::move(edit));
  }
  return GiEditsFromJson(edits);
}

Result<FileOverlay> RederiveGiChild(const std::filesystem::path& parent_source,
                                    const std::vector<GiEdit>& edits, bool format) {
  const AgentSource agent = CLADE_TRY(OpenAgentDirectory(parent_source));
  return ApplyEditList(agent, edits, format);
}

}  // namespace clade::mutation
