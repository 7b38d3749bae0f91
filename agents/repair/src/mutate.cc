#include "mutate.h"

#include <algorithm>
#include <iterator>
#include <set>
#include <tuple>

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  size_t b = 0;
  while (b < text.size()) {
    size_t e = text.find('\n', b);
    if (e == std::string::npos) e = text.size();
    lines.push_back(text.substr(b, e - b));
    b = e + 1;
  }
  return lines;
}

std::string apply_candidate(const std::string& original, const Candidate& c) {
  std::vector<std::string> lines = split_lines(original);
  std::string out;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (int(i) + 1 == c.line) {
      if (c.text.empty()) continue;  // deleted line
      out += c.text;
    } else {
      out += lines[i];
    }
    out += '\n';
  }
  if (!original.empty() && original.back() != '\n' && !out.empty()) out.pop_back();
  return out;
}

std::vector<Candidate> generate_candidates(const std::map<std::string, std::string>& files,
                                           const std::vector<RankedLine>& ranked,
                                           const MutateOptions& opt) {
  // Tokens of every line of every file (block-comment state carried along).
  std::map<std::string, std::vector<std::string>> lines;
  std::map<std::string, std::vector<std::vector<Token>>> tokens;
  for (const auto& [name, text] : files) {
    lines[name] = split_lines(text);
    bool in_block = false;
    for (const auto& l : lines[name]) tokens[name].push_back(tokenize(l, in_block));
  }

  std::vector<Candidate> out;
  int taken = 0;
  for (const RankedLine& r : ranked) {
    if (taken >= opt.top_lines) break;
    auto lf = lines.find(r.file);
    if (lf == lines.end() || r.line < 1 || r.line > int(lf->second.size())) continue;
    const std::string& line = lf->second[r.line - 1];
    const auto& toks = tokens[r.file][r.line - 1];
    if (toks.empty() || trim(line)[0] == '#') continue;
    ++taken;
    RepairSite site{r, line, toks, lf->second, tokens[r.file], opt.copy_window};
    std::vector<Candidate> here;
    for (const TemplateUse& use : opt.templates) {
      if (!(use.weight > 0)) continue;
      Edits edits(site, use.name, use.weight, here);
      use.make(site, edits);
    }
    // Within a line, equal priorities (two templates of one weight) go left to right.
    std::stable_sort(here.begin(), here.end(), [](const Candidate& a, const Candidate& b) {
      return a.priority > b.priority || (a.priority == b.priority && a.column < b.column);
    });
    out.insert(out.end(), std::make_move_iterator(here.begin()),
               std::make_move_iterator(here.end()));
  }

  std::stable_sort(out.begin(), out.end(), opt.tried_before);
  std::set<std::tuple<std::string, int, std::string>> seen;
  std::vector<Candidate> unique;
  for (auto& c : out) {
    if (unique.size() >= opt.max_candidates) break;
    if (seen.insert({c.file, c.line, c.text}).second) unique.push_back(std::move(c));
  }
  return unique;
}
