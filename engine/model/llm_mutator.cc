#include "engine/model/llm_mutator.h"

#include <algorithm>

#include <fmt/format.h>

#include "engine/model/conversation.h"
#include "engine/model/diagnosis.h"
#include "engine/model/edit_parser.h"
#include "engine/mutation/apply_edits.h"
#include "support/strings.h"

namespace clade::model {
namespace {

using mutation::ChildProposal;
using mutation::Edit;
using mutation::MutationRequest;

// The source shown with the implement prompt: editable files the proposal names first,
// then the other editable files, then read-only ones, each whole, within `budget` bytes.
std::string RelevantSource(const ParentAgent& parent, const std::string& proposal, size_t budget) {
  std::vector<std::pair<int, std::string>> ranked;
  for (const mutation::IndexedFile& file : parent.index.files) {
    if (file.path == "agent.yaml") continue;
    std::string base = std::filesystem::path(file.path).filename().string();
    bool named = proposal.find(base) != std::string::npos;
    int rank = file.editable ? (named ? 0 : file.cxx ? 1 : 2) : 3;
    ranked.emplace_back(rank, file.path);
  }
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::string shown, omitted;
  for (const auto& [rank, path] : ranked) {
    Result<std::string> text = parent.source.Read(path);
    if (!text) continue;
    std::string block = fmt::format("{}\n```\n{}{}```\n\n", path, *text,
                                    text->empty() || text->back() == '\n' ? "" : "\n");
    if (shown.size() + block.size() > budget || text->find('\0') != std::string::npos) {
      omitted += (omitted.empty() ? "" : ", ") + path;
      continue;
    }
    shown += block;
  }
  if (!omitted.empty()) shown += "Not shown (too large; see the outline): " + omitted + "\n";
  return shown;
}

std::string EditableText(const ParentAgent& parent) {
  if (parent.spec.editable.empty()) return "every file except agent.yaml";
  return Join(parent.spec.editable, ", ");
}

}  // namespace

LlmMutator::LlmMutator(std::shared_ptr<ModelClient> client, Prompts prompts)
    : client_(std::move(client)), prompts_(std::move(prompts)) {}

Result<ChildProposal> LlmMutator::Propose(const MutationRequest& request) const {
  const ModelConfig& config = client_->config();
  ParentAgent parent = CLADE_TRY(OpenParent(request.source));
  Conversation chat(*client_, prompts_.Render("system", {}), request.seed, "llm/");
  ChildProposal child;
  // Whatever happens, the caller gets what was spent (the loop's budget counts it).
  auto account = [&] {
    child.tokens = chat.spent().tokens();
    child.cost = chat.spent().cost;
    child.logs = chat.logs();
  };
  Result<Diagnosis> diagnosis = Diagnose(chat, prompts_, parent, request);
  if (!diagnosis) return tl::unexpected(diagnosis.error());

  std::string prompt = prompts_.Render(
      "implement", {{"agent_name", parent.spec.name},
                    {"proposal", diagnosis->text},
                    {"outline", parent.outline},
                    {"editable", EditableText(parent)},
                    {"source", RelevantSource(parent, diagnosis->text, config.context_bytes)}});
  // The implementation is a conversation of its own: the diagnosis is in the prompt.
  chat.Restart();
  std::string step = "implement";
  std::string last_rejection;
  std::vector<Edit> edits;
  mutation::AppliedEdits applied;
  int attempts = 0;
  for (; attempts <= config.edit_retries; ++attempts) {
    std::string answer = CLADE_TRY(chat.Ask(step, prompt));
    step = "retry";
    Result<std::vector<Edit>> parsed = ParseEdits(answer);
    std::string rejection;
    if (!parsed) {
      rejection = "The answer's blocks are malformed: " + parsed.error().message + ".";
    } else if (parsed->empty()) {
      rejection = chat.finish_reason() == "length"
                      ? "The answer was cut off at the token limit before any complete edit "
                        "block. Make the edits smaller."
                      : "The answer contains no edit block.";
    } else {
      mutation::ApplyResult result = mutation::ApplyEdits(parent.source, parent.index, *parsed);
      if (result) {
        edits = std::move(*parsed);
        applied = std::move(*result);
        break;
      }
      rejection = result.error().Explain();
    }
    last_rejection = rejection;
    prompt = prompts_.Render("retry", {{"rejection", rejection}});
  }
  account();
  if (edits.empty()) {
    std::string first = std::string(FirstLine(last_rejection));
    return FailAs(ErrorKind::kNoChild,
                  "the model's edits for variant {} were rejected {} times; the "
                  "last: {}",
                  request.parent, attempts, first);
  }
  child.files = applied.files;
  child.summary = "llm: " + (diagnosis->title.empty() ? "model edit" : diagnosis->title);
  nlohmann::json edit_list = nlohmann::json::array();
  std::string described;
  for (const Edit& edit : edits) {
    edit_list.push_back(mutation::EditToJson(edit));
    described += "- " + mutation::Describe(edit) + "\n";
  }
  child.details = CapText(diagnosis->text, 4000) + "\n\nEdits:\n" + described;
  child.trailers = {{"Clade-Mutator", "llm"},
                    {"Clade-Model", config.name},
                    {"Clade-Seed", std::to_string(request.seed)}};
  if (!diagnosis->task.empty()) child.trailers.emplace_back("Clade-Task", diagnosis->task);
  child.record = {{"mutator", "llm"},
                  {"provider", ProviderName(config.provider)},
                  {"model", config.name},
                  {"seed", request.seed},
                  {"task", diagnosis->task},
                  {"title", diagnosis->title},
                  {"attempts", attempts + 1},
                  {"edits", edit_list},
                  {"tokens", chat.spent().tokens()},
                  {"input_tokens", chat.spent().input_tokens},
                  {"output_tokens", chat.spent().output_tokens},
                  {"cost", chat.spent().cost},
                  {"calls", chat.spent().calls},
                  {"cached_calls", chat.spent().cached}};
  return child;
}

}  // namespace clade::model
