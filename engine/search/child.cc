#include "engine/search/child.h"

#include <algorithm>
#include <system_error>

#include <fmt/format.h>

#include "engine/search/evaluation_store.h"
#include "engine/search/run_memory.h"
#include "support/fs.h"
#include "support/strings.h"

namespace clade::search {

namespace fs = std::filesystem;
using archive::VariantId;

namespace {

std::string FailureText(const Error& error) {
  return std::string(Trim(error.message));
}

// The record of a child that has no evaluation of its own: no proposal, a tampering
// mutator, or an evaluation that could not run.
nlohmann::json UnevaluatedRecord(EvalStatus status, const archive::Variant& variant,
                                 const std::string& benchmark) {
  return {{"status", EvalStatusName(status)},
          {"score", status == EvalStatus::kTampered ? nlohmann::json(0.0) : nlohmann::json()},
          {"benchmark", benchmark},
          {"tasks", nlohmann::json::array()},
          {"variant", variant.id},
          {"parents", variant.parents},
          {"tree", variant.tree}};
}

// The variant of a child the mutator could not make: a commit of the parent's tree that
// says why, so the failure stays in the lineage.
archive::NewVariant NoChildVariant(const archive::Archive& archive, const ChildResult& result) {
  archive::NewVariant spec;
  spec.parents = {result.parent};
  spec.tree = archive.variant(result.parent).tree;
  spec.summary = FirstLine(
      fmt::format("{}: no child: {}", result.mutator, FailureText(result.proposal.error())));
  spec.trailers = {{"Clade-Mutator", result.mutator}, {"Clade-Seed", std::to_string(result.seed)}};
  return spec;
}

}  // namespace

Result<> ApplyProposal(const fs::path& dir, const mutation::ChildProposal& proposal) {
  for (const auto& [path, text] : proposal.files) {
    fs::path target = dir / path;
    std::error_code error;
    fs::create_directories(target.parent_path(), error);
    CLADE_TRY(WriteFile(target, text));
  }
  for (const std::string& path : proposal.deleted) {
    std::error_code error;
    fs::remove(dir / path, error);
  }
  return {};
}

std::vector<VariantId> ChildParents(const archive::Archive& archive, VariantId parent,
                                    const mutation::ChildProposal& proposal) {
  std::vector<VariantId> parents = {parent};
  for (VariantId id : proposal.other_parents) {
    bool known = id >= 0 && static_cast<size_t>(id) < archive.size();
    if (known && std::find(parents.begin(), parents.end(), id) == parents.end()) {
      parents.push_back(id);
    }
  }
  return parents;
}

archive::NewVariant ChildVariant(const archive::Archive& archive, VariantId parent,
                                 const std::string& tree, const mutation::ChildProposal& proposal,
                                 std::string_view mutator) {
  archive::NewVariant spec;
  spec.tree = tree;
  spec.parents = ChildParents(archive, parent, proposal);
  spec.summary = proposal.summary.empty() ? std::string(mutator) : proposal.summary;
  spec.details = proposal.details;
  spec.trailers = proposal.trailers;
  return spec;
}

std::map<std::string, std::string> MutationLogs(const mutation::ChildProposal& proposal) {
  std::map<std::string, std::string> logs;
  for (const auto& [name, text] : proposal.logs) logs["mutation/" + name] = text;
  return logs;
}

EvalStatus ChildResult::Status() const {
  if (!proposal) {
    return proposal.error().kind == ErrorKind::kNoChild ? EvalStatus::kMutationFailed
                                                        : EvalStatus::kError;
  }
  if (!proposal->no_child.empty()) return EvalStatus::kMutationFailed;
  if (!proposal->tampered.empty()) return EvalStatus::kTampered;
  if (duplicate_of) return EvalStatus::kDuplicate;
  if (cached) {
    auto summary = archive::SummaryOfRecord(*cached);
    return summary ? summary->status.value_or(EvalStatus::kError) : EvalStatus::kError;
  }
  if (!evaluation || !*evaluation) return EvalStatus::kError;
  return (*evaluation)->status;
}

nlohmann::json RecordOf(const ChildResult& result, const archive::Variant& variant,
                        const RecordContext& context) {
  nlohmann::json record;
  EvalStatus status = result.Status();
  if (!result.proposal) {
    record = UnevaluatedRecord(status, variant, context.benchmark);
    record["error"] = FailureText(result.proposal.error());
    record["mutation"] = {{"mutator", result.mutator}, {"seed", std::to_string(result.seed)}};
  } else if (!result.proposal->no_child.empty()) {
    // No valid child, but the attempt is recorded with what it spent (below).
    record = UnevaluatedRecord(status, variant, context.benchmark);
    record["error"] = result.proposal->no_child;
  } else if (status == EvalStatus::kTampered && !result.proposal->tampered.empty()) {
    // The mutator's run changed what it must not: score 0, never evaluated, never cached.
    record = UnevaluatedRecord(status, variant, context.benchmark);
    record["tampered"] = sandbox::TamperJson(result.proposal->tampered);
  } else if (result.duplicate_of) {
    record = UnevaluatedRecord(status, variant, context.benchmark);
    record["duplicate_of"] = *result.duplicate_of;
  } else if (result.cached) {
    record = *result.cached;
    record["variant"] = variant.id;
    record["parents"] = variant.parents;
    record["cached_from"] = result.cached->value("variant", -1);
    record.erase("validation");  // the original's verdict was against its own parent
  } else if (!result.evaluation || !*result.evaluation) {
    record = UnevaluatedRecord(status, variant, context.benchmark);
    record["error"] = result.evaluation ? result.evaluation->error().message : "not evaluated";
  } else {
    record = MakeRecord(variant, **result.evaluation, result.key);
  }
  if (result.proposal) {
    record["mutation"] = result.proposal->record;
    if (result.proposal->tokens > 0 || result.proposal->cost > 0) {
      record["mutation"]["tokens"] = result.proposal->tokens;
      record["mutation"]["cost"] = result.proposal->cost;
    }
  }
  if (!result.model.empty()) record["mutation"]["model"] = result.model;
  if (result.validation && !result.duplicate_of) {
    record["validation"] = result.validation->verdict.ToJson();
  }
  if (!result.token_hash.empty()) record["token_hash"] = result.token_hash;
  if (result.island) record["island"] = *result.island;
  record["iteration"] = result.iteration;
  record["run"] = context.run;
  return record;
}

Result<RecordedChild> RecordChild(archive::Archive& archive, const ChildResult& result,
                                  const RecordContext& context, std::optional<VariantId> existing) {
  VariantId id = 0;
  if (existing) {
    id = *existing;
  } else {
    archive::NewVariant spec = result.proposal ? ChildVariant(archive, result.parent, result.tree,
                                                              *result.proposal, result.mutator)
                                               : NoChildVariant(archive, result);
    spec.trailers.emplace_back("Clade-Iteration", std::to_string(result.iteration));
    id = CLADE_TRY(archive.AddVariant(spec)).id;
  }
  RecordedChild recorded{id, RecordOf(result, archive.variant(id), context)};
  std::map<std::string, std::string> logs;
  if (result.proposal) {
    logs = MutationLogs(*result.proposal);
  } else {
    logs["mutation/error.txt"] = result.proposal.error().message;
  }
  const sandbox::Evaluation* validation =
      result.validation && result.validation->evaluation && !result.duplicate_of
          ? &*result.validation->evaluation
          : nullptr;
  if (validation) logs.merge(TaskLogs(*validation));
  if (result.evaluation && *result.evaluation && !result.duplicate_of) {
    CLADE_TRY(StoreEvaluationLogs(archive, id, **result.evaluation, logs));
  } else {
    CLADE_TRY(archive.AddLogs(id, logs));
  }
  if (validation) {
    CLADE_TRY(archive.SetRecord(id, result.validation->verdict.benchmark,
                                MakeRecord(archive.variant(id), *validation,
                                           result.validation->key)));
  }
  if (context.memory && result.iteration > 0) {
    std::string_view build_log;
    if (result.evaluation && *result.evaluation) build_log = (**result.evaluation).build.log;
    recorded.lesson =
        CLADE_TRY(WriteLesson(archive, id, context.benchmark, recorded.record, build_log));
  }
  CLADE_TRY(archive.SetRecord(id, context.benchmark, recorded.record));
  return recorded;
}

}  // namespace clade::search
