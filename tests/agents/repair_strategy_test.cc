// Tests of the repair agent's strategy (agents/repair/src/strategy.h, templates.h): its
// repair templates on lines of the transfer suite's bugs, its localisation formula and
// candidate order, and that clade's gi reaches what the seed leaves off.
#include <algorithm>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "engine/mutation/gi_child_mutator.h"
#include "engine/mutation/gi_mutator.h"
#include "engine/mutation/gi_site_cache.h"
#include "engine/mutation/parse.h"
#include "support/fs.h"
#include "tests/test_util.h"

// The agent's own headers (agents/repair/src, on this target's include path).
#include "mutate.h"
#include "strategy.h"

namespace {

// The candidates for line `line` of a one-file program, ranked as its only suspicious line.
std::vector<Candidate> CandidatesFor(const std::string& text, int line,
                                     const MutateOptions& options) {
  std::vector<RankedLine> ranked = {{"main.cc", line, 1.0}};
  return generate_candidates({{"main.cc", text}}, ranked, options);
}

bool Fixes(const std::vector<Candidate>& candidates, const std::string& text, int line,
           const std::string& fixed) {
  return std::any_of(candidates.begin(), candidates.end(), [&](const Candidate& c) {
    return apply_candidate(text, c) == fixed && c.line == line;
  });
}

// The seed's strategy with the weight of template `make` set to `weight`.
MutateOptions WithWeight(RepairTemplate make, double weight) {
  MutateOptions options = repair_strategy();
  for (TemplateUse& use : options.templates)
    if (use.make == make) use.weight = weight;
  return options;
}

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  text.replace(text.find(from), from.size(), to);
  return text;
}

// One gi draw of operator `op` on `agent`, with crossover's `donors`; the caches are shared
// between the draws of a test.
clade::mutation::GiMutation Draw(const clade::mutation::AgentSource& agent,
                                 clade::mutation::GiOperator op, uint64_t seed,
                                 clade::mutation::GiSiteCache& sites,
                                 clade::mutation::PreambleCache& preambles,
                                 std::vector<clade::mutation::GiDonor> donors = {}) {
  clade::mutation::GiOptions options;
  options.seed = seed;
  options.operators = {op};
  options.donors = std::move(donors);
  options.format = false;
  options.cache = &sites;
  options.preambles = &preambles;
  auto child = clade::mutation::MutateGi(agent, options);
  INFO((child ? "" : child.error().message));
  REQUIRE(child.has_value());
  return *child;
}

}  // namespace

TEST_CASE("Repair templates: a swapped-argument bug is out of the seed's reach, in reach with its weight above 0") {
  // benchmarks/repair-transfer's date-to-iso and pad-columns, reduced.
  const std::string text =
      "#include <iostream>\n"
      "std::string iso(int y, int m, int d);\n"
      "int main() {\n"
      "  int y = 0, m = 0, d = 0;\n"
      "  std::cout << iso(y, d, m) << \"\\n\";\n"
      "  std::string pad = std::string(' ', width - cell.size()) + cell;\n"
      "}\n";
  const std::string iso_fixed = Replace(text, "iso(y, d, m)", "iso(y, m, d)");
  const std::string pad_fixed =
      Replace(text, "std::string(' ', width - cell.size())", "std::string(width - cell.size(), ' ')");
  CHECK_FALSE(Fixes(CandidatesFor(text, 5, repair_strategy()), text, 5, iso_fixed));
  CHECK_FALSE(Fixes(CandidatesFor(text, 6, repair_strategy()), text, 6, pad_fixed));
  MutateOptions on = WithWeight(swap_arguments, 1.0);
  CHECK(Fixes(CandidatesFor(text, 5, on), text, 5, iso_fixed));
  CHECK(Fixes(CandidatesFor(text, 6, on), text, 6, pad_fixed));
  // Only neighbours swap, and a keyword's parentheses are not a call.
  CHECK_FALSE(Fixes(CandidatesFor(text, 5, on), text, 5, Replace(text, "iso(y, d, m)", "iso(m, d, y)")));
  const std::string loop = "int f() {\n  if (a, b) return 1;\n}\n";
  for (const Candidate& c : CandidatesFor(loop, 2, on)) CHECK(c.op != "swap-arguments");
}

TEST_CASE("Repair templates: a wrong variable is replaced by one named nearby, a declared name never") {
  // benchmarks/repair-transfer's date-diff, reduced.
  const std::string text =
      "int main() {\n"
      "  int y1 = 0, m1 = 0, d1 = 0, y2 = 0, m2 = 0, d2 = 0;\n"
      "  long span = days(y2, m1, d2) - days(y1, m1, d1);\n"
      "  return span > 0;\n"
      "}\n";
  const std::string fixed = Replace(text, "days(y2, m1, d2)", "days(y2, m2, d2)");
  CHECK_FALSE(Fixes(CandidatesFor(text, 3, repair_strategy()), text, 3, fixed));
  MutateOptions on = WithWeight(replace_identifier, 1.0);
  on.max_candidates = 1000;
  std::vector<Candidate> candidates = CandidatesFor(text, 3, on);
  CHECK(Fixes(candidates, text, 3, fixed));
  for (const Candidate& c : candidates) {
    if (c.op != "replace-identifier") continue;
    CHECK(c.text.find("long span =") != std::string::npos);  // the declared name stays
    CHECK(c.text.find("days(") != std::string::npos);        // so does the called one
  }
}

TEST_CASE("Repair templates: an int is widened to long long in a loop and in a cast") {
  // benchmarks/repair-transfer's sum-of-squares and unix-timestamp, reduced.
  const std::string text =
      "long long f(long long n, long long days) {\n"
      "  long long sum = 0;\n"
      "  for (int i = 1; i <= n; ++i) sum += i * i;\n"
      "  return sum + static_cast<int>(days) * 86400;\n"
      "}\n";
  MutateOptions on = WithWeight(widen_integer, 1.0);
  CHECK_FALSE(Fixes(CandidatesFor(text, 3, repair_strategy()), text, 3,
                    Replace(text, "for (int i", "for (long long i")));
  CHECK(Fixes(CandidatesFor(text, 3, on), text, 3, Replace(text, "for (int i", "for (long long i")));
  CHECK(Fixes(CandidatesFor(text, 4, on), text, 4,
              Replace(text, "static_cast<int>", "static_cast<long long>")));
  const std::string wide = "void g() {\n  long int x = 0;\n}\n";
  for (const Candidate& c : CandidatesFor(wide, 2, on)) CHECK(c.op != "widen-integer");
}

TEST_CASE("Repair templates: candidates come in the strategy's order, once each, up to the cap") {
  const std::string text =
      "int f(int a, int b) {\n"
      "  if (a < b && b > 0) return a + 1;\n"
      "  return b - 2;\n"
      "}\n";
  std::vector<RankedLine> ranked = {{"main.cc", 2, 0.9}, {"main.cc", 3, 0.5}};
  MutateOptions options = repair_strategy();
  options.max_candidates = 1000;
  std::vector<Candidate> all = generate_candidates({{"main.cc", text}}, ranked, options);
  REQUIRE(all.size() > 10);
  CHECK(std::is_sorted(all.begin(), all.end(), tried_before));
  for (size_t i = 0; i < all.size(); ++i)
    for (size_t j = i + 1; j < all.size(); ++j)
      CHECK_FALSE((all[i].line == all[j].line && all[i].text == all[j].text));
  for (const Candidate& c : all) {
    CHECK(c.op != "swap-arguments");  // the seed leaves these off
    CHECK(c.priority > 0);
  }
  options.max_candidates = 5;
  std::vector<Candidate> capped = generate_candidates({{"main.cc", text}}, ranked, options);
  REQUIRE(capped.size() == 5);
  for (size_t i = 0; i < 5; ++i) CHECK(capped[i].text == all[i].text);
  // Another order is another function: the cheapest edit first.
  options.tried_before = [](const Candidate& a, const Candidate& b) { return a.cost < b.cost; };
  std::vector<Candidate> cheapest = generate_candidates({{"main.cc", text}}, ranked, options);
  CHECK(std::is_sorted(cheapest.begin(), cheapest.end(), options.tried_before));
}

TEST_CASE("Repair strategy: suspiciousness is Ochiai, 0 for a line no failing case runs") {
  CHECK(suspiciousness(2, 0, 2, 5) == Approx(1.0));
  CHECK(suspiciousness(1, 1, 2, 3) == Approx(0.5));
  CHECK(suspiciousness(1, 3, 1, 3) == Approx(0.5));
  CHECK(suspiciousness(0, 3, 2, 3) == 0.0);
  CHECK(suspiciousness(0, 0, 2, 3) == 0.0);
  CHECK(suspiciousness(2, 1, 2, 3) > suspiciousness(2, 2, 2, 3));
}

TEST_CASE("Repair strategy: gi's draws on strategy.cc turn a template on and edit the template table") {
  using namespace clade::mutation;
  auto agent = OpenAgentDirectory(clade::testing::SourceDir() / "agents/repair", {"src/strategy.cc"});
  INFO((agent ? "" : agent.error().message));
  REQUIRE(agent.has_value());
  GiSiteCache sites;
  PreambleCache preambles;
  auto draw = [&](GiOperator op, uint64_t seed) { return Draw(*agent, op, seed, sites, preambles); };
  const std::vector<std::string> off = {"swap_arguments", "replace_identifier", "widen_integer"};
  auto line_of = [](const std::string& text, size_t offset) {
    size_t begin = text.rfind('\n', offset) + 1;
    return text.substr(begin, text.find('\n', offset) - begin);
  };
  bool turned_on = false;
  for (uint64_t seed = 0; seed < 64 && !turned_on; ++seed) {
    GiMutation child = draw(GiOperator::kConstant, seed);
    const GiEdit& edit = child.edits.at(0);
    std::string line = line_of(child.files.at("src/strategy.cc"), edit.offset);
    bool of_off_template = std::any_of(off.begin(), off.end(), [&](const std::string& name) {
      return line.find(name) != std::string::npos;
    });
    turned_on = of_off_template && std::stod(edit.new_text) > 0;
  }
  CHECK(turned_on);
  bool table_edited = false;
  for (uint64_t seed = 0; seed < 32 && !table_edited; ++seed) {
    GiMutation child = draw(GiOperator::kSwapStatements, seed);
    table_edited = child.edits.at(0).old_text.find("t.push_back(") == 0;
  }
  CHECK(table_edited);
}

TEST_CASE("Repair strategy: crossover brings one variant's template weight into another's") {
  // Two variants that each turned a different template on: crossover into the one must be
  // able to take the other's weight and keep its own (each weight is a function).
  using namespace clade::mutation;
  clade::TempDir scratch("repair-strategy");
  auto variant = [&](const std::string& name, const std::string& from, const std::string& to) {
    std::filesystem::path root = scratch.path() / name;
    std::filesystem::copy(clade::testing::SourceDir() / "agents/repair", root,
                          std::filesystem::copy_options::recursive);
    std::string text = *clade::ReadFile(root / "src/strategy.cc");
    REQUIRE(text.find(from) != std::string::npos);
    REQUIRE(clade::WriteFile(root / "src/strategy.cc", Replace(text, from, to)).has_value());
    return root;
  };
  std::filesystem::path widen = variant("widen", "widen_integer_weight() { return 0.0; }",
                                        "widen_integer_weight() { return 0.90; }");
  std::filesystem::path swap = variant("swap", "swap_arguments_weight() { return 0.0; }",
                                       "swap_arguments_weight() { return 0.60; }");
  auto parent = OpenAgentDirectory(widen, {"src/strategy.cc"});
  REQUIRE(parent.has_value());
  GiSiteCache sites;
  PreambleCache preambles;
  int both_on = 0;
  for (uint64_t seed = 0; seed < 8; ++seed) {
    GiMutation child = Draw(*parent, GiOperator::kCrossover, seed, sites, preambles, {{1, swap}});
    // One weight function taken from the donor: the swap weight (both on), or the widen
    // weight (the donor's 0.0: both off).
    REQUIRE(child.edits.size() == 1);
    const std::string& text = child.files.at("src/strategy.cc");
    bool swap_on = text.find("swap_arguments_weight() { return 0.60; }") != std::string::npos;
    bool widen_on = text.find("widen_integer_weight() { return 0.90; }") != std::string::npos;
    CHECK(swap_on == widen_on);
    if (swap_on && widen_on) ++both_on;
  }
  CHECK(both_on > 0);
  CHECK(both_on < 8);
}
