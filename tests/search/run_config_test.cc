#include "engine/search/run_config.h"

#include "tests/test_util.h"
#include <catch2/catch.hpp>

#include "support/fs.h"

namespace clade::search {
namespace {

namespace fs = std::filesystem;

// A directory with an agent, a suite and a config file whose text the test gives.
struct ConfigDir {
  TempDir dir{"clade-config-test"};
  ConfigDir() {
    testing::WriteTree(dir.path(), {{"agents/a/agent.yaml", "name: a\nrun: \"true\"\n"},
                                    {"suites/s/suite.yaml", "name: s\ntasks: tasks/*\n"}});
  }
  fs::path Write(const std::string& text) {
    fs::path file = dir.path() / "conf" / "run.yaml";
    fs::create_directories(file.parent_path());
    REQUIRE(WriteFile(file, text));
    return file;
  }
  static std::string Minimal(const std::string& extra = "") {
    return "run:\n  archive: ../runs/r.git\n  seed: 3\nagent: ../agents/a\n"
           "benchmark: ../suites/s\n" +
           extra;
  }
};

TEST_CASE("A minimal config gets the documented defaults, paths are relative to the file") {
  ConfigDir d;
  auto config = LoadRunConfig(d.Write(ConfigDir::Minimal()));
  REQUIRE(config);
  CHECK(config->archive == (d.dir.path() / "runs/r.git").lexically_normal());
  CHECK(config->agent == (d.dir.path() / "agents/a").lexically_normal());
  CHECK(config->name == "r");
  CHECK(config->seed == 3);
  CHECK(config->mutator == "gi");
  CHECK(config->policy == "dgm");
  CHECK(config->pruning == "keep_all");
  CHECK(config->mode == SearchMode::kGenerational);
  CHECK(config->workers == 1);
  CHECK(config->ChildrenPerIteration() == 1);
  CHECK(!config->budget.iterations);
  CHECK(config->disk_mb == 2048);
  CHECK(config->read_only.empty());
}

TEST_CASE("Every section is read") {
  ConfigDir d;
  auto config = LoadRunConfig(d.Write(ConfigDir::Minimal(
      "gi: {max_operators: 3, operators: [constant, binary_operator], crossover_rate: 0.2, "
      "focus: [src/strategy.cc]}\n"
      "evaluation:\n  stages: [{tasks: 5, threshold: 0.4}, {tasks: all}]\n  task_workers: 2\n"
      "search: {mode: async, children: 4}\nworkers: 2\n"
      "selection: {policy: dgm, midpoint: top3, lambda: 5}\n"
      "pruning: {rule: max_size, max_size: 10}\n"
      "budget: {iterations: 20, variants: 50, wall_time: 15m, tokens: 1000, money: 2.5}\n"
      "sandbox: {require_isolation: true, build_seconds: 120, disk_mb: 512, read_only: [/usr]}\n")));
  REQUIRE(config);
  CHECK(config->gi.max_operators == 3);
  CHECK(config->gi.operators == std::vector<std::string>{"constant", "binary_operator"});
  CHECK(config->gi.crossover_rate == 0.2);
  CHECK(config->gi.focus == std::vector<std::string>{"src/strategy.cc"});
  REQUIRE(config->stages.size() == 2);
  CHECK(config->stages[0].tasks == 5);
  CHECK(config->stages[0].threshold == 0.4);
  CHECK(config->stages[1].tasks == 0);
  CHECK(config->task_workers == 2);
  CHECK(config->mode == SearchMode::kAsync);
  CHECK(config->ChildrenPerIteration() == 4);
  CHECK(config->selection.top_three_midpoint);
  CHECK(config->selection.lambda == 5);
  CHECK(config->pruning_options.max_size == 10);
  CHECK(*config->budget.wall_seconds == 900);
  CHECK(*config->budget.money == 2.5);
  CHECK(config->require_isolation);
  CHECK(config->build_seconds == 120);
  CHECK(config->disk_mb == 512);
  CHECK(config->read_only == std::vector<fs::path>{"/usr"});
}

TEST_CASE("An ensemble: models in order, the first behind the agents' socket, the rule in the fingerprint") {
  ConfigDir d;
  auto config = LoadRunConfig(d.Write(ConfigDir::Minimal(
      "mutator: llm\nmodels:\n  - {provider: openai, name: small, price_input: 0.1}\n"
      "  - {provider: anthropic, name: large, price_output: 15}\nmodel_selection: ucb\n")));
  REQUIRE(config);
  REQUIRE(config->models.size() == 2);
  CHECK(config->models[0].name == "small");
  CHECK(config->models[1].provider == model::Provider::kAnthropic);
  CHECK(config->models[1].price_output == 15);
  REQUIRE(config->SocketModel());
  CHECK(config->SocketModel()->name == "small");
  CHECK(config->model_selection == model::ModelSelection::kUcb);
  CHECK(config->Fingerprint()["models"]["names"] == nlohmann::json{"small", "large"});
  CHECK(config->Fingerprint()["models"]["selection"] == "ucb");
  // One `model:` is an ensemble of one, chosen always, and leaves the fingerprint as it was.
  auto one = LoadRunConfig(
      d.Write(ConfigDir::Minimal("mutator: llm\nmodel: {provider: openai, name: solo}\n")));
  REQUIRE(one);
  REQUIRE(one->models.size() == 1);
  CHECK(one->models[0].name == "solo");
  CHECK(one->model_selection == model::ModelSelection::kFixed);
  CHECK(!one->Fingerprint().contains("models"));
}

TEST_CASE("memory: on by default with five lessons or off or a number of lessons in the fingerprint") {
  ConfigDir d;
  auto deflt = LoadRunConfig(d.Write(ConfigDir::Minimal("")));
  REQUIRE(deflt);
  CHECK(deflt->memory_lessons == 5);
  CHECK(deflt->Fingerprint()["memory"] == 5);
  auto off = LoadRunConfig(d.Write(ConfigDir::Minimal("memory: off\n")));
  REQUIRE(off);
  CHECK(off->memory_lessons == 0);
  auto three = LoadRunConfig(d.Write(ConfigDir::Minimal("memory: {lessons: 3}\n")));
  REQUIRE(three);
  CHECK(three->memory_lessons == 3);
  CHECK(three->Fingerprint()["memory"] == 3);
}

TEST_CASE("Bad configs get one sentence with the file and line") {
  ConfigDir d;
  struct Case {
    std::string extra;
    std::string expected;
  };
  std::vector<Case> cases = {
      {"budgett: {iterations: 3}\n", "run.yaml:6: unknown key 'budgett' in the run configuration"},
      {"budget: {iterations: many}\n", "run.yaml:6: 'iterations' must be a number"},
      {"budget: {iterations: 2.5}\n", "run.yaml:6: 'iterations' must be a whole number >= 1"},
      {"budget: {wall_time: soon}\n", "run.yaml:6: 'wall_time' must be a duration"},
      {"mutator: magic\n", "run.yaml:6: unknown mutator 'magic'"},
      {"mutator: llm\n", "run.yaml:6: mutator 'llm' needs a 'model' or 'models' section"},
      {"mutator: llm\nmodel: {provider: openai, name: a}\nmodels: [{provider: openai, name: b}]\n",
       "run.yaml:8: give 'model' or 'models', not both"},
      {"mutator: llm\nmodels: []\n", "run.yaml:7: 'models' must be a list of models"},
      {"mutator: llm\nmodels:\n  - {provider: openai, name: a}\n  - {provider: anthropic, name: a}\n",
       "run.yaml:9: the model 'a' is listed twice in 'models'"},
      {"mutator: llm\nmodels: [{provider: openai, name: a}]\nmodel_selection: greedy\n",
       "run.yaml:8: unknown model_selection 'greedy' (expected fixed, round_robin or ucb)"},
      {"model_selection: ucb\n", "run.yaml:6: 'model_selection' needs 'models'"},
      {"memory: sometimes\n", "run.yaml:6: 'memory' must be on, off or a mapping with 'lessons'"},
      {"memory: {lesons: 3}\n", "run.yaml:6: unknown key 'lesons' in memory"},
      {"memory: {lessons: -1}\n", "run.yaml:6: 'lessons' must be a whole number >= 0"},
      {"mutator: llm\nmodels: [{provider: openai, name: a, temprature: 1}]\n", "temprature"},
      {"selection: fittest\n", "run.yaml:6: unknown selection policy 'fittest'"},
      {"gi: {operators: [teleport]}\n", "run.yaml:6: unknown gi operator 'teleport'"},
      {"gi: {focus: []}\n", "run.yaml:6: gi focus is an empty list"},
      {"search: {mode: sometimes}\n", "run.yaml:6: unknown search mode 'sometimes'"},
      {"evaluation: {stages: [{tasks: 5}, {tasks: 3}]}\n", "stage 'tasks' must grow"},
      {"evaluation: {gate: grandparent}\n", "run.yaml:6: unknown gate 'grandparent'"},
      {"evaluation: {gate: parent, stages: [{tasks: all}]}\n",
       "'gate: parent' replaces 'stages'"},
      {"evaluation: {gate: parent}\nexecutor: slurm\nslurm: {shared: /tmp}\n",
       "runs with the local executor only"},
      {"sandbox: {read_only: [opt/tools]}\n",
       "run.yaml:6: sandbox.read_only: 'opt/tools' must be an absolute path that exists"},
      {"sandbox: {read_only: [/no/such/clade/path]}\n", "'/no/such/clade/path' must be an absolute"},
      {"sandbox: {disk_mb: 1}\n", "run.yaml:6: 'disk_mb' must be a whole number >= 16"},
      {"search: {islands: 0}\n", "run.yaml:6: 'islands' must be a whole number >= 1"},
      {"search: {duplicates: sometimes}\n",
       "run.yaml:6: unknown duplicates 'sometimes' (expected reject or evaluate)"},
      {"evaluation: {validation: 1}\n",
       "run.yaml:6: a 'validation' fraction must be above 0 and below 1"},
      {"evaluation: {validation: 0}\n", "must be above 0 and below 1"},
      {"evaluation: {validation: ../suites/none}\n", "the validation suite"},
      {"evaluation: {validation: [0.3]}\n", "'validation' must be a fraction of the tasks"},
      {"evaluation: {alpha: 0.05}\n", "run.yaml:6: 'alpha' needs 'validation'"},
      {"evaluation: {validation: 0.3, alpha: 2}\n", "'alpha' must be between 0 and 1"},
      {"evaluation: {validation: 0.3, paired_test: t}\n", "unknown paired_test 't'"},
      {"evaluation: {validation: 0.3}\nexecutor: slurm\nslurm: {shared: /tmp}\n",
       "'evaluation.validation' runs with the local executor only"},
      {"evaluation: {repeats: 0}\n", "'repeats' must be a whole number >= 1"},
      {"evaluation: {repeats: 21}\n", "'repeats' must be at most 20"},
      {"evaluation: {repeats: 2, adaptive_repeats: true}\n", "it needs 'repeats: 3' or more"},
      {"evaluation: {repeats: 3, adaptive_repeats: maybe}\n",
       "'adaptive_repeats' must be true or false"},
      {"evaluation: {repeats: 2}\nexecutor: slurm\nslurm: {shared: /tmp}\n",
       "'evaluation.repeats' runs with the local executor only"},
      {"search: {expand_exponent: 0.5}\n", "run.yaml:6: 'expand_exponent' needs 'mode: tasks'"},
      {"search: {mode: tasks, expand_exponent: 2}\n", "'expand_exponent' must be between"},
      {"search: {cool_down: 1}\n", "run.yaml:6: 'cool_down' needs 'mode: tasks'"},
      {"search: {mode: tasks, cool_down: -1}\n", "'cool_down' must be between 0 and 10"},
      {"budget: {cpu_time: lots}\n", "run.yaml:6: 'cpu_time' must be a duration"},
      {"budget: {task_evaluations: 50}\n", "'task_evaluations' needs 'search.mode: tasks'"},
      {"search: {mode: tasks}\nevaluation: {gate: parent}\n",
       "run.yaml:7: 'search.mode: tasks' decides how many tasks each child runs"},
      {"search: {mode: tasks}\nevaluation: {validation: 0.3}\n",
       "'evaluation.validation' does not run with 'search.mode: tasks' yet"},
      {"search: {mode: tasks, islands: 2}\n", "'search.mode: tasks' keeps one tree"},
      {"search: {mode: tasks}\nbudget: {iterations: 3}\n", "'search.mode: tasks' has no iterations"},
      {"search: {mode: tasks}\nselection: random\n",
       "'search.mode: tasks' draws parents by its own Thompson sampling"},
  };
  for (const Case& c : cases) {
    auto config = LoadRunConfig(d.Write(ConfigDir::Minimal(c.extra)));
    INFO(c.extra);
    REQUIRE(!config);
    CHECK(config.error().kind == ErrorKind::kUsage);
    CHECK_THAT(config.error().message, Catch::Contains(c.expected));
  }
}

TEST_CASE("Tasks mode reads its exponent and its task budget") {
  ConfigDir d;
  auto config = LoadRunConfig(d.Write(ConfigDir::Minimal(
      "search: {mode: tasks, expand_exponent: 0.5}\nbudget: {variants: 30, task_evaluations: "
      "400}\n")));
  REQUIRE(config);
  CHECK(config->mode == SearchMode::kTasks);
  CHECK(config->expand_exponent == 0.5);
  CHECK(config->budget.task_evaluations == 400);
  auto cpu = LoadRunConfig(d.Write(ConfigDir::Minimal("budget: {cpu_time: 90m}\n")));
  REQUIRE(cpu);
  CHECK(cpu->budget.cpu_seconds == 5400);
  CHECK(config->Fingerprint()["mode"] == "tasks");
  CHECK(config->Fingerprint()["expand_exponent"] == 0.5);
  // The cool-down is off by default and in the fingerprint only when set, so runs from
  // before it existed resume.
  CHECK(config->cool_down == 0);
  CHECK(!config->Fingerprint().contains("cool_down"));
  auto cooled =
      LoadRunConfig(d.Write(ConfigDir::Minimal("search: {mode: tasks, cool_down: 1.5}\n")));
  REQUIRE(cooled);
  CHECK(cooled->cool_down == 1.5);
  CHECK(cooled->Fingerprint()["cool_down"] == 1.5);
}

TEST_CASE("Every example config in examples/ loads") {
  size_t loaded = 0;
  for (const auto& entry : fs::directory_iterator(clade::testing::SourceDir() / "examples")) {
    if (entry.path().extension() != ".yaml") continue;
    auto config = LoadRunConfig(entry.path());
    INFO(entry.path().string() << ": " << (config ? "" : config.error().message));
    CHECK(config);
    ++loaded;
  }
  CHECK(loaded >= 4);
}

TEST_CASE("The slurm section is read, its mistakes are one sentence with the file and line") {
  ConfigDir d;
  fs::create_directories(d.dir.path() / "shared");
  auto config = LoadRunConfig(d.Write(ConfigDir::Minimal(
      "executor: slurm\nslurm:\n  shared: ../shared\n  partition: short\n  time: \"10:00\"\n"
      "  cpus: 2\n  memory: 3G\n  sbatch_args: [--qos=low]\n  poll_seconds: 0.5\n  per: child\n"
      "  result_grace_seconds: 2\n")));
  REQUIRE(config);
  CHECK(config->executor == ExecutorKind::kSlurm);
  CHECK(config->slurm.shared == (d.dir.path() / "shared").lexically_normal());
  CHECK(config->slurm.partition == "short");
  CHECK(config->slurm.time == "10:00");
  CHECK(config->slurm.cpus == 2);
  CHECK(config->slurm.memory == "3G");
  CHECK(config->slurm.sbatch_args == std::vector<std::string>{"--qos=low"});
  CHECK(config->slurm.poll_seconds == 0.5);
  CHECK(config->slurm.result_grace_seconds == 2);
  CHECK(config->slurm.per == SlurmJobsPer::kChild);
  auto per_task = LoadRunConfig(
      d.Write(ConfigDir::Minimal("executor: slurm\nslurm:\n  shared: ../shared\n  per: task\n")));
  REQUIRE(per_task);
  CHECK(per_task->slurm.per == SlurmJobsPer::kTask);
  // Where children run is not part of what a resumed run must keep.
  auto local = LoadRunConfig(d.Write(ConfigDir::Minimal()));
  REQUIRE(local);
  CHECK(local->executor == ExecutorKind::kLocal);
  CHECK(!FingerprintChange(local->Fingerprint(), config->Fingerprint()));

  struct Case {
    std::string extra;
    std::string expected;
  };
  std::vector<Case> cases = {
      {"executor: cloud\n", "run.yaml:6: unknown executor 'cloud' (expected local or slurm)"},
      {"executor: slurm\n", "run.yaml:6: 'executor: slurm' needs a 'slurm' section"},
      {"slurm: {shared: ../shared}\n", "run.yaml:6: a 'slurm' section needs 'executor: slurm'"},
      {"executor: slurm\nslurm:\n  shared: ../shared\n  partitions: short\n",
       "run.yaml:9: unknown key 'partitions' in slurm"},
      {"executor: slurm\nslurm:\n  partition: short\n", "run.yaml:8: slurm has no 'shared'"},
      {"executor: slurm\nslurm:\n  shared: ../nowhere\n", "run.yaml:8: the shared directory"},
      {"executor: slurm\nslurm:\n  shared: ../shared\n  per: node\n",
       "run.yaml:9: unknown 'per' value 'node' (expected child or task)"},
      {"executor: slurm\nslurm:\n  shared: ../shared\n  cpus: 0\n",
       "run.yaml:9: 'cpus' must be a whole number >= 1"},
  };
  for (const Case& c : cases) {
    auto bad = LoadRunConfig(d.Write(ConfigDir::Minimal(c.extra)));
    INFO(c.extra);
    REQUIRE(!bad);
    CHECK(bad.error().kind == ErrorKind::kUsage);
    CHECK_THAT(bad.error().message, Catch::Contains(c.expected));
  }
}

TEST_CASE("A missing agent, benchmark or file is named") {
  ConfigDir d;
  auto missing_agent = LoadRunConfig(
      d.Write("run: {archive: r.git}\nagent: ../agents/none\nbenchmark: ../suites/s\n"));
  REQUIRE(!missing_agent);
  CHECK_THAT(missing_agent.error().message, Catch::Contains("run.yaml:2: the agent directory"));
  auto missing_suite = LoadRunConfig(
      d.Write("run: {archive: r.git}\nagent: ../agents/a\nbenchmark: ../suites/none\n"));
  REQUIRE(!missing_suite);
  CHECK_THAT(missing_suite.error().message, Catch::Contains("run.yaml:3: the benchmark"));
  auto no_run = LoadRunConfig(d.Write("agent: ../agents/a\nbenchmark: ../suites/s\n"));
  REQUIRE(!no_run);
  CHECK_THAT(no_run.error().message, Catch::Contains("has no 'run'"));
  auto no_file = LoadRunConfig(d.dir.path() / "nothing.yaml");
  REQUIRE(!no_file);
  CHECK_THAT(no_file.error().message, Catch::Contains("nothing.yaml"));
}

TEST_CASE("The fingerprint names the setting that changed and ignores budgets") {
  ConfigDir d;
  auto a = *LoadRunConfig(d.Write(ConfigDir::Minimal("budget: {iterations: 3}\n")));
  auto b = *LoadRunConfig(d.Write(ConfigDir::Minimal("budget: {iterations: 30}\n")));
  CHECK(!FingerprintChange(a.Fingerprint(), b.Fingerprint()));
  auto c = *LoadRunConfig(d.Write(ConfigDir::Minimal("selection: random\n")));
  auto change = FingerprintChange(a.Fingerprint(), c.Fingerprint());
  REQUIRE(change);
  CHECK(*change == "'policy' changed from \"dgm\" to \"random\"");
  // Children per iteration default to the workers: more workers make other iterations.
  auto d2 = *LoadRunConfig(d.Write(ConfigDir::Minimal("workers: 2\n")));
  CHECK(FingerprintChange(a.Fingerprint(), d2.Fingerprint()) == "'children' changed from 1 to 2");
  auto gated = *LoadRunConfig(d.Write(ConfigDir::Minimal("evaluation: {gate: parent}\n")));
  CHECK(gated.parent_gate);
  CHECK(!a.parent_gate);
  CHECK(FingerprintChange(a.Fingerprint(), gated.Fingerprint()) ==
        "'stages' changed from [] to \"gate: parent\"");
}

TEST_CASE("Validation is a fraction or a suite, with alpha and the paired test") {
  ConfigDir d;
  testing::WriteTree(d.dir.path(), {{"suites/v/suite.yaml", "name: v\ntasks: tasks/*\n"}});
  auto plain = *LoadRunConfig(d.Write(ConfigDir::Minimal()));
  CHECK(!plain.validation);
  auto fraction = *LoadRunConfig(d.Write(ConfigDir::Minimal("evaluation: {validation: 0.25}\n")));
  REQUIRE(fraction.validation);
  CHECK(fraction.validation->fraction == 0.25);
  CHECK(fraction.validation->suite.empty());
  CHECK(fraction.validation->alpha == 0.1);
  CHECK(fraction.validation->test == selection::PairedTestKind::kSign);
  auto suite = *LoadRunConfig(d.Write(ConfigDir::Minimal(
      "evaluation: {validation: ../suites/v, alpha: 0.05, paired_test: wilcoxon}\n")));
  REQUIRE(suite.validation);
  CHECK(suite.validation->suite == d.dir.path() / "suites" / "v");
  CHECK(suite.validation->fraction == 0);
  CHECK(suite.validation->alpha == 0.05);
  CHECK(suite.validation->test == selection::PairedTestKind::kWilcoxon);
  // Adding validation to a run shapes its children (the selection tasks): a resume refuses.
  auto change = FingerprintChange(plain.Fingerprint(), fraction.Fingerprint());
  REQUIRE(change);
  CHECK_THAT(*change, Catch::StartsWith("'validation' changed from null"));
}

TEST_CASE("Duplicates are rejected by default, evaluated on request, and part of the fingerprint") {
  ConfigDir d;
  auto plain = *LoadRunConfig(d.Write(ConfigDir::Minimal()));
  CHECK(plain.reject_duplicates);
  auto evaluate = *LoadRunConfig(d.Write(ConfigDir::Minimal("search: {duplicates: evaluate}\n")));
  CHECK(!evaluate.reject_duplicates);
  CHECK(FingerprintChange(plain.Fingerprint(), evaluate.Fingerprint()) ==
        "'duplicates' changed from \"reject\" to \"evaluate\"");
}

TEST_CASE("Durations") {
  CHECK(ParseDuration("90") == 90);
  CHECK(ParseDuration("15m") == 900);
  CHECK(ParseDuration("2h") == 7200);
  CHECK(ParseDuration("1.5d") == 129600);
  CHECK(!ParseDuration("soon"));
  CHECK(!ParseDuration("5y"));
  CHECK(!ParseDuration(""));
}

TEST_CASE("Repeats: evaluation.repeats and adaptive_repeats, in the fingerprint only when set") {
  ConfigDir d;
  auto plain = *LoadRunConfig(d.Write(ConfigDir::Minimal()));
  CHECK(plain.repeats.count == 1);
  CHECK_FALSE(plain.repeats.adaptive);
  CHECK_FALSE(plain.Fingerprint().contains("repeats"));  // old runs resume unchanged
  auto repeated = *LoadRunConfig(
      d.Write(ConfigDir::Minimal("evaluation: {repeats: 5, adaptive_repeats: true}\n")));
  CHECK(repeated.repeats.count == 5);
  CHECK(repeated.repeats.adaptive);
  CHECK(repeated.Fingerprint()["repeats"] == nlohmann::json{{"count", 5}, {"adaptive", true}});
}

}  // namespace
}  // namespace clade::search
