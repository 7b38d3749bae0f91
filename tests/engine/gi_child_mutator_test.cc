#include "engine/mutation/gi_child_mutator.h"

#include <set>

#include "tests/engine/sample_agent.h"
#include "tests/test_util.h"
#include <catch2/catch.hpp>

#include "archive/archive.h"
#include "support/fs.h"
#include "support/strings.h"

using namespace clade;
using namespace clade::mutation;

namespace {

// A statement with a newline inside and a non-ASCII string, so edits carry both.
const char kGreet[] = R"(int Greet(int n) {
  int count = 0;
  for (int i = 0; i < n; ++i) {
    count += i * 2;
    const char* word = "héllo\n";
    count += word[0] == 'h' ? 1
                            : 2;
  }
  if (count > 10) count = count - 3;
  return count;
}
)";

using Files = std::map<std::string, std::string>;

struct Agent {
  TempDir dir;
  explicit Agent(std::map<std::string, std::string> files) {
    testing::WriteTree(dir.path(), files);
  }
  std::filesystem::path path() const { return dir.path(); }
};

std::map<std::string, std::string> SampleWithGreet() {
  auto files = testing::SampleAgent();
  files["src/greet.cc"] = kGreet;
  return files;
}

std::vector<std::string> TrailerValues(const ChildProposal& proposal, const std::string& key) {
  std::vector<std::string> values;
  for (const auto& [k, v] : proposal.trailers) {
    if (k == key) values.push_back(v);
  }
  return values;
}

}  // namespace

TEST_CASE("GiChildMutator: a proposal carries files, summary, trailers and record") {
  Agent agent(SampleWithGreet());
  GiChildMutator mutator({.max_operators = 3});
  CHECK(mutator.name() == "gi");
  const ChildProposal proposal =
      OrThrow(mutator.Propose({.parent = 0, .source = agent.path(), .seed = 7}));

  REQUIRE(!proposal.files.empty());
  for (const auto& [path, text] : proposal.files) {
    CHECK(path.rfind("src/", 0) == 0);  // only the editable globs of agent.yaml
    CHECK(text != ReadFile(agent.path() / path).value());
  }
  CHECK(!proposal.summary.empty());
  CHECK(proposal.summary.find('\n') == std::string::npos);
  REQUIRE(proposal.trailers.size() >= 3);
  CHECK(proposal.trailers[0] == std::pair<std::string, std::string>{"Clade-Mutator", "gi"});
  CHECK(proposal.trailers[1] == std::pair<std::string, std::string>{"Clade-Seed", "7"});

  const nlohmann::json& record = proposal.record;
  CHECK(record["mutator"] == "gi");
  CHECK(record["seed"] == 7);
  REQUIRE(record["edits"].is_array());
  const std::vector<std::string> edit_trailers = TrailerValues(proposal, "Clade-Edit");
  REQUIRE(edit_trailers.size() == record["edits"].size());
  for (size_t i = 0; i < edit_trailers.size(); ++i) {
    CHECK(edit_trailers[i].find('\n') == std::string::npos);
    CHECK(nlohmann::json::parse(edit_trailers[i]) == record["edits"][i]);
  }
  REQUIRE(record["operators"].is_array());
  CHECK(!record["operators"].empty());
  CHECK(record["operators"].size() <= 3);
  for (const auto& op : record["operators"]) CHECK(GiOperatorFromName(op.get<std::string>()));
}

TEST_CASE("GiChildMutator: the same request gives a byte-identical proposal") {
  Agent agent(SampleWithGreet());
  GiChildMutator mutator({.max_operators = 2});
  for (uint64_t seed : {1u, 2u, 3u, 40u}) {
    const MutationRequest request{.parent = 3, .source = agent.path(), .seed = seed};
    const ChildProposal a = OrThrow(mutator.Propose(request));
    const ChildProposal b = OrThrow(GiChildMutator({.max_operators = 2}).Propose(request));
    CHECK(a.files == b.files);
    CHECK(a.summary == b.summary);
    CHECK(a.trailers == b.trailers);
    CHECK(a.record.dump() == b.record.dump());
  }
}

TEST_CASE("GiChildMutator: a child is re-derived from its parent and its record or trailers") {
  Agent agent(SampleWithGreet());
  GiChildMutator mutator({.max_operators = 3});
  for (uint64_t seed = 1; seed <= 12; ++seed) {
    const ChildProposal proposal = OrThrow(mutator.Propose({.source = agent.path(), .seed = seed}));
    const auto from_record = OrThrow(GiEditsFromRecord(proposal.record));
    const auto from_trailers = OrThrow(GiEditsFromTrailers(proposal.trailers));
    CHECK(OrThrow(RederiveGiChild(agent.path(), from_record)) == proposal.files);
    CHECK(OrThrow(RederiveGiChild(agent.path(), from_trailers)) == proposal.files);
    // A record as the archive stores it: the proposal's record under "mutation".
    CHECK(OrThrow(GiEditsFromRecord({{"mutation", proposal.record}})).size() == from_record.size());
  }
}

TEST_CASE("GiChildMutator: Clade-Edit trailers survive a real commit and git's trailer parser") {
  Agent agent(SampleWithGreet());
  // Copies of statements bring newlines, the string brings non-ASCII: find a child with both.
  GiChildMutator mutator({.max_operators = 3, .operators = {GiOperator::kCopyStatement}});
  std::optional<ChildProposal> proposal;
  for (uint64_t seed = 1; seed <= 60 && !proposal; ++seed) {
    ChildProposal p = OrThrow(mutator.Propose({.source = agent.path(), .seed = seed}));
    const std::string edits = p.record["edits"].dump();
    if (edits.find("\\n") != std::string::npos && edits.find("h\xc3\xa9llo") != std::string::npos) {
      proposal = std::move(p);
    }
  }
  REQUIRE(proposal);

  TempDir runs;
  auto archive = OrThrow(archive::Archive::Create(runs.path() / "a.git"));
  const std::string seed_tree = OrThrow(archive->WriteTreeFromDirectory(agent.path()));
  OrThrow(archive->AddVariant({.tree = seed_tree, .summary = "seed"}));
  archive::TreeChanges changes;
  for (const auto& [path, text] : proposal->files) changes[path] = archive::FileContent{text};
  const std::string tree = OrThrow(archive->WriteTreeWithChanges(seed_tree, changes));
  const archive::Variant child = OrThrow(archive->AddVariant({.tree = tree,
                                                              .parents = {0},
                                                              .summary = proposal->summary,
                                                              .trailers = proposal->trailers}));

  const auto log =
      testing::Shell("git --git-dir=" + testing::Quote((runs.path() / "a.git").string()) +
                     " log -1 --format='%(trailers:key=Clade-Edit,valueonly)' " + child.commit);
  REQUIRE(log.exit_code == 0);
  std::vector<std::pair<std::string, std::string>> trailers;
  for (const std::string& line : Split(log.output, '\n')) {
    if (!line.empty()) trailers.emplace_back("Clade-Edit", line);
  }
  std::vector<std::pair<std::string, std::string>> expected;
  for (const std::string& value : TrailerValues(*proposal, "Clade-Edit")) {
    expected.emplace_back("Clade-Edit", value);
  }
  CHECK(trailers == expected);
  const auto edits = OrThrow(GiEditsFromTrailers(trailers));
  CHECK(OrThrow(RederiveGiChild(agent.path(), edits)) == proposal->files);
}

TEST_CASE("GiChildMutator: no agent.yaml means everything is editable") {
  Agent agent(Files{{"calc.cc", "int F(int a) { return a + 1; }\n"}});
  const ChildProposal proposal =
      OrThrow(GiChildMutator({}).Propose({.source = agent.path(), .seed = 5}));
  REQUIRE(proposal.files.size() == 1);
  CHECK(proposal.files.begin()->first == "calc.cc");
}

TEST_CASE("GiChildMutator: failures keep mutation_failed, a bad agent.yaml is named") {
  SECTION("no editable C++ file") {
    Agent agent(Files{{"agent.yaml", "name: a\nrun: ./a\neditable: [\"docs/**\"]\n"},
                      {"src/a.cc", "int F() { return 1; }\n"}});
    auto result = GiChildMutator({}).Propose({.source = agent.path(), .seed = 1});
    REQUIRE(!result);
    CHECK(result.error().kind == ErrorKind::kNoChild);
  }
  SECTION("agent.yaml with an unknown key") {
    Agent agent(Files{{"agent.yaml", "name: a\nrun: ./a\nedtable: [x]\n"},
                      {"src/a.cc", "int F() { return 1; }\n"}});
    auto result = GiChildMutator({}).Propose({.source = agent.path(), .seed = 1});
    REQUIRE(!result);
    CHECK(result.error().message.find("agent.yaml") != std::string::npos);
    CHECK(result.error().kind != ErrorKind::kNoChild);
  }
}

TEST_CASE("GiChildMutator: re-deriving against a different parent names the edit") {
  Agent agent(SampleWithGreet());
  const ChildProposal proposal =
      OrThrow(GiChildMutator({}).Propose({.source = agent.path(), .seed = 9}));
  auto edits = OrThrow(GiEditsFromRecord(proposal.record));
  REQUIRE(!edits.empty());
  edits[0].old_text += "this text is not there";
  auto result = RederiveGiChild(agent.path(), edits);
  REQUIRE(!result);
  CHECK(result.error().message.find(edits[0].file) != std::string::npos);
}

TEST_CASE("GiChildMutator: a crossover child names its donor in a trailer and the record") {
  Agent parent(SampleWithGreet());
  auto donor_files = SampleWithGreet();
  donor_files["src/greet.cc"] = "int Greet(int n) { return n * 4; }\n";
  Agent donor(donor_files);
  GiChildMutator mutator({.crossover_rate = 1.0});
  const MutationRequest request{
      .parent = 2, .source = parent.path(), .seed = 3, .donors = {{6, donor.path()}}};
  const ChildProposal proposal = OrThrow(mutator.Propose(request));
  CHECK(TrailerValues(proposal, "Clade-Donor") == std::vector<std::string>{"6"});
  CHECK(proposal.record["donor"] == 6);
  CHECK(proposal.record["operators"] == nlohmann::json::array({"crossover"}));
  REQUIRE(proposal.files.count("src/greet.cc"));
  CHECK(proposal.files.at("src/greet.cc").find("return n * 4;") != std::string::npos);
  // Re-derived from the parent alone: the donor's text travels in the edit.
  CHECK(OrThrow(RederiveGiChild(parent.path(), OrThrow(GiEditsFromTrailers(proposal.trailers)))) ==
        proposal.files);
  // Same request, same bytes.
  const ChildProposal again = OrThrow(mutator.Propose(request));
  CHECK(again.trailers == proposal.trailers);
  CHECK(again.files == proposal.files);
}

TEST_CASE("GiChildMutator: a focus narrows the operators to the editable files it matches") {
  Agent agent(SampleWithGreet());
  GiChildMutator focused({.max_operators = 2, .focus = {"src/greet.cc"}});
  std::set<std::string> changed;
  for (uint64_t seed = 1; seed <= 12; ++seed) {
    auto proposal = focused.Propose({.source = agent.path(), .seed = seed});
    if (!proposal) continue;  // a draw may fail its syntax check
    for (const auto& [path, text] : proposal->files) changed.insert(path);
  }
  CHECK(changed == std::set<std::string>{"src/greet.cc"});

  SECTION("a focus never widens agent.yaml's editable set") {
    auto outside = GiChildMutator({.focus = {"agent.yaml", "docs/**"}})
                       .Propose({.source = agent.path(), .seed = 1});
    REQUIRE(!outside);
    CHECK(outside.error().kind == ErrorKind::kNoChild);
    CHECK(outside.error().message.find("agent.yaml, docs/**") != std::string::npos);
  }
}
