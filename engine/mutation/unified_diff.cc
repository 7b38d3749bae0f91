#include "engine/mutation/unified_diff.h"

#include <algorithm>
#include <cstddef>
#include <vector>

#include <fmt/format.h>

namespace clade::mutation {
namespace {

// A text as lines, each with its '\n' (the last may lack it).
std::vector<std::string_view> Lines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t begin = 0;
  while (begin < text.size()) {
    size_t end = text.find('\n', begin);
    end = end == std::string_view::npos ? text.size() : end + 1;
    lines.push_back(text.substr(begin, end - begin));
    begin = end;
  }
  return lines;
}

enum class Op { kEqual, kDelete, kInsert };

// The shortest edit script from a to b (Myers 1986: the greedy forward pass, keeping each
// round's frontier, then a walk back). Time O((N+M)D), memory O(N+M+D^2).
std::vector<Op> Script(const std::vector<std::string_view>& a,
                       const std::vector<std::string_view>& b) {
  const long n = static_cast<long>(a.size()), m = static_cast<long>(b.size());
  const long offset = n + m + 1;
  std::vector<long> v(static_cast<size_t>(2 * offset + 1), 0);
  std::vector<std::vector<long>> trace;  // trace[d][k + d]: furthest x on diagonal k after d
  long final_d = 0;
  for (long d = 0; d <= n + m; ++d) {
    std::vector<long> round(static_cast<size_t>(2 * d + 1));
    bool done = false;
    for (long k = -d; k <= d; k += 2) {
      long x;
      if (k == -d || (k != d && v[static_cast<size_t>(offset + k - 1)] <
                                    v[static_cast<size_t>(offset + k + 1)])) {
        x = v[static_cast<size_t>(offset + k + 1)];  // down: an insertion
      } else {
        x = v[static_cast<size_t>(offset + k - 1)] + 1;  // right: a deletion
      }
      long y = x - k;
      while (x < n && y < m && a[static_cast<size_t>(x)] == b[static_cast<size_t>(y)]) ++x, ++y;
      v[static_cast<size_t>(offset + k)] = x;
      round[static_cast<size_t>(k + d)] = x;
      if (x >= n && y >= m) done = true;
    }
    trace.push_back(std::move(round));
    if (done) {
      final_d = d;
      break;
    }
  }
  // Walk back from (n, m).
  std::vector<Op> ops;
  long x = n, y = m;
  for (long d = final_d; d > 0; --d) {
    const std::vector<long>& prev = trace[static_cast<size_t>(d - 1)];
    auto at = [&](long k) { return prev[static_cast<size_t>(k + d - 1)]; };
    const long k = x - y;
    const bool down = k == -d || (k != d && at(k - 1) < at(k + 1));
    const long prev_k = down ? k + 1 : k - 1;
    const long prev_x = at(prev_k), prev_y = prev_x - prev_k;
    while (x > prev_x + (down ? 0 : 1) && y > prev_y + (down ? 1 : 0)) {
      ops.push_back(Op::kEqual);
      --x, --y;
    }
    ops.push_back(down ? Op::kInsert : Op::kDelete);
    x = prev_x, y = prev_y;
  }
  while (x > 0 && y > 0) {
    ops.push_back(Op::kEqual);
    --x, --y;
  }
  std::reverse(ops.begin(), ops.end());
  return ops;
}

std::string Range(size_t start, size_t count) {
  // git: "-l,n"; the line before the range when it is empty; ",1" omitted.
  if (count == 0) return fmt::format("{},0", start);
  if (count == 1) return fmt::format("{}", start + 1);
  return fmt::format("{},{}", start + 1, count);
}

void AppendLine(std::string& out, char mark, std::string_view line) {
  out += mark;
  out += line;
  if (line.empty() || line.back() != '\n') out += "\n\\ No newline at end of file\n";
}

}  // namespace

std::string UnifiedDiff(std::string_view path, const std::optional<std::string>& old_text,
                        const std::optional<std::string>& new_text, int context) {
  const std::string before = old_text.value_or(""), after = new_text.value_or("");
  if (old_text.has_value() == new_text.has_value() && before == after) return "";
  const std::vector<std::string_view> a = Lines(before), b = Lines(after);
  const std::vector<Op> ops = Script(a, b);

  std::string out = fmt::format("diff --git a/{0} b/{0}\n", path);
  if (!old_text) out += "new file mode 100644\n";
  if (!new_text) out += "deleted file mode 100644\n";
  out += old_text ? fmt::format("--- a/{}\n", path) : "--- /dev/null\n";
  out += new_text ? fmt::format("+++ b/{}\n", path) : "+++ /dev/null\n";

  // Positions in a and b before each op, then hunks: runs of changes closer than 2*context.
  const size_t c = static_cast<size_t>(std::max(0, context));
  std::vector<size_t> at_a(ops.size() + 1), at_b(ops.size() + 1);
  for (size_t i = 0; i < ops.size(); ++i) {
    at_a[i + 1] = at_a[i] + (ops[i] != Op::kInsert ? 1 : 0);
    at_b[i + 1] = at_b[i] + (ops[i] != Op::kDelete ? 1 : 0);
  }
  size_t i = 0;
  while (i < ops.size()) {
    while (i < ops.size() && ops[i] == Op::kEqual) ++i;
    if (i == ops.size()) break;
    const size_t first = i >= c ? i - c : 0;
    size_t last = i;  // one past the last change of the hunk
    size_t j = i;
    while (j < ops.size()) {
      if (ops[j] != Op::kEqual) {
        last = ++j;
        continue;
      }
      size_t run = j;
      while (run < ops.size() && ops[run] == Op::kEqual) ++run;
      if (run == ops.size() || run - j > 2 * c) break;
      j = run;
    }
    const size_t end = std::min(ops.size(), last + c);
    out += fmt::format("@@ -{} +{} @@\n", Range(at_a[first], at_a[end] - at_a[first]),
                       Range(at_b[first], at_b[end] - at_b[first]));
    for (size_t k = first; k < end; ++k) {
      if (ops[k] == Op::kEqual) AppendLine(out, ' ', a[at_a[k]]);
      if (ops[k] == Op::kDelete) AppendLine(out, '-', a[at_a[k]]);
      if (ops[k] == Op::kInsert) AppendLine(out, '+', b[at_b[k]]);
    }
    i = end;
  }
  return out;
}

std::string UnifiedDiff(
    const std::map<std::string, std::pair<std::optional<std::string>, std::optional<std::string>>>&
        files,
    int context) {
  std::string out;
  for (const auto& [path, texts] : files)
    out += UnifiedDiff(path, texts.first, texts.second, context);
  return out;
}

}  // namespace clade::mutation
