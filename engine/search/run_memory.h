// The run memory (docs/models.md, "Run memory"): a lesson per child, made from its commit,
// its diff against its first parent and its record, kept in the archive under
// refs/clade/memory (Archive::SetLesson) and read back for the next children's prompts.
//
// Thread safety: the archive's thread only.
#pragma once

#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "archive/archive.h"
#include "engine/mutation/lesson.h"
#include "support/error.h"

namespace clade::search {

// The lesson of variant `id` (a child: it has a parent) whose record on `benchmark` is
// `record`: what changed (summary, files and functions of the diff), the outcome against
// the parent's record, the tasks it did not solve (those it lost first) and why (the
// record's error, else the build log's first error line, else the model's title).
Result<mutation::Lesson> LessonOf(archive::Archive& archive, archive::VariantId id,
                                  std::string_view benchmark, const nlohmann::json& record,
                                  std::string_view build_log);

// LessonOf, stored (Archive::SetLesson, its Line as the commit subject) and returned.
// Callers write it before the record it was made from, so a record means its lesson.
Result<mutation::Lesson> WriteLesson(archive::Archive& archive, archive::VariantId id,
                                     std::string_view benchmark, const nlohmann::json& record,
                                     std::string_view build_log);

// Every lesson of the archive, by variant id. Errors: a lesson that is not valid JSON,
// naming its path in refs/clade/memory.
Result<std::vector<mutation::Lesson>> LoadLessons(archive::Archive& archive);

}  // namespace clade::search
