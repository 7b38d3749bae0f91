#include "engine/model/self_mutator.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "engine/model/conversation.h"
#include "engine/model/diagnosis.h"
#include "engine/model/model_proxy.h"
#include "engine/mutation/apply_edits.h"
#include "sandbox/evaluator.h"
#include "sandbox/runner.h"
#include "sandbox/tree_sync.h"
#include "support/fs.h"
#include "support/strings.h"

namespace clade::model {
namespace {

namespace fs = std::filesystem;
using mutation::ChildProposal;
using mutation::MutationRequest;

constexpr size_t kMaxFileBytes = 1 << 20;
constexpr size_t kLogCap = 64 * 1024;

// A short directory for the socket (sun_path holds 107 bytes; scratch paths can be longer).
// The changes of `after` against `before`, split into what the child may take, what it
// may not (binary, too large: dropped) and what the agent must not touch at all (files
// outside the editable globs: tampered).
struct Changes {
  std::map<std::string, std::string> files;
  std::vector<std::string> deleted;
  std::vector<std::string> dropped;
  std::vector<sandbox::Tamper> tampered;
  std::map<std::string, std::string> tampered_files;  // their new text
  std::vector<std::string> tampered_deleted;
};

Result<Changes> Compare(const mutation::AgentSource& before, const fs::path& after) {
  Changes changes;
  mutation::AgentSource now = CLADE_TRY(mutation::AgentSource::Open(after));
  for (const std::string& path : now.files()) {
    std::string text = CLADE_TRY(now.Read(path));
    if (before.Exists(path) && CLADE_TRY(before.Read(path)) == text) continue;
    if (!before.IsEditable(path)) {
      changes.tampered.push_back({"self", "", path, before.Exists(path) ? "modified" : "added"});
      changes.tampered_files[path] = std::move(text);
    } else if (text.size() > kMaxFileBytes || text.find('\0') != std::string::npos) {
      changes.dropped.push_back(path + " (binary or over 1 MiB)");
    } else {
      changes.files[path] = std::move(text);
    }
  }
  for (const std::string& path : before.files()) {
    if (now.Exists(path)) continue;
    if (before.IsEditable(path)) {
      changes.deleted.push_back(path);
    } else {
      changes.tampered.push_back({"self", "", path, "deleted"});
      changes.tampered_deleted.push_back(path);
    }
  }
  return changes;
}

// The syntax check of the edit layer, on every changed or added C/C++ file.
Result<> CheckSyntax(const ParentAgent& parent, const Changes& changes) {
  std::vector<mutation::Edit> edits;
  for (const auto& [path, text] : changes.files) {
    if (!mutation::IsCxxFile(path)) continue;
    if (parent.source.Exists(path)) {
      std::string old = CLADE_TRY(parent.source.Read(path));
      edits.push_back(mutation::ReplaceRange{path, 0, old, text});
    } else {
      edits.push_back(mutation::AddFile{path, text});
    }
  }
  if (edits.empty()) return {};
  mutation::ApplyResult result = mutation::ApplyEdits(parent.source, parent.index, edits,
                                                      {.check_syntax = true, .format = false});
  if (!result) return Fail("{}", result.error().Explain());
  return {};
}

}  // namespace

SelfMutator::SelfMutator(std::shared_ptr<ModelClient> client, Prompts prompts,
                         sandbox::HarnessOptions harness)
    : client_(std::move(client)), prompts_(std::move(prompts)), harness_(std::move(harness)) {}

Result<ChildProposal> SelfMutator::Propose(const MutationRequest& request) const {
  const ModelConfig& config = client_->config();
  ParentAgent parent = CLADE_TRY(OpenParent(request.source));
  Conversation chat(*client_, prompts_.Render("system", {}), request.seed, "self/");
  Diagnosis diagnosis = CLADE_TRY(Diagnose(chat, prompts_, parent, request));

  // Build the parent in a private slot: proposals may run in parallel.
  sandbox::HarnessOptions harness = harness_;
  harness.work = fs::absolute(request.scratch) / "self";
  sandbox::Slot slot =
      CLADE_TRY(sandbox::Slot::Open(harness.work / "slot-0", harness.disk_mb << 20));
  sandbox::BuildResult build =
      CLADE_TRY(sandbox::BuildAgent(harness, parent.spec, request.source, slot));
  if (!build.ok()) {
    return FailAs(ErrorKind::kNoChild, "variant {} does not build for self-modification ({}): {}",
                  request.parent, *build.failure, std::string(FirstLine(build.log)));
  }
  fs::path workspace = slot.tasks() / "workspace";
  CLADE_TRY(sandbox::CopyTree(request.source, workspace));
  fs::path task_file = slot.tasks() / "task.json";
  std::string statement = prompts_.Render("self_task", {{"proposal", diagnosis.text}});
  nlohmann::json task = {{"id", "self-improvement"},
                         {"statement", statement},
                         {"visible_test", ""},
                         {"limits", {{"agent_seconds", config.self_seconds}}}};
  CLADE_TRY(
      WriteFile(task_file, task.dump(2, ' ', false, nlohmann::json::error_handler_t::replace)));

  ModelProxy proxy(client_, config.agent_tokens);  // Stop (or its end) removes the socket
  fs::path socket = CLADE_TRY(proxy.Open());
  sandbox::RunSpec run;
  run.argv = sandbox::Expand(parent.spec.run, build.src, build.build).argv;
  run.cwd = workspace;
  run.env = {{"CLADE_TASK", task_file.string()}, {"CLADE_MODEL_SOCKET", socket.string()}};
  run.readonly = {build.src, build.build, task_file, socket};
  for (const fs::path& hidden : harness.hidden) run.hidden.push_back(fs::absolute(hidden));
  for (const fs::path& path : harness.read_only) run.readonly.push_back(fs::absolute(path));
  run.stdout_path = slot.logs() / "agent.log";
  if (slot.capped()) run.disk = slot.dir();
  run.limits.wall_seconds = config.self_seconds;
  run.limits.cpu_seconds = config.self_seconds * 2;
  run.limits.memory_bytes = harness.build_memory_mb << 20;
  run.isolation = harness.isolation;
  sandbox::RunResult result = CLADE_TRY(sandbox::Run(run));
  proxy.Stop();

  ChildProposal child;
  child.logs = chat.logs();
  child.logs["self/agent.log"] = CapText(ReadFile(run.stdout_path).value_or(""), kLogCap);
  child.logs["self/model-calls.log"] = CapText(proxy.Log(), kLogCap);
  Spent agent_spent = proxy.spent();
  child.tokens = chat.spent().tokens() + agent_spent.tokens();
  child.cost = chat.spent().cost + agent_spent.cost;

  Changes changes = CLADE_TRY(Compare(parent.source, workspace));
  if (changes.files.empty() && changes.deleted.empty() && changes.tampered.empty()) {
    return FailAs(ErrorKind::kNoChild,
                  "variant {} made no change to its editable source ({}, {:.0f} s)", request.parent,
                  sandbox::StatusName(result.status), result.wall_seconds);
  }
  child.tampered = std::move(changes.tampered);
  if (!child.tampered.empty()) {
    // Recorded as the agent left it (status tampered, never evaluated), so `clade show
    // --diff` shows what it did to files it must not touch.
    child.files = std::move(changes.files);
    child.files.merge(changes.tampered_files);
    child.deleted = std::move(changes.deleted);
    child.deleted.insert(child.deleted.end(), changes.tampered_deleted.begin(),
                         changes.tampered_deleted.end());
    child.summary = "self: tampered with files outside editable";
    child.trailers = {{"Clade-Mutator", "self"}, {"Clade-Seed", std::to_string(request.seed)}};
    child.record = {{"mutator", "self"},
                    {"seed", request.seed},
                    {"tampered", sandbox::TamperJson(child.tampered)}};
    return child;
  }
  if (Result<> syntax = CheckSyntax(parent, changes); !syntax) {
    return FailAs(ErrorKind::kNoChild, "the source variant {} left does not parse: {}",
                  request.parent, std::string(FirstLine(syntax.error().message)));
  }
  child.files = std::move(changes.files);
  child.deleted = std::move(changes.deleted);
  child.summary = "self: " + (diagnosis.title.empty() ? "self-modification" : diagnosis.title);
  child.details = CapText(diagnosis.text, 4000);
  if (!changes.dropped.empty()) {
    child.details += "\n\nChanges not taken: " + Join(changes.dropped, ", ");
  }
  child.trailers = {{"Clade-Mutator", "self"},
                    {"Clade-Model", config.name},
                    {"Clade-Seed", std::to_string(request.seed)}};
  if (!diagnosis.task.empty()) child.trailers.emplace_back("Clade-Task", diagnosis.task);
  nlohmann::json changed = nlohmann::json::array();
  for (const auto& [path, text] : child.files) changed.push_back(path);
  child.record = {{"mutator", "self"},
                  {"provider", ProviderName(config.provider)},
                  {"model", config.name},
                  {"seed", request.seed},
                  {"task", diagnosis.task},
                  {"title", diagnosis.title},
                  {"changed", changed},
                  {"deleted", child.deleted},
                  {"dropped", changes.dropped},
                  {"agent",
                   {{"status", sandbox::StatusName(result.status)},
                    {"seconds", result.wall_seconds},
                    {"build_seconds", build.seconds},
                    {"model", proxy.Summary()}}},
                  {"tokens", child.tokens},
                  {"cost", child.cost},
                  {"diagnosis_tokens", chat.spent().tokens()}};
  return child;
}

}  // namespace clade::model
