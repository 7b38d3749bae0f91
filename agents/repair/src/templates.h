// Repair templates: each turns one suspicious line into candidate edits of one kind
// (flip a comparison, step a constant, swap two arguments, ...). Which templates run,
// in which order and with which weight is the table `repair_templates()` in strategy.cc,
// so that a search over this agent (clade's gi: delete, copy, swap and replace
// statements, tweak constants; crossover of whole functions) can change the agent's
// repair capabilities, not only its constants.
#pragma once
#include <string>
#include <vector>

#include "localize.h"
#include "tokens.h"

struct Candidate {
  std::string file;       // relative to the workspace
  int line = 0;           // 1-based line that is replaced
  std::string text;       // the replacement (may hold several lines, or be empty)
  std::string op;         // the template's name, for the log
  double priority = 0;    // suspiciousness x template weight; see tried_before()
  int cost = 0;           // size of the change in characters
  size_t column = 0;      // where in the line the change starts (0: the whole line)
};

// One suspicious line of one file, as a template sees it.
struct RepairSite {
  const RankedLine& where;
  const std::string& line;                           // its text
  const std::vector<Token>& tokens;                  // its tokens
  const std::vector<std::string>& lines;             // every line of its file
  const std::vector<std::vector<Token>>& line_tokens;  // and their tokens
  int window = 0;  // lines within this distance are "nearby" (copy, replace_identifier)
};

// Where a template puts its candidates: each one's priority is the line's
// suspiciousness times the template's weight (times `factor`).
class Edits {
 public:
  Edits(const RepairSite& site, const char* op, double weight, std::vector<Candidate>& out)
      : site_(site), op_(op), weight_(weight), out_(out) {}

  // The line with its bytes [b, e) replaced by `with`.
  void replace(size_t b, size_t e, const std::string& with);
  // The line replaced by `text` (several lines, or "" to delete it).
  void rewrite(const std::string& text, int cost, double factor = 1.0,
               const char* op = nullptr, size_t column = 0);

 private:
  const RepairSite& site_;
  const char* op_;
  double weight_;
  std::vector<Candidate>& out_;
};

using RepairTemplate = void (*)(const RepairSite&, Edits&);

// A template as the strategy uses it: a weight of 0 or less turns it off.
struct TemplateUse {
  const char* name;
  RepairTemplate make;
  double weight;
};

// The templates. Operators are never edited inside template brackets (vector<int>).
void relational_operator(const RepairSite& s, Edits& e);  // <  <=  >  >=  ==  !=
void arithmetic_operator(const RepairSite& s, Edits& e);  // + -, * / %, += -=, ++ --
void logical_operator(const RepairSite& s, Edits& e);     // && ||, & |
void negate_condition(const RepairSite& s, Edits& e);     // if (c) -> if (!(c)); drop a '!'
void constant_step(const RepairSite& s, Edits& e);        // n -> n+1, n-1; true <-> false
void constant_set(const RepairSite& s, Edits& e);         // n -> 0, 1 (not n, n+1, n-1)
void delete_statement(const RepairSite& s, Edits& e);     // delete a simple statement
void copy_statement(const RepairSite& s, Edits& e);       // copy a nearby statement before/after
void swap_arguments(const RepairSite& s, Edits& e);       // f(a, b) -> f(b, a), neighbours only
void replace_identifier(const RepairSite& s, Edits& e);   // a variable -> another one used nearby
void widen_integer(const RepairSite& s, Edits& e);        // int -> long long
