#include "engine/cli/diff_command.h"

#include <memory>

#include "engine/cli/output.h"

namespace clade::cli {

namespace {

struct DiffOptions {
  std::string archive;
  std::string from;
  std::string to;
  bool json = false;
};

Result<> RunDiff(const DiffOptions& options) {
  auto archive = CLADE_TRY(OpenArchive(options.archive, archive::Mode::kRead));
  VariantId from = CLADE_TRY(ResolveVariant(*archive, options.from));
  VariantId to = CLADE_TRY(ResolveVariant(*archive, options.to));
  std::string diff = CLADE_TRY(archive->Diff(from, to));
  if (options.json) {
    PrintJson({{"from", from}, {"to", to}, {"diff", diff}});
  } else {
    Print(diff);
  }
  return {};
}

}  // namespace

Command RegisterDiffCommand(CLI::App& app) {
  auto options = std::make_shared<DiffOptions>();
  CLI::App* command = app.add_subcommand("diff", "Show the source diff between two variants");
  command->add_option("A", options->from, "The variant to diff from")->required();
  command->add_option("B", options->to, "The variant to diff to")->required();
  AddArchiveOption(*command, &options->archive);
  AddJsonOption(*command, &options->json);
  command->footer(
      "Prints a unified diff (git's patch format, a/ and b/ prefixes) from A's source to B's;\n"
      "empty when the sources are identical. Variants are ids, 'seed', 'best' or commit\n"
      "prefixes.\n\n"
      "Examples:\n  clade diff seed best\n  clade diff 3 7 | patch -p1 -d my-agent");
  return {command, [options] { return RunDiff(*options); }};
}

}  // namespace clade::cli
