#include "engine/search/run_state.h"

namespace clade::search {

namespace {

nlohmann::json PlanToJson(const IterationPlan& plan) {
  nlohmann::json children = nlohmann::json::array();
  for (const PlannedChild& child : plan.children) {
    children.push_back({{"parent", child.parent},
                        {"seed", std::to_string(child.seed)},
                        {"donors", child.donors},
                        {"island", child.island},
                        {"model", child.model}});
  }
  return {{"iteration", plan.iteration},
          {"first_id", plan.first_id},
          {"children_before", plan.children_before},
          {"failures_before", plan.failures_before},
          {"tokens_before", plan.tokens_before},
          {"cost_before", plan.cost_before},
          {"children", children}};
}

IterationPlan PlanFromJson(const nlohmann::json& json) {
  IterationPlan plan;
  plan.iteration = json.at("iteration").get<int64_t>();
  plan.first_id = json.at("first_id").get<archive::VariantId>();
  plan.children_before = json.at("children_before").get<int64_t>();
  plan.failures_before = json.at("failures_before").get<int64_t>();
  plan.tokens_before = json.value("tokens_before", int64_t{0});
  plan.cost_before = json.value("cost_before", 0.0);
  for (const auto& child : json.at("children")) {
    plan.children.push_back({child.at("parent").get<archive::VariantId>(),
                             std::stoull(child.at("seed").get<std::string>()),
                             child.at("donors").get<std::vector<archive::VariantId>>(),
                             child.value("island", 0), child.value("model", 0)});
  }
  return plan;
}

}  // namespace

nlohmann::json RunState::ToJson() const {
  nlohmann::json json = {{"version", 1},       {"name", name},
                         {"benchmark", benchmark}, {"fingerprint", fingerprint},
                         {"status", status},   {"reason", reason},
                         {"iterations", iterations}, {"children", children},
                         {"failures", failures}, {"tokens", tokens},
                         {"cost", cost},       {"seconds", seconds},
                         {"sessions", sessions}, {"rng", rng}};
  if (task_evaluations > 0) json["task_evaluations"] = task_evaluations;
  if (cpu_seconds > 0) json["cpu_seconds"] = cpu_seconds;
  json["plan"] = plan ? PlanToJson(*plan) : nlohmann::json();
  return json;
}

Result<RunState> RunState::FromJson(const nlohmann::json& json) {
  try {
    if (json.value("version", 0) != 1) {
      return FailAs(ErrorKind::kUsage, "the run state has an unknown version");
    }
    RunState state;
    state.name = json.at("name").get<std::string>();
    state.benchmark = json.at("benchmark").get<std::string>();
    state.fingerprint = json.at("fingerprint");
    state.status = json.at("status").get<std::string>();
    state.reason = json.at("reason").get<std::string>();
    state.iterations = json.at("iterations").get<int64_t>();
    state.children = json.at("children").get<int64_t>();
    state.failures = json.at("failures").get<int64_t>();
    state.task_evaluations = json.value("task_evaluations", int64_t{0});
    state.cpu_seconds = json.value("cpu_seconds", 0.0);
    state.tokens = json.at("tokens").get<int64_t>();
    state.cost = json.at("cost").get<double>();
    state.seconds = json.at("seconds").get<double>();
    state.sessions = json.at("sessions").get<int64_t>();
    state.rng = json.at("rng").get<std::string>();
    if (!json.at("plan").is_null()) state.plan = PlanFromJson(json.at("plan"));
    return state;
  } catch (const std::exception& e) {
    return FailAs(ErrorKind::kUsage, "the run state is damaged: {}", e.what());
  }
}

}  // namespace clade::search
