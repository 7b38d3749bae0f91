#include "engine/mutation/lesson.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <set>

#include <fmt/format.h>

#include "support/strings.h"

namespace clade::mutation {
namespace {

bool IsNameChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == ':' || c == '~';
}

// The qualified name before the first '(' of a hunk header's context ("int Foo::Bar(int x)
// {" gives "Foo::Bar"); "" when there is none or it is a keyword.
std::string FunctionOfContext(std::string_view context) {
  size_t paren = context.find('(');
  if (paren == std::string_view::npos) return "";
  size_t end = paren;
  while (end > 0 && context[end - 1] == ' ') --end;
  size_t begin = end;
  while (begin > 0 && IsNameChar(context[begin - 1])) --begin;
  std::string name(context.substr(begin, end - begin));
  while (!name.empty() && name.front() == ':') name.erase(0, 1);
  static const std::set<std::string> kKeywords = {"if",     "for",    "while", "switch",
                                                  "return", "sizeof", "catch", ""};
  return kKeywords.count(name) ? "" : name;
}

// The last component of a qualified name ("ns::Foo" -> "Foo").
std::string_view Unqualified(std::string_view name) {
  size_t colon = name.rfind("::");
  return colon == std::string_view::npos ? name : name.substr(colon + 2);
}

bool Mentions(std::string_view text, std::string_view word) {
  return !word.empty() && text.find(word) != std::string_view::npos;
}

// How many of the lesson's files, functions and failing tasks `text` names.
int Mentions(const Lesson& lesson, std::string_view text) {
  int count = 0;
  for (const std::string& file : lesson.files) {
    count += Mentions(text, std::filesystem::path(file).filename().string());
  }
  for (const std::string& function : lesson.functions) count += Mentions(text, Unqualified(function));
  for (const std::string& task : lesson.failing_tasks) count += Mentions(text, task);
  return count;
}

std::optional<double> OptionalNumber(const nlohmann::json& json, const char* key) {
  if (!json.contains(key) || !json[key].is_number()) return std::nullopt;
  return json[key].get<double>();
}

std::vector<std::string> Strings(const nlohmann::json& json, const char* key) {
  std::vector<std::string> out;
  for (const auto& item : json.value(key, nlohmann::json::array())) {
    if (item.is_string()) out.push_back(item.get<std::string>());
  }
  return out;
}

}  // namespace

bool Lesson::Improved() const { return score && parent_score && *score > *parent_score; }

std::string Lesson::Outcome() const {
  if (!score) return status;  // never scored: a failed build, no child, a duplicate
  if (!parent_score) return fmt::format("{} {:.3f}", status, *score);
  double gain = *score - *parent_score;
  const char* word = gain > 0 ? "improved" : gain < 0 ? "worse" : "no better";
  return fmt::format("{} {:.3f} -> {:.3f} ({:+.3f}{})", word, *parent_score, *score, gain,
                     status == "evaluated" ? "" : ", " + status);
}

std::string Lesson::Line() const {
  std::string by = model.empty() ? mutator : mutator + ", " + model;
  return fmt::format("#{} from #{} ({}): {}: {}", variant, parent, by, Outcome(), summary);
}

std::string Lesson::Text() const {
  std::string text = "- " + Line() + "\n";
  auto list = [&](const char* label, const std::vector<std::string>& items) {
    if (!items.empty()) text += fmt::format("  {}: {}\n", label, Join(items, ", "));
  };
  list("files", files);
  list("functions", functions);
  list("failing tasks", failing_tasks);
  if (!diagnosis.empty()) text += "  why: " + std::string(FirstLine(diagnosis)) + "\n";
  return text;
}

nlohmann::json Lesson::ToJson() const {
  return {{"variant", variant},
          {"parent", parent},
          {"mutator", mutator},
          {"model", model},
          {"summary", summary},
          {"files", files},
          {"functions", functions},
          {"status", status},
          {"score", score ? nlohmann::json(*score) : nlohmann::json()},
          {"parent_score", parent_score ? nlohmann::json(*parent_score) : nlohmann::json()},
          {"outcome", Outcome()},
          {"failing_tasks", failing_tasks},
          {"diagnosis", diagnosis}};
}

Result<Lesson> Lesson::FromJson(const nlohmann::json& json) {
  if (!json.is_object() || !json.contains("variant") || !json["variant"].is_number_integer()) {
    return Fail("a lesson is a JSON object with an integer \"variant\"");
  }
  Lesson lesson;
  lesson.variant = json["variant"].get<int>();
  lesson.parent = json.value("parent", 0);
  lesson.mutator = json.value("mutator", "");
  lesson.model = json.value("model", "");
  lesson.summary = json.value("summary", "");
  lesson.files = Strings(json, "files");
  lesson.functions = Strings(json, "functions");
  lesson.status = json.value("status", "");
  lesson.score = OptionalNumber(json, "score");
  lesson.parent_score = OptionalNumber(json, "parent_score");
  lesson.failing_tasks = Strings(json, "failing_tasks");
  lesson.diagnosis = json.value("diagnosis", "");
  return lesson;
}

ChangedCode ChangedCodeOf(std::string_view diff) {
  std::set<std::string> files, functions;
  bool in_hunk = false;
  std::string current;  // the function the hunk is in at this line, as far as it shows
  for (const std::string& line : Split(diff, '\n')) {
    if (line.rfind("diff --git ", 0) == 0) {
      in_hunk = false;
    } else if (!in_hunk && (line.rfind("+++ b/", 0) == 0 || line.rfind("--- a/", 0) == 0)) {
      files.insert(line.substr(6));
    } else if (line.rfind("@@ ", 0) == 0) {
      in_hunk = true;
      size_t close = line.find(" @@", 3);
      current = close == std::string::npos
                    ? ""
                    : FunctionOfContext(std::string_view(line).substr(close + 3));
    } else if (in_hunk && !line.empty()) {
      std::string_view body = std::string_view(line).substr(1);
      // A definition's first line: at column 0, with a '(', not a declaration.
      if (!body.empty() && !std::isspace(static_cast<unsigned char>(body[0])) &&
          body.find('(') != std::string_view::npos && body.back() != ';') {
        if (std::string name = FunctionOfContext(body); !name.empty()) current = name;
      }
      if (line[0] != ' ' && !current.empty()) functions.insert(current);
    }
  }
  return {{files.begin(), files.end()}, {functions.begin(), functions.end()}};
}

std::vector<const Lesson*> SelectLessons(const std::vector<Lesson>& lessons,
                                         const LessonQuery& query, size_t k) {
  struct Ranked {
    int mentions;
    const Lesson* lesson;
  };
  std::vector<Ranked> relevant;
  for (const Lesson& lesson : lessons) {
    int mentions = Mentions(lesson, query.text) + (lesson.parent == query.parent ? 1 : 0);
    if (mentions > 0) relevant.push_back({mentions, &lesson});
  }
  std::sort(relevant.begin(), relevant.end(), [](const Ranked& a, const Ranked& b) {
    if (a.mentions != b.mentions) return a.mentions > b.mentions;
    return a.lesson->variant > b.lesson->variant;
  });
  std::vector<const Lesson*> chosen;
  for (const Ranked& ranked : relevant) {
    if (chosen.size() == k) return chosen;
    chosen.push_back(ranked.lesson);
  }
  std::vector<const Lesson*> failures;
  for (const Lesson& lesson : lessons) {
    if (!lesson.Improved() && std::find(chosen.begin(), chosen.end(), &lesson) == chosen.end()) {
      failures.push_back(&lesson);
    }
  }
  std::sort(failures.begin(), failures.end(),
            [](const Lesson* a, const Lesson* b) { return a->variant > b->variant; });
  for (const Lesson* lesson : failures) {
    if (chosen.size() == k) break;
    chosen.push_back(lesson);
  }
  return chosen;
}

std::string RenderLessons(const std::vector<const Lesson*>& lessons) {
  if (lessons.empty()) return "";
  std::string text =
      "## Lessons from earlier children (the run's memory: do not repeat what failed)\n\n";
  for (const Lesson* lesson : lessons) text += lesson->Text();
  return text + "\n";
}

}  // namespace clade::mutation
