#include "engine/mutation/gi_mutator.h"

#include <optional>
#include <set>

#include "tests/engine/sample_agent.h"
#include "tests/test_util.h"
#include <catch2/catch.hpp>

#include "engine/mutation/edit.h"
#include "support/fs.h"
#include "support/strings.h"

using namespace clade;
using namespace clade::mutation;

namespace {

// No #include: every parse of these agents takes a few milliseconds.
const char kCalc[] = R"(int Sum(int n) {
  int total = 0;
  for (int i = 0; i < n; ++i) {
    if (i % 2 == 0) continue;
    total += i * 3;
  }
  return total;
}
double Half(double x) { return x / 2.5; }
bool Flag(bool a, bool b) { return !a && b; }
int Other(int m) {
  int y = -m;
  y = y + 4;
  y--;
  return y;
}
)";

using Files = std::map<std::string, std::string>;

struct Sample {
  TempDir dir;
  AgentSource agent;

  explicit Sample(std::map<std::string, std::string> files,
                  std::vector<std::string> editable = {"src/**"}) {
    files["agent.yaml"] = "name: sample\nrun: ./a\n";
    testing::WriteTree(dir.path(), files);
    agent = OrThrow(AgentSource::Open(dir.path(), {.editable = editable}));
  }

  GiMutation Mutate(std::vector<GiOperator> operators, uint64_t seed, int k = 1) {
    return OrThrow(MutateGi(agent, {.seed = seed,
                                    .max_operators = k,
                                    .operators = std::move(operators),
                                    .max_attempts = 20,
                                    .format = false}));
  }
};

bool In(const std::vector<std::string>& set, const std::string& text) {
  return std::find(set.begin(), set.end(), text) != set.end();
}

std::string Stripped(std::string text) {
  text.erase(std::remove(text.begin(), text.end(), ' '), text.end());
  return text;
}

}  // namespace

TEST_CASE("MutateGi: binary operators are replaced within their family") {
  Sample sample(Files{{"src/calc.cc", kCalc}});
  const std::vector<std::vector<std::string>> families = {{"+", "-", "*", "/", "%"},
                                                          {"<", "<=", ">", ">=", "==", "!="},
                                                          {"&&", "||"},
                                                          {"+=", "-=", "*=", "/=", "%="}};
  for (uint64_t seed = 0; seed < 6; ++seed) {
    GiMutation m = sample.Mutate({GiOperator::kBinaryOperator}, seed);
    REQUIRE(m.edits.size() == 1);
    const GiEdit& edit = m.edits[0];
    CHECK(edit.op == "binary_operator");
    CHECK(edit.file == "src/calc.cc");
    CHECK(std::string(kCalc).substr(edit.offset, edit.old_text.size()) == edit.old_text);
    bool same_family = false;
    for (const auto& family : families) {
      same_family =
          same_family || (In(family, edit.old_text) && In(family, Stripped(edit.new_text)));
    }
    CHECK(same_family);
    CHECK(edit.old_text != Stripped(edit.new_text));
    CHECK(m.summary.find("replace " + edit.old_text + " with ") == 0);
    // 2.5 is a double: x / 2.5 never becomes x % 2.5.
    if (edit.line == 9) CHECK(Stripped(edit.new_text) != "%");
  }
}

TEST_CASE("MutateGi: unary operators, constants and condition negation") {
  Sample sample(Files{{"src/calc.cc", kCalc}});
  for (uint64_t seed = 0; seed < 4; ++seed) {
    GiMutation unary = sample.Mutate({GiOperator::kUnaryOperator}, seed);
    REQUIRE(unary.edits.size() == 1);
    const GiEdit& u = unary.edits[0];
    CHECK(u.op == "unary_operator");
    if (u.old_text == "++") CHECK(u.new_text == "--");
    if (u.old_text == "--") CHECK(u.new_text == "++");
    if (u.old_text == "-") CHECK(u.new_text == "!");
    if (u.old_text == "!") CHECK((u.new_text == "-" || u.new_text.empty()));

    GiMutation constant = sample.Mutate({GiOperator::kConstant}, seed);
    REQUIRE(constant.edits.size() == 1);
    const GiEdit& c = constant.edits[0];
    CHECK(c.op == "constant");
    CHECK(c.old_text != c.new_text);
    if (c.old_text == "2.5") {
      CHECK(In({"0.0", "1.0", "(-1.0)", "3.5", "1.5", "5.0", "1.25"}, c.new_text));
    } else {
      CHECK(In({"0", "1", "(-1)", "2", "3", "4", "5", "6", "8"}, c.new_text));
    }

    GiMutation negate = sample.Mutate({GiOperator::kNegateCondition}, seed);
    REQUIRE(negate.edits.size() == 1);
    const GiEdit& n = negate.edits[0];
    CHECK(n.op == "negate_condition");
    CHECK(In({"i < n", "i % 2 == 0"}, n.old_text));
    CHECK(n.new_text == "!(" + n.old_text + ")");
    CHECK(negate.files.at("src/calc.cc").find("!(" + n.old_text + ")") != std::string::npos);
  }
}

TEST_CASE("MutateGi: reuse_constant gives a literal a value of its kind from the same file") {
  // Weights as the repair agent writes them: a 0.0 (off) and two on; an integer and a
  // suffixed one. Integers and floats never trade values, and 0.90 and 0.9 are one value.
  const char kWeights[] = R"(double Weight(int k) {
  double off = 0.0;
  double on = 0.90;
  double also = 0.9;
  double more = 0.45f;
  long cap = 60L;
  int top = 12;
  return k > top ? off + on + also + more : cap;
}
)";
  Sample sample(Files{{"src/w.cc", kWeights}});
  std::set<std::string> reached_from_zero;
  for (uint64_t seed = 0; seed < 40; ++seed) {
    GiMutation m = sample.Mutate({GiOperator::kReuseConstant}, seed);
    REQUIRE(m.edits.size() == 1);
    const GiEdit& e = m.edits[0];
    CHECK(e.op == "reuse_constant");
    CHECK(std::string(kWeights).substr(e.offset, e.old_text.size()) == e.old_text);
    CHECK(m.summary == "replace " + e.old_text + " with " + e.new_text + " in src/w.cc:" +
                           std::to_string(e.line));
    if (e.old_text == "0.0") {
      CHECK(In({"0.90", "0.45"}, e.new_text));  // 0.9 is 0.90's value, already offered
      reached_from_zero.insert(e.new_text);
    } else if (e.old_text == "0.90" || e.old_text == "0.9") {
      CHECK(In({"0.0", "0.45"}, e.new_text));
    } else if (e.old_text == "0.45f") {
      CHECK(In({"0.0f", "0.90f"}, e.new_text));  // the site keeps its suffix
    } else if (e.old_text == "60L") {
      CHECK(e.new_text == "12L");
    } else {
      CHECK(e.old_text == "12");
      CHECK(e.new_text == "60");
    }
  }
  CHECK(reached_from_zero.size() == 2);

  // A file whose literals all have one value: nothing to reuse, so no child.
  Sample same(Files{{"src/s.cc", "int F() { return 2 + 2; }\n"}});
  auto none = MutateGi(same.agent, {.seed = 1,
                                    .operators = {GiOperator::kReuseConstant},
                                    .max_attempts = 5,
                                    .format = false});
  REQUIRE(!none);
  CHECK(none.error().kind == ErrorKind::kNoChild);
  CHECK(GiOperatorFromName("reuse_constant") == GiOperator::kReuseConstant);
}

TEST_CASE("MutateGi: statement delete, copy, swap and replace") {
  Sample sample(Files{{"src/calc.cc", kCalc}});
  for (uint64_t seed = 0; seed < 4; ++seed) {
    GiMutation del = sample.Mutate({GiOperator::kDeleteStatement}, seed);
    REQUIRE(del.edits.size() == 1);
    CHECK(del.edits[0].op == "delete_statement");
    CHECK(del.edits[0].new_text.empty());
    CHECK(Trim(del.edits[0].old_text).rfind("int ", 0) != 0);  // never a declaration
    CHECK(del.files.at("src/calc.cc").size() ==
          std::string(kCalc).size() - del.edits[0].old_text.size());

    GiMutation copy = sample.Mutate({GiOperator::kCopyStatement}, seed);
    REQUIRE(copy.edits.size() == 1);
    CHECK(copy.edits[0].op == "copy_statement");
    CHECK(copy.edits[0].old_text.empty());
    CHECK(std::string(kCalc).find(Trim(copy.edits[0].new_text)) != std::string::npos);

    GiMutation swap = sample.Mutate({GiOperator::kSwapStatements}, seed);
    REQUIRE(swap.edits.size() == 2);
    CHECK(swap.edits[0].op == "swap_statements");
    CHECK(swap.edits[0].old_text == swap.edits[1].new_text);
    CHECK(swap.edits[1].old_text == swap.edits[0].new_text);

    GiMutation replace = sample.Mutate({GiOperator::kReplaceStatement}, seed);
    REQUIRE(replace.edits.size() == 1);
    CHECK(replace.edits[0].op == "replace_statement");
    CHECK(replace.edits[0].old_text != replace.edits[0].new_text);
    CHECK(std::string(kCalc).find(replace.edits[0].new_text) != std::string::npos);
  }
}

TEST_CASE("MutateGi: a statement is copied only where its locals are in scope") {
  const std::string code = R"(int F(int a) {
  a = a + 1;
  {
    int local = a * 2;
    a = local + a;
  }
  return a;
}
int G(int b) {
  b = b * 3;
  return b;
}
)";
  Sample sample(Files{{"src/f.cc", code}});
  const size_t scope_begin = code.find("a = local");  // just after `int local = ...;`
  const size_t scope_end = code.find("  }\n  return a;") + 2;
  int local_copies = 0;
  for (uint64_t seed = 0; seed < 40; ++seed) {
    GiMutation m = sample.Mutate({GiOperator::kCopyStatement}, seed);
    REQUIRE(m.edits.size() == 1);
    CHECK(m.attempts == 1);  // every copy drawn compiles: none breaks a scope
    const GiEdit& edit = m.edits[0];
    if (edit.new_text.rfind("a = local +", 0) == 0) {
      ++local_copies;
      CHECK(edit.offset >= scope_begin);
      CHECK(edit.offset <= scope_end);
    }
    // F's statements use `a`, G's use `b`: never copied across.
    if (edit.new_text.find('a') != std::string::npos && edit.new_text.find("return") == 0) {
      CHECK(edit.offset < code.find("int G"));
    }
    if (edit.new_text.find("b = b") != std::string::npos) CHECK(edit.offset > code.find("int G"));
  }
  CHECK(local_copies > 0);
}

TEST_CASE("MutateGi: break and continue only into loops, returns only of the same type") {
  const std::string code = R"(int limit = 3;
int G(int n) {
  int s = 0;
  for (int i = 0; i < n; ++i) {
    if (limit == 3) break;
    s += i;
  }
  if (limit > 100) return 1;
  s = s * 2;
  return s;
}
void H() {
  limit = limit + 1;
  while (limit > 0) {
    if (limit == 7) continue;
    limit = limit - 2;
  }
}
)";
  Sample sample(Files{{"src/g.cc", code}});
  const size_t for_begin = code.find("for ("), for_end = code.find("  if (limit > 100)");
  const size_t while_begin = code.find("while ("), while_end = code.rfind("  }\n}");
  const size_t h_begin = code.find("void H");
  CHECK(while_begin > h_begin);
  int jumps = 0, returns = 0;
  for (uint64_t seed = 0; seed < 40; ++seed) {
    GiMutation m = sample.Mutate({GiOperator::kCopyStatement}, seed);
    REQUIRE(m.edits.size() == 1);
    CHECK(m.attempts == 1);
    const GiEdit& edit = m.edits[0];
    const bool in_for = edit.offset > for_begin && edit.offset < for_end;
    const bool in_while = edit.offset > while_begin && edit.offset < while_end;
    if (edit.new_text.rfind("if (limit == 3) break;", 0) == 0) {
      ++jumps;
      CHECK((in_for || in_while));
    }
    if (edit.new_text.rfind("if (limit == 7) continue;", 0) == 0) {
      ++jumps;
      CHECK((in_for || in_while));
    }
    if (edit.new_text.rfind("if (limit > 100) return 1;", 0) == 0) {
      ++returns;
      CHECK(edit.offset < h_begin);  // never into void H()
    }
  }
  CHECK(jumps > 0);
  CHECK(returns > 0);
}

TEST_CASE("MutateGi: the same seed gives the same child, the edit list re-derives it") {
  Sample sample(Files{{"src/calc.cc", kCalc}});
  std::set<std::string> children;
  for (uint64_t seed = 0; seed < 8; ++seed) {
    GiOptions options{.seed = seed, .max_operators = 3};
    GiMutation first = OrThrow(MutateGi(sample.agent, options));
    GiMutation second = OrThrow(MutateGi(sample.agent, options));
    CHECK(first.files == second.files);
    CHECK(GiEditsToJson(first.edits) == GiEditsToJson(second.edits));
    CHECK(first.summary == second.summary);
    CHECK(!first.edits.empty());
    children.insert(first.files.at("src/calc.cc"));

    std::vector<GiEdit> replayed =
        OrThrow(GiEditsFromJson(nlohmann::json::parse(GiEditsToJson(first.edits).dump())));
    CHECK(OrThrow(ApplyEditList(sample.agent, replayed)) == first.files);
  }
  CHECK(children.size() >= 4);
}

TEST_CASE("MutateGi: the shared sample agent (a header, a class, <cstdio>) mutates and replays") {
  Sample sample(testing::SampleAgent());
  for (uint64_t seed = 0; seed < 4; ++seed) {
    GiMutation m = OrThrow(MutateGi(sample.agent, {.seed = seed, .max_operators = 2}));
    REQUIRE(!m.edits.empty());
    for (const GiEdit& edit : m.edits) CHECK(edit.file.rfind("src/", 0) == 0);
    CHECK(OrThrow(ApplyEditList(sample.agent, m.edits)) == m.files);
  }
}

TEST_CASE("MutateGi: clear errors for a file that does not parse and for no editable file") {
  Sample broken(Files{{"src/bad.cc", "int F() {\n  return 1 +;\n}\n"}});
  auto failed = MutateGi(broken.agent);
  REQUIRE(!failed);
  CHECK(failed.error().kind == ErrorKind::kNoChild);
  CHECK(failed.error().message.find("src/bad.cc:2:") != std::string::npos);

  Sample none(Files{{"src/calc.cc", kCalc}}, {"docs/**"});
  auto empty = MutateGi(none.agent);
  REQUIRE(!empty);
  CHECK(empty.error().kind == ErrorKind::kNoChild);
  CHECK(empty.error().message.find("no editable C/C++ file") != std::string::npos);

  Sample stale(Files{{"src/calc.cc", kCalc}});
  auto mismatch = ApplyEditList(stale.agent, {{"constant", "src/calc.cc", 0, 1, "nope", "x"}});
  REQUIRE(!mismatch);
  CHECK(mismatch.error().message.find("src/calc.cc") != std::string::npos);
}

TEST_CASE("ReplaceRange: JSON round trip") {
  Edit edit = ReplaceRange{"src/a.cc", 12, "<", "<="};
  nlohmann::json json = EditToJson(edit);
  CHECK(json["op"] == "replace_range");
  CHECK(json["offset"] == 12);
  Edit back = OrThrow(EditFromJson(json));
  REQUIRE(std::holds_alternative<ReplaceRange>(back));
  CHECK(std::get<ReplaceRange>(back).old == "<");
  CHECK(std::get<ReplaceRange>(back).text == "<=");
  CHECK(!EditFromJson({{"op", "replace_range"}, {"path", "a.cc"}, {"offset", -1}}));
}

namespace {

// A parent and a donor: Scale differs, Offset differs only in whitespace, Box::Area (an
// inline method) differs, Extra exists only in the donor.
const char kParentShapes[] = R"(struct Box {
  int w = 1, h = 2;
  int Area() const { return w * h; }
};
int Scale(int x) {
  return x * 3;
}
int Offset(int x) { return x + 1; }
)";

const char kDonorShapes[] = R"(struct Box {
  int w = 1, h = 2;
  int Area() const { return w * h + 1; }
};
int Scale(int x) {
  int y = x * 5;
  return y - 1;
}
int Offset(int x) {
  return x + 1;
}
int Extra() { return 4; }
)";

struct Donors {
  TempDir dir;
  std::vector<GiDonor> list;
  // A donor of id `variant`; with `base`, the source of its common ancestor with the parent.
  void Add(int variant, const std::string& shapes, std::optional<std::string> base = {}) {
    const auto root = dir.path() / std::to_string(variant);
    testing::WriteTree(root, {{"agent.yaml", "name: d\nrun: ./a\n"}, {"src/shapes.cc", shapes}});
    list.push_back({variant, root});
    if (!base) return;
    list.back().base = dir.path() / (std::to_string(variant) + "-base");
    testing::WriteTree(list.back().base,
                       {{"agent.yaml", "name: d\nrun: ./a\n"}, {"src/shapes.cc", *base}});
  }
};

GiOptions CrossoverOptions(uint64_t seed, const Donors& donors, double rate = 1.0) {
  return {.seed = seed, .format = false, .crossover_rate = rate, .donors = donors.list};
}

}  // namespace

TEST_CASE("MutateGi crossover: a definition is replaced by the donor's of the same name") {
  Sample sample(Files{{"src/shapes.cc", kParentShapes}});
  Donors donors;
  donors.Add(3, kDonorShapes);
  std::set<std::string> replaced;
  for (uint64_t seed = 0; seed < 12; ++seed) {
    GiMutation m = OrThrow(MutateGi(sample.agent, CrossoverOptions(seed, donors)));
    REQUIRE(m.edits.size() == 1);
    REQUIRE(m.operators == std::vector<GiOperator>{GiOperator::kCrossover});
    const GiEdit& edit = m.edits[0];
    CHECK(edit.op == "crossover");
    CHECK(edit.donor == 3);
    CHECK(edit.file == "src/shapes.cc");
    CHECK(std::string(kParentShapes).substr(edit.offset, edit.old_text.size()) == edit.old_text);
    CHECK(std::string(kDonorShapes).find(edit.new_text) != std::string::npos);
    CHECK(m.summary.find("from variant 3") != std::string::npos);
    replaced.insert(edit.old_text.substr(0, edit.old_text.find('(')));
    // The edit list (with its donor) re-derives the child without the donor.
    const auto edits = OrThrow(GiEditsFromJson(GiEditsToJson(m.edits)));
    CHECK(edits[0].donor == 3);
    CHECK(OrThrow(ApplyEditList(sample.agent, edits, false)) == m.files);
  }
  // Scale and the inline method Box::Area differ; Offset differs only in whitespace.
  CHECK(replaced == std::set<std::string>{"int Area", "int Scale"});
}

TEST_CASE("MutateGi crossover: with a common ancestor, only what the donor's line changed") {
  Sample sample(Files{{"src/shapes.cc", kParentShapes}});
  // The parent's line changed Area since the ancestor; the donor's line changed Scale.
  std::string ancestor = kDonorShapes;
  const std::string scale = "int Scale(int x) {\n  int y = x * 5;\n  return y - 1;\n}";
  ancestor.replace(ancestor.find(scale), scale.size(), "int Scale(int x) {\n  return x * 3;\n}");
  Donors donors;
  donors.Add(6, kDonorShapes, ancestor);
  std::set<std::string> replaced;
  for (uint64_t seed = 0; seed < 12; ++seed) {
    GiMutation m = OrThrow(MutateGi(sample.agent, CrossoverOptions(seed, donors)));
    REQUIRE(m.edits.size() == 1);
    CHECK(m.edits[0].op == "crossover");
    replaced.insert(m.edits[0].old_text.substr(0, m.edits[0].old_text.find('(')));
  }
  // Without the ancestor, Area (the donor's is the ancestor's, not a change) came too.
  CHECK(replaced == std::set<std::string>{"int Scale"});

  SECTION("a donor whose line changed nothing the parent has gives no crossover") {
    Donors same;
    same.Add(7, kDonorShapes, kDonorShapes);
    GiOptions only = CrossoverOptions(3, same);
    only.operators = {GiOperator::kCrossover};
    auto failed = MutateGi(sample.agent, only);
    REQUIRE(!failed);
    CHECK(failed.error().message.find("no function") != std::string::npos);
  }
}

TEST_CASE("MutateGi crossover: falls back to the other operators, or fails when it is all") {
  Sample sample(Files{{"src/shapes.cc", kParentShapes}});
  SECTION("no donor differs") {
    Donors donors;
    donors.Add(1, kParentShapes);
    GiMutation m = OrThrow(MutateGi(sample.agent, CrossoverOptions(4, donors)));
    for (const GiEdit& edit : m.edits) CHECK(edit.op != "crossover");
    GiOptions only = CrossoverOptions(4, donors);
    only.operators = {GiOperator::kCrossover};
    auto failed = MutateGi(sample.agent, only);
    REQUIRE(!failed);
    CHECK(failed.error().kind == ErrorKind::kNoChild);
    CHECK(failed.error().message.find("crossover") == 0);
    CHECK(failed.error().message.find("no function") != std::string::npos);
  }
  SECTION("the donor's definition does not compile in the parent") {
    Donors donors;
    donors.Add(2, "int Helper(int);\nint Scale(int x) { return Helper(x); }\n");
    GiMutation m = OrThrow(MutateGi(sample.agent, CrossoverOptions(4, donors)));
    for (const GiEdit& edit : m.edits) CHECK(edit.op != "crossover");
    GiOptions only = CrossoverOptions(4, donors);
    only.operators = {GiOperator::kCrossover};
    auto failed = MutateGi(sample.agent, only);
    REQUIRE(!failed);
    CHECK(failed.error().message.find("rejected") != std::string::npos);
    CHECK(failed.error().message.find("Helper") != std::string::npos);
  }
  SECTION("no donors at all") {
    const Donors none;
    GiMutation m = OrThrow(MutateGi(sample.agent, CrossoverOptions(4, none)));
    for (const GiEdit& edit : m.edits) CHECK(edit.op != "crossover");
  }
}

TEST_CASE("MutateGi crossover: the rate decides, and rate 0 leaves the draws untouched") {
  Sample sample(Files{{"src/shapes.cc", kParentShapes}});
  Donors donors;
  donors.Add(5, kDonorShapes);
  int crossovers = 0;
  for (uint64_t seed = 0; seed < 40; ++seed) {
    GiMutation half = OrThrow(MutateGi(sample.agent, CrossoverOptions(seed, donors, 0.5)));
    if (half.edits[0].op == "crossover") ++crossovers;
    GiMutation none = OrThrow(MutateGi(sample.agent, CrossoverOptions(seed, donors, 0.0)));
    GiMutation plain = OrThrow(MutateGi(sample.agent, {.seed = seed, .format = false}));
    CHECK(GiEditsToJson(none.edits) == GiEditsToJson(plain.edits));
  }
  CHECK(crossovers > 5);
  CHECK(crossovers < 35);
}

TEST_CASE("MutateGi bad input: syntax errors, non-UTF-8, heavy macros, 5 MB, nothing editable") {
  SECTION("a file with a syntax error is named with its line, the others still mutate") {
    Sample sample(Files{{"src/bad.cc", "int F() {\n  return 1 +;\n}\n"}, {"src/calc.cc", kCalc}});
    GiMutation m = OrThrow(MutateGi(sample.agent, {.seed = 3, .format = false}));
    for (const GiEdit& edit : m.edits) CHECK(edit.file == "src/calc.cc");
  }
  SECTION("a file that is not UTF-8 mutates, and no edit it records is invalid UTF-8") {
    const std::string latin1 =
        "int G(int n) {\n  const char* s = \"caf\xe9\";\n  if (n > 2) n = n + s[0];\n  "
        "return n * 2;\n}\n";
    Sample sample(Files{{"src/latin1.cc", latin1}});
    for (uint64_t seed = 0; seed < 20; ++seed) {
      auto m = MutateGi(sample.agent, {.seed = seed, .format = false});
      if (!m) {
        CHECK(m.error().kind == ErrorKind::kNoChild);
        continue;
      }
      CHECK_NOTHROW(GiEditsToJson(m->edits).dump());
    }
  }
  SECTION("code spelled only inside macros has no site, and the message says so") {
    const std::string macros =
        "#define BODY(x) { return (x) + 1 * 2; }\n#define FN(name) int name(int a) BODY(a)\n"
        "FN(A)\nFN(B)\nFN(C)\n";
    Sample sample(Files{{"src/macros.cc", macros}});
    auto m = MutateGi(sample.agent, {.seed = 1});
    REQUIRE(!m);
    CHECK(m.error().kind == ErrorKind::kNoChild);
    CHECK(m.error().message.find("has a site") != std::string::npos);
    CHECK(m.error().message.find("src/macros.cc has none") != std::string::npos);
  }
  SECTION("a 5 MB file is skipped with its size named; the other files still mutate") {
    std::string huge;
    for (int i = 0; huge.size() < (5u << 20); ++i) {
      huge += "int F" + std::to_string(i) + "(int a) { return a + " + std::to_string(i) + "; }\n";
    }
    Sample sample(Files{{"src/huge.cc", huge}, {"src/calc.cc", kCalc}});
    for (uint64_t seed = 0; seed < 3; ++seed) {
      GiMutation m = OrThrow(MutateGi(sample.agent, {.seed = seed, .format = false}));
      for (const GiEdit& edit : m.edits) CHECK(edit.file == "src/calc.cc");
    }
    Sample alone(Files{{"src/huge.cc", huge}});
    auto m = MutateGi(alone.agent, {.seed = 1});
    REQUIRE(!m);
    CHECK(m.error().kind == ErrorKind::kNoChild);
    CHECK(m.error().message.find("src/huge.cc is skipped (5.0 MB, over the 2 MB limit") !=
          std::string::npos);
  }
  SECTION("an agent whose editable globs match no C/C++ file names its globs") {
    Sample sample(Files{{"src/calc.cc", kCalc}}, {"scripts/**"});
    auto m = MutateGi(sample.agent, {.seed = 1});
    REQUIRE(!m);
    CHECK(m.error().message.find("scripts/**") != std::string::npos);
  }
}
