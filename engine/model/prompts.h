// The prompt templates of the llm and self mutators: text files with {{placeholders}}.
// The built-in ones (engine/model/prompts/*.txt, compiled in) can be replaced one by one
// by files of the same name in the directory `model.prompts` names.
//
//   system.txt     the system message of every conversation
//   diagnose.txt   {{agent_name}} {{score}} {{outline}} {{task_id}} {{task_log}} {{lessons}}
//   implement.txt  {{agent_name}} {{proposal}} {{outline}} {{editable}} {{source}} {{lessons}}
//   retry.txt      {{rejection}}
//   self_task.txt  {{proposal}} {{lessons}}: the task statement the parent agent gets (self)
// {{lessons}}: a section of the run memory's lessons relevant to the prompt, with its own
// heading and a trailing blank line (mutation/lesson.h), or "" when there are none; a
// template without it shows none.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>

#include "support/error.h"

namespace clade::model {

class Prompts {
 public:
  // The built-in templates, overridden by the files found in `directory` (may be empty).
  // Errors (kUsage): the directory does not exist, a file in it has an unknown name, or a
  // template uses a placeholder its prompt does not have (named with file and line).
  static Result<Prompts> Load(const std::filesystem::path& directory);

  // The template `name` ("diagnose") with every {{placeholder}} replaced.
  // REQUIRES: `values` holds every placeholder the template uses (Load checked them).
  std::string Render(std::string_view name, const std::map<std::string, std::string>& values) const;

  // Where a template came from: "built-in" or its file.
  std::string Origin(std::string_view name) const;

 private:
  std::map<std::string, std::string, std::less<>> templates_;
  std::map<std::string, std::string, std::less<>> origins_;
};

// The built-in template texts (generated from engine/model/prompts/*.txt).
const std::map<std::string, std::string>& BuiltinPrompts();

}  // namespace clade::model
