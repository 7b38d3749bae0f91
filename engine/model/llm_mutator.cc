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

// The implement prompt; the lessons it shows are added to `lessons`.
std::string ImplementPrompt(const Prompts& prompts, const ParentAgent& parent,
                            const MutationRequest& request, const Diagnosis& diagnosis,
                            size_t context_bytes, std::vector<int>& lessons) {
  return prompts.Render("implement",
                        {{"agent_name", parent.spec.name},
                         {"proposal", diagnosis.text},
                         {"outline", parent.outline},
                         {"editable", EditableText(parent)},
                         {"source", RelevantSource(parent, diagnosis.text, context_bytes)},
                         {"lessons", LessonsFor(request, diagnosis.text, lessons)}});
}

// The edits of the answer that applied, and how many answers it took.
struct Implementation {
  std::vector<Edit> edits;
  mutation::AppliedEdits applied;
  int attempts = 0;
};

// Parses an answer's edits and applies them to the parent. The error's message is the
// rejection the retry prompt shows the model.
Result<Implementation> ApplyAnswer(const ParentAgent& parent, const std::string& answer,
                                   const std::string& finish_reason) {
  Result<std::vector<Edit>> parsed = ParseEdits(answer);
  if (!parsed) return Fail("The answer's blocks are malformed: {}.", parsed.error().message);
  if (parsed->empty()) {
    if (finish_reason == "length") {
      return Fail(
          "The answer was cut off at the token limit before any complete edit block. Make the "
          "edits smaller.");
    }
    return Fail("The answer contains no edit block.");
  }
  mutation::ApplyResult result = mutation::ApplyEdits(parent.source, parent.index, *parsed);
  if (!result) return Fail(ErrorKind::kFailure, result.error().Explain());
  return Implementation{std::move(*parsed), std::move(*result)};
}

// Asks for the implementation with `prompt`, and sends each rejection back with the retry
// prompt, at most `retries` times. kNoChild when no answer's edits applied.
Result<Implementation> Implement(Conversation& chat, const Prompts& prompts,
                                 const ParentAgent& parent, std::string prompt, int retries,
                                 int variant) {
  std::string step = "implement";
  std::string rejection;
  int attempt = 0;
  for (; attempt <= retries; ++attempt) {
    std::string answer = CLADE_TRY(chat.Ask(step, prompt));
    step = "retry";
    Result<Implementation> implementation = ApplyAnswer(parent, answer, chat.finish_reason());
    if (implementation) {
      implementation->attempts = attempt + 1;
      return implementation;
    }
    rejection = std::move(implementation.error().message);
    prompt = prompts.Render("retry", {{"rejection", rejection}});
  }
  return FailAs(ErrorKind::kNoChild,
                "the model's edits for variant {} were rejected {} times; the last: {}", variant,
                attempt, std::string(FirstLine(rejection)));
}

// The commit body: the diagnosis, then one line per edit.
std::string Details(const Diagnosis& diagnosis, const std::vector<Edit>& edits) {
  std::string described;
  for (const Edit& edit : edits) described += "- " + mutation::Describe(edit) + "\n";
  return CapText(diagnosis.text, 4000) + "\n\nEdits:\n" + described;
}

std::vector<std::pair<std::string, std::string>> Trailers(const ModelConfig& config, uint64_t seed,
                                                          const Diagnosis& diagnosis) {
  std::vector<std::pair<std::string, std::string>> trailers = {
      {"Clade-Mutator", "llm"}, {"Clade-Model", config.name}, {"Clade-Seed", std::to_string(seed)}};
  if (!diagnosis.task.empty()) trailers.emplace_back("Clade-Task", diagnosis.task);
  return trailers;
}

// The part of the record's "mutation" field every attempt has: the model, the seed and
// what its calls spent.
nlohmann::json SpentRecord(const ModelConfig& config, uint64_t seed, const Spent& spent) {
  return {{"mutator", "llm"},
          {"provider", ProviderName(config.provider)},
          {"model", config.name},
          {"seed", seed},
          {"tokens", spent.tokens()},
          {"input_tokens", spent.input_tokens},
          {"output_tokens", spent.output_tokens},
          {"cost", spent.cost},
          {"calls", spent.calls},
          {"cached_calls", spent.cached}};
}

// The record's "mutation" field: the model, the proposal, the edits and what was spent.
nlohmann::json Record(const ModelConfig& config, uint64_t seed, const Diagnosis& diagnosis,
                      const Implementation& implementation, const Spent& spent) {
  nlohmann::json edit_list = nlohmann::json::array();
  for (const Edit& edit : implementation.edits) edit_list.push_back(mutation::EditToJson(edit));
  nlohmann::json record = SpentRecord(config, seed, spent);
  record["task"] = diagnosis.task;
  record["title"] = diagnosis.title;
  record["attempts"] = implementation.attempts;
  record["edits"] = std::move(edit_list);
  return record;
}

// What an attempt that made no valid child leaves (ChildProposal::no_child): why, the
// prompts and answers, and what its calls spent, so the run counts it. Infrastructure
// failures stay errors.
Result<ChildProposal> NoChild(const Error& error, const Conversation& chat,
                              const ModelConfig& config, uint64_t seed,
                              const std::vector<int>& lessons) {
  if (error.kind != ErrorKind::kNoChild) return tl::unexpected(error);
  ChildProposal child;
  child.no_child = error.message;
  child.summary = "llm: no child: " + std::string(FirstLine(error.message));
  child.trailers = {
      {"Clade-Mutator", "llm"}, {"Clade-Model", config.name}, {"Clade-Seed", std::to_string(seed)}};
  child.record = SpentRecord(config, seed, chat.spent());
  if (!lessons.empty()) child.record["lessons"] = lessons;
  child.tokens = chat.spent().tokens();
  child.cost = chat.spent().cost;
  child.logs = chat.logs();
  return child;
}

}  // namespace

LlmMutator::LlmMutator(std::shared_ptr<ModelClient> client, Prompts prompts)
    : client_(std::move(client)), prompts_(std::move(prompts)) {}

Result<ChildProposal> LlmMutator::Propose(const MutationRequest& request) const {
  const ModelConfig& config = client_->config();
  ParentAgent parent = CLADE_TRY(OpenParent(request.source));
  Conversation chat(*client_, prompts_.Render("system", {}), request.seed, "llm/");
  Result<Diagnosis> diagnosed = Diagnose(chat, prompts_, parent, request);
  if (!diagnosed) return NoChild(diagnosed.error(), chat, config, request.seed, {});
  const Diagnosis& diagnosis = *diagnosed;
  std::vector<int> lessons = diagnosis.lessons;
  std::string prompt =
      ImplementPrompt(prompts_, parent, request, diagnosis, config.context_bytes, lessons);
  // The implementation is a conversation of its own: the diagnosis is in the prompt.
  chat.Restart();
  Result<Implementation> implemented =
      Implement(chat, prompts_, parent, std::move(prompt), config.edit_retries, request.parent);
  if (!implemented) return NoChild(implemented.error(), chat, config, request.seed, lessons);
  Implementation& implementation = *implemented;

  ChildProposal child;
  child.files = std::move(implementation.applied.files);
  child.summary = "llm: " + (diagnosis.title.empty() ? "model edit" : diagnosis.title);
  child.details = Details(diagnosis, implementation.edits);
  child.trailers = Trailers(config, request.seed, diagnosis);
  child.record = Record(config, request.seed, diagnosis, implementation, chat.spent());
  if (!lessons.empty()) child.record["lessons"] = lessons;
  child.tokens = chat.spent().tokens();
  child.cost = chat.spent().cost;
  child.logs = chat.logs();
  return child;
}

}  // namespace clade::model
