// Which model of a run's ensemble (`models:`, docs/models.md) makes the next child:
// `model_selection: fixed | round_robin | ucb`.
//
//   fixed        always the first model
//   round_robin  child k gets model k mod n
//   ucb          UCB1 (Auer et al. 2002) over the models, the reward of a child being its
//                score gain over its parent clipped at 0 (a child that fails to build or
//                is stopped at the gate earns 0). A model with no child yet comes first;
//                then the largest mean + sqrt(2 ln N / n), ties to the lower index.
//
// Children in flight count as pulls whose reward is not known yet (their model's n and the
// total N include them), so a batch drawn at once is spread over the models. Pure and
// deterministic: the same outcomes in the same order give the same choices, so a resumed
// run rebuilds the bandit from its records and chooses as an uninterrupted one.
// Not thread-safe; the search loop's thread only.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace clade::model {

enum class ModelSelection { kFixed, kRoundRobin, kUcb };

std::string_view ModelSelectionName(ModelSelection selection);  // "fixed", ...
std::optional<ModelSelection> ParseModelSelection(std::string_view name);

class ModelBandit {
 public:
  // REQUIRES: models >= 1.
  ModelBandit(ModelSelection rule, size_t models);

  // The model of the run's child number `child` (0-based, every status counted), now in
  // flight: Start() is implied.
  size_t Choose(int64_t child);
  // A child of `model` is in flight (a resumed plan's child chosen before the restart).
  void Start(size_t model);
  // The outcome of a child of `model` started before: its reward, clipped to [0, 1].
  void Finish(size_t model, double reward);
  // An outcome with no start (a record read on resume).
  void Add(size_t model, double reward);

  size_t models() const { return arms_.size(); }
  int64_t pulls(size_t model) const { return arms_.at(model).finished; }
  double mean(size_t model) const;

 private:
  struct Arm {
    int64_t finished = 0;
    int64_t in_flight = 0;
    double rewards = 0;
  };
  size_t Ucb() const;

  ModelSelection rule_;
  std::vector<Arm> arms_;
};

// A child's reward: its score minus its parent's, clipped at 0; 0 when it was not scored
// on every task (`complete` false: a build failure, the gate, tampering).
double ChildReward(bool complete, double score, double parent_score);

}  // namespace clade::model
