#include "engine/cli/add_command.h"

#include <algorithm>
#include <memory>
#include <system_error>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "engine/cli/archive_location.h"
#include "engine/cli/output.h"
#include "support/strings.h"

namespace clade::cli {

namespace fs = std::filesystem;

archive::NewVariant ManualVariant(const fs::path& directory, const std::string& message,
                                  std::vector<archive::VariantId> parents, std::string tree) {
  archive::NewVariant spec;
  spec.tree = std::move(tree);
  spec.parents = std::move(parents);
  std::string_view text = Trim(message);
  spec.summary = text.empty() ? fmt::format("add {}", directory.filename().string())
                              : std::string(FirstLine(text));
  std::string_view rest = text.substr(std::min(text.size(), spec.summary.size()));
  spec.details = std::string(Trim(rest));
  if (!spec.details.empty()) spec.details += "\n\n";
  spec.details += fmt::format("Imported by hand from {}.", directory.string());
  spec.trailers.emplace_back("Clade-Mutator", "manual");
  return spec;
}

namespace {

struct AddOptions {
  std::string archive;
  std::string directory;
  std::vector<std::string> parents;
  std::string message;
  bool json = false;
};

// The agent directory, absolute and canonical; it must be an existing directory.
Result<fs::path> SourceDirectory(const std::string& text) {
  std::error_code ec;
  auto status = fs::status(text, ec);
  if (!fs::exists(status)) {
    return FailAs(ErrorKind::kNotFound, "directory {} does not exist", text);
  }
  if (!fs::is_directory(status)) {
    return FailAs(ErrorKind::kUsage, "{} is not a directory", text);
  }
  fs::path canonical = fs::canonical(text, ec);
  if (ec) return FailAs(ErrorKind::kFailure, "cannot resolve {}: {}", text, ec.message());
  return canonical;
}

bool ArchiveMissing(const fs::path& path) {
  std::error_code ec;
  if (!fs::exists(path, ec)) return true;
  return fs::is_directory(path, ec) && fs::is_empty(path, ec);
}

// Refuses an archive inside the agent directory: it would end up in the agent's tree.
Result<> CheckNotInside(const fs::path& archive, const fs::path& directory) {
  std::error_code ec;
  fs::path resolved = fs::weakly_canonical(archive, ec);
  if (ec) return {};
  auto mismatch =
      std::mismatch(directory.begin(), directory.end(), resolved.begin(), resolved.end());
  if (mismatch.first == directory.end()) {
    return FailAs(ErrorKind::kUsage,
                  "archive {} is inside the agent directory {}; put it somewhere else",
                  archive.string(), directory.string());
  }
  return {};
}

Result<std::unique_ptr<archive::Archive>> OpenOrCreate(const fs::path& path,
                                                       const AddOptions& options) {
  archive::OpenOptions open;
  open.mode = archive::Mode::kWrite;
  open.holder = "clade add";
  if (!ArchiveMissing(path)) return OpenArchiveAt(path, archive::Mode::kWrite, "clade add");
  if (!options.parents.empty()) {
    return FailAs(ErrorKind::kNotFound,
                  "there is no archive at {} to find parent '{}' in; add the seed first "
                  "(clade add DIR --archive {})",
                  path.string(), options.parents.front(), path.string());
  }
  std::error_code ec;
  if (path.has_parent_path()) fs::create_directories(path.parent_path(), ec);
  auto created = archive::Archive::Create(path, open);
  if (!created) {
    return tl::unexpected(
        std::move(created.error()).Context(fmt::format("creating archive {}", path.string())));
  }
  return created;
}

Result<std::vector<VariantId>> ResolveParents(archive::Archive& archive,
                                              const AddOptions& options) {
  if (options.parents.empty() && archive.size() > 0) {
    return FailAs(ErrorKind::kUsage,
                  "archive {} already has a seed; name the parent of {} with --parent V",
                  archive.path().string(), options.directory);
  }
  std::vector<VariantId> parents;
  for (const std::string& spec : options.parents) {
    parents.push_back(CLADE_TRY(ResolveVariant(archive, spec)));
  }
  return parents;
}

void Report(const archive::Archive& archive, const Variant& variant, bool created, bool json) {
  if (json) {
    PrintJson({{"archive", archive.path().string()},
               {"created", created},
               {"id", variant.id},
               {"commit", variant.commit},
               {"tree", variant.tree},
               {"parents", variant.parents},
               {"summary", variant.summary},
               {"mutator", variant.mutator}});
    return;
  }
  if (created) Print(fmt::format("created archive {}\n", archive.path().string()));
  std::string parents = variant.parents.empty()
                            ? std::string("seed")
                            : fmt::format("parents {}", fmt::join(variant.parents, ", "));
  Print(fmt::format("added variant {} ({}, {}): {}\n", variant.id, variant.commit.substr(0, 12),
                    parents, variant.summary));
}

Result<> RunAdd(const AddOptions& options) {
  fs::path directory = CLADE_TRY(SourceDirectory(options.directory));
  fs::path path = CLADE_TRY(LocateArchive(options.archive));
  CLADE_TRY(CheckNotInside(path, directory));
  bool created = ArchiveMissing(path);
  auto archive = CLADE_TRY(OpenOrCreate(path, options));
  auto parents = CLADE_TRY(ResolveParents(*archive, options));
  std::string tree = CLADE_TRY(archive->WriteTreeFromDirectory(directory));
  auto variant = CLADE_TRY(
      archive->AddVariant(ManualVariant(directory, options.message, std::move(parents), tree)));
  Report(*archive, variant, created, options.json);
  return {};
}

}  // namespace

Command RegisterAddCommand(CLI::App& app) {
  auto options = std::make_shared<AddOptions>();
  CLI::App* command = app.add_subcommand(
      "add", "Import an agent directory as a variant (creates the archive, DIR as seed 0)");
  command->add_option("DIR", options->directory, "The agent's source directory")->required();
  command
      ->add_option("--parent", options->parents,
                   "A parent variant (id, 'seed', 'best' or commit prefix); give it twice "
                   "for a crossover child")
      ->expected(1)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  command->add_option("-m,--message", options->message,
                      "What the change does: first line is the summary (default: add <dir>)");
  AddArchiveOption(*command, &options->archive);
  AddJsonOption(*command, &options->json);
  command->footer(
      "When the archive does not exist yet, it is created with DIR as the seed (variant 0).\n"
      "Otherwise DIR becomes a child of the --parent variants (a crossover child when there\n"
      "are two). The commit carries the trailer Clade-Mutator: manual.\n\n"
      "Examples:\n  clade add agents/repair --archive runs/mine.git\n"
      "  clade add my-fix --parent best -m \"fix the loop bound\"\n"
      "  clade add merged --parent 4 --parent 9 -m \"merge 4 and 9 by hand\"");
  return {command, [options] { return RunAdd(*options); }};
}

}  // namespace clade::cli
