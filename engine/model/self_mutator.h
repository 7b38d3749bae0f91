// The `self` mutator (docs/models.md; DGM): the parent agent improves itself.
//
// 1. Diagnose as llm does (diagnosis.h): a proposal from the parent's outline and the log
//    of a task it failed.
// 2. Build the parent in the sandbox (in a private work directory under the request's
//    scratch) and run it, like a benchmark task, on a copy of its own source, with the
//    proposal as its task statement (self_task.txt) and a model socket (ModelProxy,
//    budget model.agent_tokens) for its own calls; at most model.self_seconds.
// 3. What it changed in its editable files (text files up to 1 MiB) becomes the child,
//    after a syntax check of the changed C/C++ files by the edit layer; binary files and
//    files over 1 MiB are dropped and listed in the details. A change to a file outside the
//    editable globs is tampering: the proposal lists it (ChildProposal::tampered) and the
//    child is recorded as tampered, score 0, never evaluated.
// Errors: ErrorKind::kNoChild when the parent does not build, changes nothing, or
// leaves source that does not parse; the client's error when the model cannot be reached.
// Thread safety: Propose may run on several threads (each builds in its own scratch).
#pragma once

#include <memory>

#include "engine/model/model_client.h"
#include "engine/model/prompts.h"
#include "engine/mutation/mutator.h"
#include "sandbox/harness.h"

namespace clade::model {

class SelfMutator : public mutation::Mutator {
 public:
  // `harness`: isolation, hidden paths and build limits (its work directory is not used).
  SelfMutator(std::shared_ptr<ModelClient> client, Prompts prompts,
              sandbox::HarnessOptions harness);
  std::string_view name() const override { return "self"; }
  Result<mutation::ChildProposal> Propose(const mutation::MutationRequest& request) const override;

 private:
  std::shared_ptr<ModelClient> client_;
  Prompts prompts_;
  sandbox::HarnessOptions harness_;
};

}  // namespace clade::model
