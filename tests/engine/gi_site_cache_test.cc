#include "engine/mutation/gi_site_cache.h"

#include <thread>

#include "tests/test_util.h"
#include <catch2/catch.hpp>

#include "engine/mutation/gi_mutator.h"
#include "support/fs.h"

using namespace clade;
using namespace clade::mutation;

namespace {

// A header whose type decides the sites of the source that includes it: with `int`, `%` is a
// choice for the binary operators of Mix; with `double` it is not.
std::string Header(const std::string& type) {
  return "#pragma once\nusing Num = " + type + ";\n";
}

const char kMix[] = R"(#include "num.h"
Num Mix(Num a, Num b) {
  Num c = a + b;
  if (a < b) c = c * 2;
  c = c - 1;
  return c / 3;
}
)";

const char kCount[] = R"(int Count(int n) {
  int total = 0;
  for (int i = 0; i < n; ++i) {
    if (i % 3 == 0) total += i;
    total = total - 1;
  }
  return total;
}
)";

using Files = std::map<std::string, std::string>;

AgentSource Open(const std::filesystem::path& dir, const Files& files) {
  testing::WriteTree(dir, files);
  return OrThrow(AgentSource::Open(dir, {.editable = std::vector<std::string>{"src/**"}}));
}

Files Agent(const std::string& type) {
  return {{"agent.yaml", "name: cached\nrun: ./a\n"},
          {"src/num.h", Header(type)},
          {"src/mix.cc", kMix},
          {"src/count.cc", kCount}};
}

std::string Dump(const GiMutation& m) {
  nlohmann::json files = m.files;
  return GiEditsToJson(m.edits).dump() + files.dump() + m.summary;
}

std::string Draw(const AgentSource& agent, uint64_t seed, GiSiteCache* cache,
                 std::vector<GiOperator> operators = {}) {
  auto m = MutateGi(agent, {.seed = seed,
                            .max_operators = 2,
                            .operators = std::move(operators),
                            .format = false,
                            .cache = cache});
  return m ? Dump(*m) : m.error().message;
}

}  // namespace

TEST_CASE("GiSiteCache: the same parent and seed give the same child with and without it") {
  TempDir dir("clade-gi-cache");
  const AgentSource agent = Open(dir.path(), Agent("int"));
  GiSiteCache cache;
  for (uint64_t seed = 0; seed < 12; ++seed) {
    CHECK(Draw(agent, seed, &cache) == Draw(agent, seed, nullptr));
  }
  // Three editable C/C++ files: each parsed once, then found 11 more times.
  CHECK(cache.stats().misses == 3);
  CHECK(cache.stats().hits == 3 * 11);
  CHECK(cache.stats().entries == 3);
}

TEST_CASE("GiSiteCache: a child elsewhere reuses unchanged files and reparses changed ones") {
  TempDir parent_dir("clade-gi-cache"), child_dir("clade-gi-cache");
  const AgentSource parent = Open(parent_dir.path(), Agent("int"));
  GiSiteCache cache;
  REQUIRE(Draw(parent, 1, &cache).find("mutation_failed") == std::string::npos);
  CHECK(cache.stats().misses == 3);

  // The same files in another directory (as the loop exports each child): all hits.
  Files child = Agent("int");
  const AgentSource same = Open(child_dir.path(), child);
  CHECK(Draw(same, 5, &cache) == Draw(same, 5, nullptr));
  CHECK(cache.stats().misses == 3);
  CHECK(cache.stats().hits == 3);

  // A changed source: only it is parsed again.
  child["src/count.cc"] = std::string(kCount) + "int Twice(int x) { return x * 2; }\n";
  const AgentSource changed = Open(child_dir.path(), child);
  CHECK(Draw(changed, 5, &cache) == Draw(changed, 5, nullptr));
  CHECK(cache.stats().misses == 4);
  CHECK(cache.stats().hits == 5);
}

TEST_CASE("GiSiteCache: a changed agent header invalidates the sources that include it") {
  TempDir dir("clade-gi-cache");
  AgentSource agent = Open(dir.path(), Agent("int"));
  GiSiteCache cache;
  std::vector<std::string> with_int;
  const std::vector<GiOperator> binary = {GiOperator::kBinaryOperator};
  for (uint64_t seed = 0; seed < 16; ++seed) {
    with_int.push_back(Draw(agent, seed, &cache, binary));
  }

  // num.h becomes double: mix.cc's text is unchanged, but its `%` sites are gone.
  agent = Open(dir.path(), Agent("double"));
  const size_t misses = cache.stats().misses;
  bool differs = false;
  for (uint64_t seed = 0; seed < 16; ++seed) {
    const std::string cached = Draw(agent, seed, &cache, binary);
    CHECK(cached == Draw(agent, seed, nullptr, binary));
    differs = differs || cached != with_int[seed];
  }
  CHECK(differs);
  // num.h and mix.cc (which reads num.h) parsed again once; count.cc still a hit.
  CHECK(cache.stats().misses == misses + 2);
  CHECK(cache.stats().entries == 5);  // both versions kept
}

TEST_CASE("GiSiteCache: capacity bounds the entries, draws from two threads agree") {
  TempDir dir("clade-gi-cache");
  const AgentSource agent = Open(dir.path(), Agent("int"));
  GiSiteCache small(2);
  std::string expected[2];
  std::string got[2];
  for (int t = 0; t < 2; ++t) expected[t] = Draw(agent, 40 + t, nullptr);
  std::vector<std::thread> threads;
  for (int t = 0; t < 2; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 3; ++round) got[t] = Draw(agent, 40 + t, &small);
    });
  }
  for (std::thread& thread : threads) thread.join();
  CHECK(got[0] == expected[0]);
  CHECK(got[1] == expected[1]);
  CHECK(small.stats().entries <= 2);
}
