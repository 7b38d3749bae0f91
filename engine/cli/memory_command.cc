#include "engine/cli/memory_command.h"

#include <memory>

#include "engine/cli/output.h"
#include "engine/search/run_memory.h"
#include "support/strings.h"

namespace clade::cli {

std::string RenderMemoryText(const std::vector<mutation::Lesson>& lessons) {
  if (lessons.empty()) {
    return "No lessons: the run wrote none yet (or ran with 'memory: off').\n";
  }
  std::vector<std::vector<std::string>> rows;
  rows.push_back({"id", "parent", "by", "outcome", "files", "summary"});
  for (const mutation::Lesson& lesson : lessons) {
    std::string by = lesson.model.empty() ? lesson.mutator : lesson.mutator + "/" + lesson.model;
    rows.push_back({std::to_string(lesson.variant), std::to_string(lesson.parent), by,
                    lesson.Outcome(), Join(lesson.files, ","), lesson.summary});
  }
  return RenderTable(rows);
}

namespace {

struct MemoryOptions {
  std::string archive;
  bool json = false;
};

Result<> RunMemory(const MemoryOptions& options) {
  auto archive = CLADE_TRY(OpenArchive(options.archive, archive::Mode::kRead));
  std::vector<mutation::Lesson> lessons = CLADE_TRY(search::LoadLessons(*archive));
  if (options.json) {
    nlohmann::json list = nlohmann::json::array();
    for (const mutation::Lesson& lesson : lessons) list.push_back(lesson.ToJson());
    PrintJson(list);
  } else {
    Print(RenderMemoryText(lessons));
  }
  return {};
}

}  // namespace

Command RegisterMemoryCommand(CLI::App& app) {
  auto options = std::make_shared<MemoryOptions>();
  CLI::App* command =
      app.add_subcommand("memory", "List the run memory: a lesson per child, as the prompts see them");
  AddArchiveOption(*command, &options->archive);
  AddJsonOption(*command, &options->json);
  command->footer(
      "After each child, clade writes a lesson to the archive (refs/clade/memory, one file\n"
      "lessons/<id>.json per child): its parent, what changed (summary, files, functions),\n"
      "the outcome against its parent, the tasks it did not solve and why. The llm and self\n"
      "mutators show the most relevant lessons in their prompts and name them in the\n"
      "child's record (mutation.lessons). 'memory: off' in the run config turns it off.\n"
      "Plain git reads the same: git log refs/clade/memory.\n\n"
      "Examples:\n  clade memory --archive runs/quickstart.git\n"
      "  clade memory --json | jq '.[] | select(.status == \"build_failed\")'");
  return {command, [options] { return RunMemory(*options); }};
}

}  // namespace clade::cli
