// Candidate edits at suspicious lines: the strategy's repair templates (templates.h) run
// on each of the most suspicious lines, and the candidates are put in the order the
// strategy tries them.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "localize.h"
#include "templates.h"

// The values the agent uses are in strategy.cc.
struct MutateOptions {
  int top_lines = 0;          // how many of the most suspicious lines are mutated
  int copy_window = 0;        // "nearby" lines for the templates (RepairSite::window)
  size_t max_candidates = 0;  // candidates kept, first tried first
  std::vector<TemplateUse> templates;  // run in this order; weight <= 0 is off
  // Whether `a` is tried before `b` (a strict weak order); REQUIRES: not null.
  bool (*tried_before)(const Candidate& a, const Candidate& b) = nullptr;
};

// Candidates for the `ranked` lines, in the order of opt.tried_before (on a tie, the order
// they were made in: line rank, then priority, then left to right, then table order), the
// same line rewritten to the same text once. `files` maps each source path to its text.
std::vector<Candidate> generate_candidates(const std::map<std::string, std::string>& files,
                                           const std::vector<RankedLine>& ranked,
                                           const MutateOptions& opt);

// The text of `original` with candidate `c` applied (c.file must be its file).
std::string apply_candidate(const std::string& original, const Candidate& c);

std::vector<std::string> split_lines(const std::string& text);
