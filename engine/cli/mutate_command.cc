#include "engine/cli/mutate_command.h"

#include <memory>
#include <optional>
#include <random>
#include <system_error>

#include <fmt/format.h>
#include <sys/stat.h>

#include "engine/cli/output.h"
#include "engine/mutation/gi_child_mutator.h"
#include "engine/mutation/unified_diff.h"
#include "engine/search/child.h"
#include "support/fs.h"
#include "support/strings.h"

namespace clade::cli {

namespace {

namespace fs = std::filesystem;
using mutation::GiOperator;

struct MutateOptions {
  std::string archive;
  std::string variant;
  std::string mutator = "gi";
  std::string seed;  // empty: a fresh random seed, printed
  std::string operators;
  int max_operators = 1;
  double crossover_rate = 0.0;
  std::string donor;
  bool apply = false;
  bool json = false;
};

Result<uint64_t> ChooseSeed(const std::string& flag) {
  if (flag.empty()) {
    std::random_device device;
    return (static_cast<uint64_t>(device()) << 32 | device()) % 1'000'000'000;
  }
  long long value = 0;
  if (!ParseNonNegative(flag, &value)) {
    return FailAs(ErrorKind::kUsage, "--seed '{}' is not a non-negative integer", flag);
  }
  return static_cast<uint64_t>(value);
}

Result<mutation::GiChildOptions> GiOptionsFrom(const MutateOptions& options) {
  mutation::GiChildOptions gi;
  if (options.max_operators < 1) {
    return FailAs(ErrorKind::kUsage, "--max-operators must be at least 1, not {}",
                  options.max_operators);
  }
  if (!(options.crossover_rate >= 0 && options.crossover_rate <= 1)) {
    return FailAs(ErrorKind::kUsage, "--crossover-rate must be between 0 and 1, not {}",
                  options.crossover_rate);
  }
  gi.max_operators = options.max_operators;
  gi.crossover_rate = options.crossover_rate;
  for (const std::string& name : Split(options.operators, ',')) {
    const std::string trimmed(Trim(name));
    if (trimmed.empty()) continue;
    auto op = mutation::GiOperatorFromName(trimmed);
    if (!op) {
      std::vector<std::string> names;
      for (GiOperator known : mutation::kAllGiOperators) {
        names.emplace_back(mutation::GiOperatorName(known));
      }
      names.emplace_back(mutation::GiOperatorName(GiOperator::kCrossover));
      return FailAs(ErrorKind::kUsage, "--operators: '{}' is not a GI operator (known: {})",
                    trimmed, Join(names, ", "));
    }
    gi.operators.push_back(*op);
  }
  return gi;
}

bool WantsCrossover(const mutation::GiChildOptions& gi) {
  return gi.crossover_rate > 0 || std::find(gi.operators.begin(), gi.operators.end(),
                                            GiOperator::kCrossover) != gi.operators.end();
}

// The donor for a crossover: the one named, else one drawn from the seed among the other
// variants that are not pruned and whose source differs; nullopt when there is none.
Result<std::optional<VariantId>> ChooseDonor(archive::Archive& archive, VariantId parent,
                                             const std::string& flag, uint64_t seed) {
  if (!flag.empty()) return std::optional<VariantId>(CLADE_TRY(ResolveVariant(archive, flag)));
  std::vector<VariantId> eligible;
  for (const archive::Variant& variant : archive.variants()) {
    if (variant.id != parent && !variant.pruned && variant.tree != archive.variant(parent).tree) {
      eligible.push_back(variant.id);
    }
  }
  if (eligible.empty()) return std::optional<VariantId>();
  // Its own stream, so the mutation's draws from `seed` stay those of a child without donor.
  std::mt19937_64 rng(seed ^ 0x9e3779b97f4a7c15ULL);
  return std::optional<VariantId>(eligible[rng() % eligible.size()]);
}

// One line for the terminal: newlines shown as \n, long texts cut.
std::string Short(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out.size() > 60 ? out.substr(0, 57) + "..." : out;
}

bool IsExecutable(const fs::path& path) {
  struct stat info {};
  return ::stat(path.c_str(), &info) == 0 && (info.st_mode & S_IXUSR) != 0;
}

struct Child {
  VariantId id = 0;
  std::string commit;
};

// Stores the child as `clade run` would before evaluating it (engine/search/child.h): its
// tree (the parent's with the proposal's changes), the commit with its parents, summary
// and trailers, and its mutation logs, with the mutation record as mutation/record.json
// since there is no evaluation record to hold it. The variant and its ref appear in one
// atomic step (AddVariant).
Result<Child> Store(archive::Archive& archive, VariantId parent, const fs::path& parent_dir,
                    const mutation::ChildProposal& proposal) {
  archive::TreeChanges changes;
  for (const auto& [path, text] : proposal.files) {
    changes[path] = archive::FileContent{text, IsExecutable(parent_dir / path)};
  }
  for (const std::string& path : proposal.deleted) changes[path] = std::nullopt;
  std::string tree = CLADE_TRY(archive.WriteTreeWithChanges(archive.variant(parent).tree, changes));
  const archive::Variant child =
      CLADE_TRY(archive.AddVariant(search::ChildVariant(archive, parent, tree, proposal, "gi")));
  std::map<std::string, std::string> logs = search::MutationLogs(proposal);
  logs["mutation/record.json"] = proposal.record.dump(2);
  CLADE_TRY(archive.AddLogs(child.id, logs));
  return Child{child.id, child.commit};
}

void PrintText(VariantId parent, uint64_t seed, const mutation::ChildProposal& proposal,
               const std::string& diff, const std::optional<Child>& child) {
  std::string out = fmt::format("variant {}, gi, seed {}: {}\n", parent, seed, proposal.summary);
  for (const auto& edit : proposal.record.value("edits", nlohmann::json::array())) {
    out += fmt::format(
        "  {} {}:{}  \"{}\" -> \"{}\"{}\n", edit.value("op", ""), edit.value("file", ""),
        edit.value("line", 0), Short(edit.value("old", "")), Short(edit.value("new", "")),
        edit.contains("donor") ? fmt::format(" (from variant {})", edit["donor"].get<int>()) : "");
  }
  out += "\n" + diff;
  if (child) {
    out += fmt::format(
        "\nadded variant {} ({}); it is not evaluated: clade eval {} --benchmark SUITE\n",
        child->id, child->commit.substr(0, 12), child->id);
  } else {
    out += "\nnot stored (--apply keeps it in the archive)\n";
  }
  Print(out);
}

// The request for one mutation of `parent`, exported under `scratch`: the parent's source,
// and with crossover wanted a donor's (the one named, else one drawn from the seed).
Result<mutation::MutationRequest> MakeRequest(archive::Archive& archive, VariantId parent,
                                              const MutateOptions& options,
                                              const mutation::GiChildOptions& gi, uint64_t seed,
                                              const fs::path& scratch) {
  mutation::MutationRequest request;
  request.parent = parent;
  request.source = scratch / "parent";
  request.seed = seed;
  request.scratch = scratch / "scratch";
  CLADE_TRY(archive.Export(parent, request.source));
  if (WantsCrossover(gi)) {
    if (auto donor = CLADE_TRY(ChooseDonor(archive, parent, options.donor, seed))) {
      const fs::path donor_dir = scratch / fmt::format("donor-{}", *donor);
      CLADE_TRY(archive.Export(*donor, donor_dir));
      request.donors.push_back({*donor, donor_dir});
    }
  }
  std::error_code ec;
  fs::create_directories(request.scratch, ec);
  return request;
}

// The unified diff of the proposal against the parent's files in `parent_dir`.
Result<std::string> ProposalDiff(const fs::path& parent_dir,
                                 const mutation::ChildProposal& proposal) {
  std::map<std::string, std::pair<std::optional<std::string>, std::optional<std::string>>> files;
  for (const auto& [path, text] : proposal.files) {
    auto old_text = ReadFile(parent_dir / path);
    files[path] = {old_text ? std::optional<std::string>(*old_text) : std::nullopt, text};
  }
  for (const std::string& path : proposal.deleted) {
    files[path] = {CLADE_TRY(ReadFile(parent_dir / path)), std::nullopt};
  }
  return mutation::UnifiedDiff(files);
}

void PrintJsonResult(VariantId parent, uint64_t seed, const mutation::ChildProposal& proposal,
                     const std::string& diff, const std::optional<Child>& child) {
  nlohmann::json out = {{"parent", parent},
                        {"seed", seed},
                        {"mutator", "gi"},
                        {"summary", proposal.summary},
                        {"operators", proposal.record.value("operators", nlohmann::json::array())},
                        {"edits", proposal.record.value("edits", nlohmann::json::array())},
                        {"donor", nullptr},
                        {"diff", diff},
                        {"child", nullptr}};
  if (proposal.record.contains("donor")) out["donor"] = proposal.record["donor"];
  if (child) out["child"] = child->id;
  PrintJson(out);
}

Result<> RunMutate(const MutateOptions& options) {
  if (options.mutator == "llm" || options.mutator == "self") {
    return FailAs(ErrorKind::kUsage,
                  "--mutator {} needs a config with a model (--config FILE or ./clade.yaml) and "
                  "is not yet available in clade mutate; use --mutator gi",
                  options.mutator);
  }
  if (options.mutator != "gi") {
    return FailAs(ErrorKind::kUsage, "--mutator '{}' is not a mutator (gi, llm or self)",
                  options.mutator);
  }
  const mutation::GiChildOptions gi = CLADE_TRY(GiOptionsFrom(options));
  const uint64_t seed = CLADE_TRY(ChooseSeed(options.seed));
  auto archive = CLADE_TRY(OpenArchive(options.archive,
                                       options.apply ? archive::Mode::kWrite : archive::Mode::kRead,
                                       "clade mutate"));
  const VariantId parent = CLADE_TRY(ResolveVariant(*archive, options.variant));

  TempDir scratch("clade-mutate");
  mutation::MutationRequest request =
      CLADE_TRY(MakeRequest(*archive, parent, options, gi, seed, scratch.path()));
  auto proposal = mutation::GiChildMutator(gi).Propose(request);
  if (!proposal) {
    Error error = std::move(proposal.error());
    if (error.kind == ErrorKind::kNoChild) {
      error.message = fmt::format("{}: {}", EvalStatus::kMutationFailed, error.message);
    }
    return tl::unexpected(std::move(error).Context(fmt::format("variant {}", parent)));
  }
  const std::string diff = CLADE_TRY(ProposalDiff(request.source, *proposal));
  std::optional<Child> child;
  if (options.apply) child = CLADE_TRY(Store(*archive, parent, request.source, *proposal));
  if (options.json) {
    PrintJsonResult(parent, seed, *proposal, diff, child);
  } else {
    PrintText(parent, seed, *proposal, diff, child);
  }
  return {};
}

}  // namespace

Command RegisterMutateCommand(CLI::App& app) {
  auto options = std::make_shared<MutateOptions>();
  CLI::App* command = app.add_subcommand(
      "mutate", "One mutation of a variant, shown as its edits and a diff (--apply: keep it)");
  command->add_option("VARIANT", options->variant, "An id, 'seed', 'best' or a commit prefix")
      ->required();
  command->add_option("--mutator", options->mutator, "gi (llm and self need a model config)");
  command->add_option("--seed", options->seed,
                      "All randomness of the mutation (default: a fresh one, printed)");
  command->add_option("--operators", options->operators,
                      "GI operators allowed, comma-separated (default: all but crossover)");
  command->add_option("--max-operators", options->max_operators,
                      "Each child applies 1..K operators (default 1)");
  command->add_option("--crossover-rate", options->crossover_rate,
                      "Probability the child is a crossover with a donor variant (default 0)");
  command->add_option("--donor", options->donor,
                      "The donor for crossover (default: drawn from the seed among the others)");
  command->add_flag("--apply", options->apply,
                    "Store the child in the archive as a new variant (not evaluated)");
  AddArchiveOption(*command, &options->archive);
  AddJsonOption(*command, &options->json);
  command->footer(
      "Exports VARIANT, applies one GI mutation (checked by a syntax-only parse, formatted),\n"
      "and prints its edit list and the unified diff. Nothing is built. The same variant and\n"
      "seed give the same child. With --apply the child becomes a variant (its edit list in\n"
      "Clade-Edit trailers, a crossover's donor as second parent); evaluate it with\n"
      "'clade eval ID --benchmark SUITE'.\n"
      "Operators: delete_statement, copy_statement, swap_statements, replace_statement,\n"
      "binary_operator, unary_operator, constant, negate_condition, reuse_constant; crossover\n"
      "(alone: always a crossover).\n\n"
      "Examples:\n  clade mutate best --seed 7\n"
      "  clade mutate 3 --operators binary_operator,constant --max-operators 2 --apply\n"
      "  clade mutate 5 --operators crossover --json");
  return {command, [options] { return RunMutate(*options); }};
}

}  // namespace clade::cli
