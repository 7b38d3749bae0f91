// Host paths written as placeholders in the logs clade stores (docs/sandbox.md, "What each
// step sees"; docs/archive.md): `{src}`, `{build}`, `{task}` for the folders of a build
// slot. A stored log, and every lesson and prompt quoted from it, then reads the same
// whichever work directory and slot ran the step, and carries no host path of clade's.
//
//   std::string log = WithPlaceholders(output, {{slot.src(), "{src}"}, {task_dir, "{task}"}});
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace clade::sandbox {

// A folder and the placeholder a stored log names it by. An empty path names nothing.
using PathName = std::pair<std::filesystem::path, std::string_view>;

// `text` with each path (as given, and as its canonical form when that differs) replaced
// by its placeholder; the longest path first, so that a folder inside another, or a
// canonical form that is part of a given one (/usr/tmp -> /tmp), is never cut in two.
std::string WithPlaceholders(std::string text, const std::vector<PathName>& names);

}  // namespace clade::sandbox
