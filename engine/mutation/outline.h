// Renderings of a SourceIndex: JSON for tools and records, a compact text outline for
// models (a few tokens per symbol).
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "engine/mutation/source_index.h"

namespace clade::mutation {

// {"files": [{path, bytes, lines, editable, cxx}],
//  "symbols": [{kind, name, qualified_name, signature, parameters, file, parent,
//               definition, lines, begin: {line, column, offset}, end: {...}}],
//  "errors": ["file:line:col: error: ..."]}
nlohmann::json IndexToJson(const SourceIndex& index);

// One header line per file ("src/solver.cc (120 lines)", with "read-only" when it is not
// editable), then one line per symbol in that file, members indented under their class:
//   "  L12-40 function int repair::Solve(const Task &task)"
//   "    L14 method void repair::Solver::Reset() [declaration]"
// Files that are not C or C++ are listed without symbols.
std::string Outline(const SourceIndex& index);

}  // namespace clade::mutation
