// `clade tree`: the variant tree as text, Graphviz dot, or JSON.
#pragma once

#include <string>

#include "engine/cli/command.h"
#include "engine/cli/output.h"

namespace clade::cli {

Command RegisterTreeCommand(CLI::App& app);

struct TreeStyle {
  bool ascii = false;  // "|-- " connectors and "FAILED" instead of box drawing and "✗"
};

// The tree as text: every variant under its first parent (crossover children note their
// other parents), with id, score or failed status, pruned and best marks, and summary.
std::string RenderTreeText(const ArchiveView& view, const TreeStyle& style = {});

// The tree as a Graphviz digraph: nodes labelled with id and score, failed nodes filled red,
// pruned nodes dashed, the best bold; edges from every parent (other parents dashed).
std::string RenderTreeDot(const ArchiveView& view);

}  // namespace clade::cli
