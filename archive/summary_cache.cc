#include "archive/summary_cache.h"

#include <nlohmann/json.hpp>

#include "archive/archive.h"
#include "archive/refs.h"
#include "support/fs.h"

namespace clade::archive {
namespace {

struct Cache {
  std::string notes_commit;
  std::map<std::string, RecordSummary> outcomes;
};

std::string CommitOfNotePath(std::string_view path) {
  std::string commit(path);
  commit.erase(std::remove(commit.begin(), commit.end(), '/'), commit.end());
  return commit;
}

// A summary's fields past status and score, as the cache's third entry holds them: the
// validation fields as a record's "validation" object names them, and score_stderr.
nlohmann::json ExtraJson(const RecordSummary& summary) {
  nlohmann::json json = nlohmann::json::object();
  if (summary.confirmed) json["confirmed"] = *summary.confirmed;
  if (summary.validation_score) json["score"] = *summary.validation_score;
  if (summary.p_worse) json["p_worse"] = *summary.p_worse;
  if (summary.score_stderr) json["score_stderr"] = *summary.score_stderr;
  return json;
}

void ReadStderr(const nlohmann::json& json, RecordSummary* summary) {
  auto stderr_value = json.find("score_stderr");
  if (stderr_value != json.end() && stderr_value->is_number()) {
    summary->score_stderr = stderr_value->get<double>();
  }
}

void ReadValidation(const nlohmann::json& json, RecordSummary* summary) {
  if (!json.is_object()) return;
  auto confirmed = json.find("confirmed");
  if (confirmed == json.end() || !confirmed->is_boolean()) return;
  summary->confirmed = confirmed->get<bool>();
  auto score = json.find("score");
  if (score != json.end() && score->is_number()) summary->validation_score = score->get<double>();
  auto p = json.find("p_worse");
  if (p != json.end() && p->is_number()) summary->p_worse = p->get<double>();
}

Cache ReadCache(const std::filesystem::path& file) {
  Cache cache;
  auto text = ReadFile(file);
  if (!text) return cache;
  auto json = nlohmann::json::parse(*text, nullptr, /*allow_exceptions=*/false);
  if (!json.is_object() || !json.contains("notes_commit") || !json["notes_commit"].is_string() ||
      !json.contains("outcomes") || !json["outcomes"].is_object()) {
    return cache;
  }
  for (const auto& [commit, entry] : json["outcomes"].items()) {
    // [status, score] or [status, score, {confirmed, score, p_worse, score_stderr}]
    if (!entry.is_array() || entry.size() < 2 || entry.size() > 3 || !entry[0].is_string()) {
      return Cache{};
    }
    auto status = ParseEvalStatus(entry[0].get<std::string>());
    if (!status) return Cache{};  // a damaged cache is ignored
    RecordSummary outcome;
    outcome.status = *status;
    if (entry[1].is_number()) outcome.score = entry[1].get<double>();
    if (entry.size() == 3) {
      ReadValidation(entry[2], &outcome);
      if (entry[2].is_object()) ReadStderr(entry[2], &outcome);
    }
    cache.outcomes[commit] = std::move(outcome);
  }
  cache.notes_commit = json["notes_commit"].get<std::string>();
  return cache;
}

void WriteCache(const std::filesystem::path& file, const Cache& cache) {
  nlohmann::json outcomes = nlohmann::json::object();
  for (const auto& [commit, outcome] : cache.outcomes) {
    if (!outcome.status) continue;
    nlohmann::json entry = {EvalStatusName(*outcome.status),
                            outcome.score ? nlohmann::json(*outcome.score) : nlohmann::json()};
    if (outcome.confirmed || outcome.score_stderr) entry.push_back(ExtraJson(outcome));
    outcomes[commit] = std::move(entry);
  }
  nlohmann::json json = {{"notes_commit", cache.notes_commit}, {"outcomes", outcomes}};
  std::error_code error;
  std::filesystem::create_directories(file.parent_path(), error);
  (void)WriteFileAtomic(file, json.dump());
}

Result<git::Tree> TreeOfCommit(git_repository* repo, const git_oid& commit_id) {
  git_commit* raw = nullptr;
  CLADE_TRY(git::Check(git_commit_lookup(&raw, repo, &commit_id), "cannot read a notes commit"));
  git::Commit commit(raw);
  git_tree* tree = nullptr;
  CLADE_TRY(git::Check(git_commit_tree(&tree, commit.get()), "cannot read a notes tree"));
  return git::Tree(tree);
}

Result<std::string> ReadBlob(git_repository* repo, const git_oid& oid) {
  git_blob* raw = nullptr;
  CLADE_TRY(git::Check(git_blob_lookup(&raw, repo, &oid), "cannot read a note"));
  git::Blob blob(raw);
  return std::string(static_cast<const char*>(git_blob_rawcontent(blob.get())),
                     static_cast<size_t>(git_blob_rawsize(blob.get())));
}

// Applies the notes that differ between `old_tree` (null: none) and `new_tree`.
Result<> ApplyChanges(git_repository* repo, git_tree* old_tree, git_tree* new_tree,
                      std::map<std::string, RecordSummary>* outcomes) {
  git_diff* raw = nullptr;
  CLADE_TRY(git::Check(git_diff_tree_to_tree(&raw, repo, old_tree, new_tree, nullptr),
                       "cannot compare notes trees"));
  git::Diff diff(raw);
  size_t count = git_diff_num_deltas(diff.get());
  for (size_t i = 0; i < count; ++i) {
    const git_diff_delta* delta = git_diff_get_delta(diff.get(), i);
    if (delta->status == GIT_DELTA_DELETED) {
      outcomes->erase(CommitOfNotePath(delta->old_file.path));
      continue;
    }
    std::string note = CLADE_TRY(ReadBlob(repo, delta->new_file.id));
    std::string commit = CommitOfNotePath(delta->new_file.path);
    auto summary = ParseRecordSummary(note);
    if (!summary) {
      return Fail("the evaluation record of commit {} is damaged: {}", commit.substr(0, 12),
                  summary.error().message);
    }
    (*outcomes)[commit] = *summary;
  }
  return {};
}

}  // namespace

Result<RecordSummary> ParseRecordSummary(std::string_view note) {
  auto record = nlohmann::json::parse(note, nullptr, /*allow_exceptions=*/false);
  if (!record.is_object()) return Fail("it is not a JSON object");
  return SummaryOfRecord(record);
}

Result<RecordSummary> SummaryOfRecord(const nlohmann::json& record) {
  auto status = record.find("status");
  if (status == record.end() || !status->is_string()) return Fail("it has no \"status\" text");
  RecordSummary summary;
  summary.status = CLADE_TRY(ParseEvalStatus(status->get<std::string>()));
  auto score = record.find("score");
  if (score != record.end() && score->is_number()) summary.score = score->get<double>();
  if (auto validation = record.find("validation"); validation != record.end()) {
    ReadValidation(*validation, &summary);
  }
  ReadStderr(record, &summary);
  return summary;
}

Result<std::map<std::string, RecordSummary>> LoadRecordSummaries(
    git_repository* repo, const std::string& notes_ref, const std::filesystem::path& cache_file) {
  auto head = CLADE_TRY(ReadRef(repo, notes_ref));
  if (!head) return std::map<std::string, RecordSummary>();
  std::string head_hex = git::ToHex(*head);
  Cache cache = ReadCache(cache_file);
  if (cache.notes_commit == head_hex) return std::move(cache.outcomes);

  auto new_tree = CLADE_TRY(TreeOfCommit(repo, *head));
  git::Tree old_tree;
  if (auto old_commit = git::FromHex(cache.notes_commit)) {
    auto tree = TreeOfCommit(repo, *old_commit);
    if (tree) old_tree = std::move(*tree);
  }
  if (!old_tree) cache.outcomes.clear();  // no usable base: a full scan
  git_error_clear();
  CLADE_TRY(ApplyChanges(repo, old_tree.get(), new_tree.get(), &cache.outcomes));
  cache.notes_commit = head_hex;
  WriteCache(cache_file, cache);
  return std::move(cache.outcomes);
}

}  // namespace clade::archive
