#include "engine/model/prompts.h"

#include "tests/test_util.h"
#include <catch2/catch.hpp>

#include "support/fs.h"

namespace clade::model {

TEST_CASE("The built-in prompts load and render their placeholders") {
  Prompts prompts = Prompts::Load("").value();
  std::string diagnose = prompts.Render("diagnose", {{"agent_name", "repair"},
                                                     {"score", "0.5"},
                                                     {"outline", "OUTLINE"},
                                                     {"task_id", "t7"},
                                                     {"task_log", "LOG"},
                                                     {"lessons", ""}});
  CHECK(diagnose.find("# The agent: repair") != std::string::npos);
  // With no lesson the section is absent: the prompt reads as it did before the memory.
  CHECK(diagnose.find("```\n\n## What to do") != std::string::npos);
  CHECK(diagnose.find("OUTLINE") != std::string::npos);
  CHECK(diagnose.find("{{") == std::string::npos);
  CHECK(prompts.Origin("implement") == "built-in");
  for (const auto& [name, text] : BuiltinPrompts()) CHECK(!text.empty());
}

TEST_CASE("A prompt directory overrides templates one by one, and is checked") {
  TempDir dir("prompts");
  testing::WriteTree(dir.path(), {{"retry.txt", "Wrong:\n{{rejection}}\n"}});
  Prompts prompts = Prompts::Load(dir.path()).value();
  CHECK(prompts.Render("retry", {{"rejection", "bad"}}) == "Wrong:\nbad\n");
  CHECK(prompts.Origin("retry") == (dir.path() / "retry.txt").string());
  CHECK(prompts.Origin("diagnose") == "built-in");

  testing::WriteTree(dir.path(), {{"diagnose.txt", "ok\n{{outline}}\n{{failing_log}}\n"}});
  Result<Prompts> bad = Prompts::Load(dir.path());
  REQUIRE(!bad);
  CHECK(bad.error().kind == ErrorKind::kUsage);
  CHECK(bad.error().message ==
        (dir.path() / "diagnose.txt").string() +
            ":3: unknown placeholder {{failing_log}} (this prompt has: agent_name, lessons, "
            "outline, score, task_id, task_log)");
  std::filesystem::remove(dir.path() / "diagnose.txt");
  testing::WriteTree(dir.path(), {{"notes.md", "x"}});
  CHECK(!Prompts::Load(dir.path()));
  CHECK(!Prompts::Load(dir.path() / "missing"));
}

}  // namespace clade::model
