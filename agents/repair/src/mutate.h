// Repair operators: candidate single-line edits at suspicious lines, produced by a
// text-level tokenizer (no parsing beyond matching brackets on one line).
#pragma once
#include <map>
#include <string>
#include <vector>

#include "localize.h"

struct Candidate {
  std::string file;       // relative to the workspace
  int line = 0;           // 1-based line that is replaced
  std::string text;       // the replacement (may hold several lines, or be empty)
  std::string op;         // operator name, for the log
  double priority = 0;    // suspiciousness x operator weight; higher is tried first
  int cost = 0;           // size of the change in characters; smaller wins ties
};

// How much each kind of edit is trusted to be a fix, relative to the others. A
// candidate's priority is its line's suspiciousness times its operator's weight.
struct OperatorWeights {
  double relational = 0;       // <  <=  >  >=  ==  !=
  double constant_step = 0;    // n -> n+1, n-1; true <-> false
  double arithmetic = 0;       // + -, * / %, += -=, ++ --
  double logical = 0;          // && ||, & |
  double negate = 0;           // if (c) -> if (!(c)); drop a '!'
  double constant_set = 0;     // n -> 0, 1
  double delete_statement = 0; // delete the statement
  double copy = 0;             // copy a nearby statement before/after
};

// The values the agent uses are in strategy.cc.
struct MutateOptions {
  int top_lines = 0;          // how many of the most suspicious lines are mutated
  int copy_window = 0;        // statements copied from at most this many lines away
  size_t max_candidates = 0;  // candidates kept, best first
  OperatorWeights weights;
};

// Candidates for the `ranked` lines, best first. `files` maps each source path to its text.
std::vector<Candidate> generate_candidates(const std::map<std::string, std::string>& files,
                                           const std::vector<RankedLine>& ranked,
                                           const MutateOptions& opt);

// The text of `original` with candidate `c` applied (c.file must be its file).
std::string apply_candidate(const std::string& original, const Candidate& c);

std::vector<std::string> split_lines(const std::string& text);
