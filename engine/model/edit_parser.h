// Reading a model's answer as edits (edit.h) in the block forms the implement prompt
// teaches (engine/model/prompts/implement.txt):
//
//   src/file.cc                      <- optional path line (also "FILE: src/file.cc",
//   <<<<<<< SEARCH                      `src/file.cc`, or on the marker line itself)
//   old lines
//   =======
//   new lines
//   >>>>>>> REPLACE
//
//   <<<<<<< FUNCTION ns::Name        whole new definition            >>>>>>> END
//   <<<<<<< INSERT AFTER ns::Name    a new function after Name       >>>>>>> END
//   <<<<<<< INSERT IN src/file.cc    a new function at the file's end >>>>>>> END
//   <<<<<<< NEW FILE src/util.h      the file's text                 >>>>>>> END
//
// Text outside blocks (explanations, ``` fences) is ignored.
#pragma once

#include <string_view>
#include <vector>

#include "engine/mutation/edit.h"
#include "support/error.h"

namespace clade::model {

// The edits of an answer, in order; an empty list when it has no block. A malformed block
// (never closed, SEARCH without =======, a marker without its name) is an error naming
// the line, to send back to the model.
Result<std::vector<mutation::Edit>> ParseEdits(std::string_view answer);

}  // namespace clade::model
