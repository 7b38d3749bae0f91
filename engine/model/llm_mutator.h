// The `llm` mutator (docs/models.md): diagnose, then implement.
//
// 1. Diagnose: the parent's outline and the log of a task it failed (diagnosis.h).
// 2. Implement: the proposal, the outline and the relevant source (files the proposal
//    names first, within model.context_bytes); the answer's edits (edit_parser.h) go
//    through the edit layer (mutation::ApplyEdits: syntax check, formatting).
// 3. A rejected edit goes back with its diagnostics (retry.txt), at most
//    model.edit_retries times.
// Every prompt and answer is in ChildProposal::logs; tokens and cost in the proposal.
// Errors: ErrorKind::kNoChild when no valid edit came after the retries or the
// diagnosis was empty; the client's error (kFailure) when the model cannot be reached.
// Thread safety: Propose may run on several threads at once (ModelClient is shared).
#pragma once

#include <memory>

#include "engine/model/model_client.h"
#include "engine/model/prompts.h"
#include "engine/mutation/mutator.h"

namespace clade::model {

class LlmMutator : public mutation::Mutator {
 public:
  LlmMutator(std::shared_ptr<ModelClient> client, Prompts prompts);
  std::string_view name() const override { return "llm"; }
  Result<mutation::ChildProposal> Propose(const mutation::MutationRequest& request) const override;

 private:
  std::shared_ptr<ModelClient> client_;
  Prompts prompts_;
};

}  // namespace clade::model
