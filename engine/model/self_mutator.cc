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

// The parent built in a private slot, with the harness options that built it.
struct BuiltParent {
  sandbox::HarnessOptions harness;
  sandbox::Slot slot;
  sandbox::BuildResult build;
};

// Builds the parent in a slot under the request's scratch: proposals may run in parallel.
Result<BuiltParent> BuildParent(sandbox::HarnessOptions harness, const ParentAgent& parent,
                                const MutationRequest& request) {
  harness.work = fs::absolute(request.scratch) / "self";
  sandbox::Slot slot =
      CLADE_TRY(sandbox::Slot::Open(harness.work / "slot-0", harness.disk_mb << 20));
  sandbox::BuildResult build =
      CLADE_TRY(sandbox::BuildAgent(harness, parent.spec, request.source, slot));
  if (!build.ok()) {
    return FailAs(ErrorKind::kNoChild, "variant {} does not build for self-modification ({}): {}",
                  request.parent, *build.failure, std::string(FirstLine(build.log)));
  }
  return BuiltParent{std::move(harness), std::move(slot), std::move(build)};
}

// The agent's task, as a benchmark task's: a copy of its own source as the workspace and
// the proposal as the statement.
struct AgentTask {
  fs::path workspace;
  fs::path file;  // task.json
};

Result<AgentTask> WriteTask(const sandbox::Slot& slot, const fs::path& source,
                            const std::string& statement, double seconds) {
  AgentTask task{slot.tasks() / "workspace", slot.tasks() / "task.json"};
  CLADE_TRY(sandbox::CopyTree(source, task.workspace));
  nlohmann::json json = {{"id", "self-improvement"},
                         {"statement", statement},
                         {"visible_test", ""},
                         {"limits", {{"agent_seconds", seconds}}}};
  CLADE_TRY(
      WriteFile(task.file, json.dump(2, ' ', false, nlohmann::json::error_handler_t::replace)));
  return task;
}

fs::path AgentLog(const sandbox::Slot& slot) {
  return slot.logs() / "agent.log";
}

// The parent's run on its task, its model calls through `socket`.
sandbox::RunSpec AgentRun(const BuiltParent& built, const sandbox::AgentSpec& spec,
                          const AgentTask& task, const fs::path& socket, double seconds) {
  const sandbox::HarnessOptions& harness = built.harness;
  sandbox::RunSpec run;
  run.argv = sandbox::Expand(spec.run, built.build.src, built.build.build).argv;
  run.cwd = task.workspace;
  run.env = {{"CLADE_TASK", task.file.string()}, {"CLADE_MODEL_SOCKET", socket.string()}};
  run.readonly = {built.build.src, built.build.build, task.file, socket};
  for (const fs::path& hidden : harness.hidden) run.hidden.push_back(fs::absolute(hidden));
  for (const fs::path& path : harness.read_only) run.readonly.push_back(fs::absolute(path));
  run.stdout_path = AgentLog(built.slot);
  if (built.slot.capped()) run.disk = built.slot.dir();
  run.limits.wall_seconds = seconds;
  run.limits.cpu_seconds = seconds * 2;
  run.limits.memory_bytes = harness.build_memory_mb << 20;
  run.isolation = harness.isolation;
  return run;
}

// A child with the logs and the spending of the diagnosis and of the agent's own model
// calls; the rest depends on what the agent changed.
ChildProposal ChildWithLogs(const Conversation& chat, const ModelProxy& proxy,
                            const BuiltParent& built) {
  ChildProposal child;
  child.logs = chat.logs();
  std::string log = sandbox::WithPlaceholders(ReadFile(AgentLog(built.slot)).value_or(""),
                                              sandbox::SlotNames(built.build, built.slot.tasks()));
  child.logs["self/agent.log"] = CapText(log, kLogCap);
  child.logs["self/model-calls.log"] = CapText(proxy.Log(), kLogCap);
  Spent agent_spent = proxy.spent();
  child.tokens = chat.spent().tokens() + agent_spent.tokens();
  child.cost = chat.spent().cost + agent_spent.cost;
  return child;
}

// Recorded as the agent left it (status tampered, never evaluated), so `clade show --diff`
// shows what it did to files it must not touch.
ChildProposal TamperedChild(ChildProposal child, Changes changes, uint64_t seed) {
  child.tampered = std::move(changes.tampered);
  child.files = std::move(changes.files);
  child.files.merge(changes.tampered_files);
  child.deleted = std::move(changes.deleted);
  child.deleted.insert(child.deleted.end(), changes.tampered_deleted.begin(),
                       changes.tampered_deleted.end());
  child.summary = "self: tampered with files outside editable";
  child.trailers = {{"Clade-Mutator", "self"}, {"Clade-Seed", std::to_string(seed)}};
  child.record = {
      {"mutator", "self"}, {"seed", seed}, {"tampered", sandbox::TamperJson(child.tampered)}};
  return child;
}

// The commit body: the diagnosis, and the changes the child could not take.
std::string Details(const Diagnosis& diagnosis, const std::vector<std::string>& dropped) {
  std::string details = CapText(diagnosis.text, 4000);
  if (!dropped.empty()) details += "\n\nChanges not taken: " + Join(dropped, ", ");
  return details;
}

std::vector<std::pair<std::string, std::string>> Trailers(const ModelConfig& config, uint64_t seed,
                                                          const Diagnosis& diagnosis) {
  std::vector<std::pair<std::string, std::string>> trailers = {
      {"Clade-Mutator", "self"},
      {"Clade-Model", config.name},
      {"Clade-Seed", std::to_string(seed)}};
  if (!diagnosis.task.empty()) trailers.emplace_back("Clade-Task", diagnosis.task);
  return trailers;
}

// How the agent's build and run went, and its model calls.
nlohmann::json AgentSummary(const BuiltParent& built, const sandbox::RunResult& result,
                            const ModelProxy& proxy) {
  return {{"status", sandbox::StatusName(result.status)},
          {"seconds", result.wall_seconds},
          {"build_seconds", built.build.seconds},
          {"model", proxy.Summary()}};
}

// The record's "mutation" field of an untampered child: the model, the proposal, what
// changed, the agent's run and what was spent.
nlohmann::json Record(const ModelConfig& config, uint64_t seed, const Diagnosis& diagnosis,
                      const ChildProposal& child, const std::vector<std::string>& dropped,
                      nlohmann::json agent, int64_t diagnosis_tokens) {
  nlohmann::json changed = nlohmann::json::array();
  for (const auto& [path, text] : child.files) changed.push_back(path);
  return {{"mutator", "self"},
          {"provider", ProviderName(config.provider)},
          {"model", config.name},
          {"seed", seed},
          {"task", diagnosis.task},
          {"title", diagnosis.title},
          {"changed", changed},
          {"deleted", child.deleted},
          {"dropped", dropped},
          {"agent", std::move(agent)},
          {"tokens", child.tokens},
          {"cost", child.cost},
          {"diagnosis_tokens", diagnosis_tokens}};
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

  BuiltParent built = CLADE_TRY(BuildParent(harness_, parent, request));
  std::vector<int> lessons = diagnosis.lessons;
  std::string statement =
      prompts_.Render("self_task", {{"proposal", diagnosis.text},
                                    {"lessons", LessonsFor(request, diagnosis.text, lessons)}});
  AgentTask task = CLADE_TRY(WriteTask(built.slot, request.source, statement, config.self_seconds));
  ModelProxy proxy(client_, config.agent_tokens);  // Stop (or its end) removes the socket
  fs::path socket = CLADE_TRY(proxy.Open());
  sandbox::RunResult result =
      CLADE_TRY(sandbox::Run(AgentRun(built, parent.spec, task, socket, config.self_seconds)));
  proxy.Stop();

  ChildProposal child = ChildWithLogs(chat, proxy, built);
  // No valid child, recorded with the diagnosis's and the agent's calls (no_child).
  auto no_child = [&](std::string why) {
    child.no_child = std::move(why);
    child.summary = "self: no child: " + std::string(FirstLine(child.no_child));
    child.trailers = Trailers(config, request.seed, diagnosis);
    child.record = Record(config, request.seed, diagnosis, child, {},
                          AgentSummary(built, result, proxy), chat.spent().tokens());
    if (!lessons.empty()) child.record["lessons"] = lessons;
    return std::move(child);
  };
  Changes changes = CLADE_TRY(Compare(parent.source, task.workspace));
  if (changes.files.empty() && changes.deleted.empty() && changes.tampered.empty()) {
    return no_child(fmt::format("variant {} made no change to its editable source ({}, {:.0f} s)",
                                request.parent, sandbox::StatusName(result.status),
                                result.wall_seconds));
  }
  if (!changes.tampered.empty()) {
    return TamperedChild(std::move(child), std::move(changes), request.seed);
  }
  if (Result<> syntax = CheckSyntax(parent, changes); !syntax) {
    return no_child(fmt::format("the source variant {} left does not parse: {}", request.parent,
                                std::string(FirstLine(syntax.error().message))));
  }
  child.files = std::move(changes.files);
  child.deleted = std::move(changes.deleted);
  child.summary = "self: " + (diagnosis.title.empty() ? "self-modification" : diagnosis.title);
  child.details = Details(diagnosis, changes.dropped);
  child.trailers = Trailers(config, request.seed, diagnosis);
  child.record = Record(config, request.seed, diagnosis, child, changes.dropped,
                        AgentSummary(built, result, proxy), chat.spent().tokens());
  if (!lessons.empty()) child.record["lessons"] = lessons;
  return child;
}

}  // namespace clade::model
