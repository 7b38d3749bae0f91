#include "engine/cli/tree_command.h"

#include <memory>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "support/eval_status.h"

namespace clade::cli {

namespace {

struct Glyphs {
  const char* branch;
  const char* last;
  const char* pipe;
  const char* space;
  const char* failed;
  const char* best;
};
constexpr Glyphs kBox{"├── ", "└── ", "│   ", "    ", "✗", "★ best"};
constexpr Glyphs kAscii{"|-- ", "`-- ", "|   ", "    ", "FAILED", "* best"};
constexpr size_t kMaxDrawnDepth = 32;

// Children by first parent only, so every variant appears once.
std::vector<std::vector<VariantId>> FirstParentChildren(const ArchiveView& view) {
  std::vector<std::vector<VariantId>> children(view.variants.size());
  for (const Variant& variant : view.variants) {
    if (!variant.parents.empty()) {
      children.at(static_cast<size_t>(variant.parents.front())).push_back(variant.id);
    }
  }
  return children;
}

std::string ResultText(const RecordSummary& outcome, const Glyphs& glyphs) {
  if (IsFailed(outcome)) return fmt::format("{} {}", glyphs.failed, StatusText(outcome));
  // A child stopped by a stage or the parent gate scored only the tasks it ran; saying so
  // keeps its score from being read against full-suite ones.
  if (outcome.status == EvalStatus::kBelowThreshold) return ScoreText(outcome) + " (stopped early)";
  return ScoreText(outcome) + ValidationText(outcome);
}

std::string NodeLabel(const ArchiveView& view, VariantId id, const Glyphs& glyphs) {
  const Variant& variant = view.variants.at(static_cast<size_t>(id));
  std::string label =
      fmt::format("{}  {}  {}", id, ResultText(view.summaries.at(static_cast<size_t>(id)), glyphs),
                  variant.summary);
  if (variant.parents.size() > 1) {
    std::vector<VariantId> others(variant.parents.begin() + 1, variant.parents.end());
    label += fmt::format("  (crossover, also from {})", fmt::join(others, ", "));
  }
  if (variant.pruned) label += "  [pruned]";
  if (view.best == id) label += fmt::format("  {}", glyphs.best);
  return label;
}

struct PendingLine {
  VariantId id;
  size_t depth;  // 0 for a root
  bool last;     // the last child of its parent
};

// The connectors before a line at `depth`; last_at[k] says whether its ancestor at depth k
// was a last child. Only the deepest kMaxDrawnDepth levels are drawn, after "+N " for the
// N levels left out, so a deep lineage does not grow lines without bound.
std::string Connectors(const std::vector<char>& last_at, size_t depth, const Glyphs& glyphs) {
  if (depth == 0) return "";
  size_t first = depth > kMaxDrawnDepth ? depth - kMaxDrawnDepth + 1 : 1;
  std::string out = first > 1 ? fmt::format("+{} ", first - 1) : "";
  for (size_t k = first; k < depth; ++k) out += last_at[k] ? glyphs.space : glyphs.pipe;
  return out + (last_at[depth] ? glyphs.last : glyphs.branch);
}

}  // namespace

std::string RenderTreeText(const ArchiveView& view, const TreeStyle& style) {
  const Glyphs& glyphs = style.ascii ? kAscii : kBox;
  auto children = FirstParentChildren(view);
  std::vector<PendingLine> stack;  // depth-first without recursion: lineages can be deep
  for (auto it = view.variants.rbegin(); it != view.variants.rend(); ++it) {
    if (it->parents.empty()) stack.push_back({it->id, 0, true});
  }
  std::vector<char> last_at;  // along the path to the current line (preorder)
  std::string out;
  while (!stack.empty()) {
    PendingLine line = stack.back();
    stack.pop_back();
    last_at.resize(line.depth + 1);
    last_at[line.depth] = line.last;
    out += Connectors(last_at, line.depth, glyphs) + NodeLabel(view, line.id, glyphs) + '\n';
    const auto& kids = children.at(static_cast<size_t>(line.id));
    for (size_t i = kids.size(); i-- > 0;) {
      stack.push_back({kids[i], line.depth + 1, i + 1 == kids.size()});
    }
  }
  return out;
}

namespace {

std::string DotQuote(std::string_view text) {
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') quoted += '\\';
    if (c == '\n') {
      quoted += "\\n";
      continue;
    }
    quoted += c;
  }
  return quoted + '"';
}

std::string DotNode(const ArchiveView& view, const Variant& variant) {
  const RecordSummary& outcome = view.summaries.at(static_cast<size_t>(variant.id));
  std::string label = fmt::format("{}\n{}", variant.id, ResultText(outcome, kBox));
  std::vector<std::string> styles = {"rounded"};
  std::string attributes;
  if (IsFailed(outcome)) {
    styles.push_back("filled");
    attributes += ", fillcolor=\"#f4c7c3\", color=\"#c5221f\"";
  }
  if (variant.pruned) {
    styles.push_back("dashed");
    attributes += ", fontcolor=\"gray40\"";
  }
  if (view.best == variant.id) attributes += ", penwidth=2.5, color=\"#188038\"";
  return fmt::format("  v{} [label={}, tooltip={}, style=\"{}\"{}];\n", variant.id, DotQuote(label),
                     DotQuote(variant.summary), fmt::join(styles, ","), attributes);
}

}  // namespace

std::string RenderTreeDot(const ArchiveView& view) {
  std::string out = "digraph clade {\n  node [shape=box, fontname=\"Helvetica\"];\n";
  for (const Variant& variant : view.variants) out += DotNode(view, variant);
  for (const Variant& variant : view.variants) {
    for (size_t i = 0; i < variant.parents.size(); ++i) {
      out += fmt::format("  v{} -> v{}{};\n", variant.parents[i], variant.id,
                         i == 0 ? "" : " [style=dashed]");
    }
  }
  return out + "}\n";
}

namespace {

struct TreeOptions {
  std::string archive;
  std::string benchmark;
  std::string format = "text";
  bool json = false;
  bool ascii = false;
};

Result<> RunTree(const TreeOptions& options) {
  auto archive = CLADE_TRY(OpenArchive(options.archive, archive::Mode::kRead));
  ArchiveView view = CLADE_TRY(LoadArchiveView(*archive, options.benchmark));
  if (options.json || options.format == "json") {
    PrintJson(VariantListJson(view));
  } else if (options.format == "dot") {
    Print(RenderTreeDot(view));
  } else {
    Print(RenderTreeText(view, TreeStyle{options.ascii}));
  }
  return {};
}

}  // namespace

Command RegisterTreeCommand(CLI::App& app) {
  auto options = std::make_shared<TreeOptions>();
  CLI::App* command = app.add_subcommand("tree", "Draw the variant tree with scores");
  AddArchiveOption(*command, &options->archive);
  AddBenchmarkOption(*command, &options->benchmark);
  command->add_option("--format", options->format, "text (default), dot (Graphviz) or json")
      ->check(CLI::IsMember({"text", "dot", "json"}));
  AddJsonOption(*command, &options->json);
  command->add_flag("--ascii", options->ascii, "Draw with ASCII instead of box drawing");
  command->footer(
      "Every variant is drawn under its first parent with its id, score (or failed status,\n"
      "marked ✗), pruned and best marks, and its one-line summary; a crossover child notes\n"
      "its other parents. A score marked '(stopped early)' is the mean over the tasks a\n"
      "child ran before a stage threshold or the parent gate stopped it. --json prints the\n"
      "same list as 'clade log --json'.\n\n"
      "Examples:\n  clade tree --archive runs/quickstart.git\n"
      "  clade tree --format dot | dot -Tsvg > tree.svg");
  return {command, [options] { return RunTree(*options); }};
}

}  // namespace clade::cli
