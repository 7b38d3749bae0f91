#include "engine/cli/prune_command.h"

#include <memory>

#include <fmt/format.h>

#include "engine/cli/output.h"

namespace clade::cli {

namespace {

struct PruneOptions {
  std::string archive;
  std::string variant;
  bool json = false;
  bool prune = true;
};

Result<> RunPrune(const PruneOptions& options) {
  std::string_view name = options.prune ? "prune" : "unprune";
  auto archive =
      CLADE_TRY(OpenArchive(options.archive, archive::Mode::kWrite, fmt::format("clade {}", name)));
  VariantId id = CLADE_TRY(ResolveVariant(*archive, options.variant));
  if (options.prune) {
    CLADE_TRY(archive->Prune(id));
  } else {
    CLADE_TRY(archive->Unprune(id));
  }
  if (options.json) {
    PrintJson({{"id", id}, {"pruned", options.prune}});
  } else {
    Print(fmt::format("variant {} {}\n", id, options.prune ? "pruned" : "unpruned"));
  }
  return {};
}

}  // namespace

Command RegisterPruneCommand(CLI::App& app, bool prune) {
  auto options = std::make_shared<PruneOptions>();
  options->prune = prune;
  CLI::App* command =
      prune ? app.add_subcommand("prune", "Take a variant out of the parent pool")
            : app.add_subcommand("unprune", "Put a pruned variant back into the parent pool");
  command->add_option("VARIANT", options->variant, "An id, 'seed', 'best' or a commit prefix")
      ->required();
  AddArchiveOption(*command, &options->archive);
  AddJsonOption(*command, &options->json);
  command->footer(
      prune ? "A pruned variant is never chosen as a parent again; it stays in the archive,\n"
              "its history and records untouched (the mark is refs/clade/pruned/<id>).\n"
              "Pruning a pruned variant changes nothing.\n\nExample:\n  clade prune 7"
            : "Removes the prune mark, so selection may choose the variant as a parent again.\n"
              "Unpruning a variant that is not pruned changes nothing.\n\nExample:\n"
              "  clade unprune 7");
  return {command, [options] { return RunPrune(*options); }};
}

}  // namespace clade::cli
