#include "engine/mutation/edit.h"

#include <fmt/format.h>

namespace clade::mutation {
namespace {

template <class... Ts>
struct Overloaded : Ts... {
  using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

Result<std::string> Field(const nlohmann::json& json, const char* name, bool required = true) {
  if (!json.contains(name)) {
    if (!required) return std::string();
    return FailAs(ErrorKind::kUsage, "edit {} has no field \"{}\"", json.dump(), name);
  }
  if (!json[name].is_string()) {
    return FailAs(ErrorKind::kUsage, "field \"{}\" of an edit is not a string", name);
  }
  return json[name].get<std::string>();
}

}  // namespace

std::string Describe(const Edit& edit) {
  return std::visit(
      Overloaded{
          [](const SearchReplace& e) {
            return e.path.empty() ? std::string("search/replace")
                                  : fmt::format("search/replace in {}", e.path);
          },
          [](const ReplaceFunction& e) { return fmt::format("replace function {}", e.name); },
          [](const InsertFunction& e) {
            return e.after.empty() ? fmt::format("insert function at end of {}", e.path)
                                   : fmt::format("insert function after {}", e.after);
          },
          [](const AddFile& e) { return fmt::format("add file {}", e.path); },
          [](const ReplaceRange& e) {
            return fmt::format("replace bytes {}..{} of {}", e.offset, e.offset + e.old.size(),
                               e.path);
          },
      },
      edit);
}

nlohmann::json EditToJson(const Edit& edit) {
  return std::visit(
      Overloaded{
          [](const SearchReplace& e) -> nlohmann::json {
            return {{"op", "search_replace"},
                    {"path", e.path},
                    {"search", e.search},
                    {"replace", e.replace}};
          },
          [](const ReplaceFunction& e) -> nlohmann::json {
            return {{"op", "replace_function"}, {"name", e.name}, {"text", e.text}};
          },
          [](const InsertFunction& e) -> nlohmann::json {
            return {
                {"op", "insert_function"}, {"path", e.path}, {"after", e.after}, {"text", e.text}};
          },
          [](const AddFile& e) -> nlohmann::json {
            return {{"op", "add_file"}, {"path", e.path}, {"text", e.text}};
          },
          [](const ReplaceRange& e) -> nlohmann::json {
            return {{"op", "replace_range"},
                    {"path", e.path},
                    {"offset", e.offset},
                    {"old", e.old},
                    {"text", e.text}};
          },
      },
      edit);
}

Result<Edit> EditFromJson(const nlohmann::json& json) {
  if (!json.is_object()) return FailAs(ErrorKind::kUsage, "an edit is not a JSON object");
  const std::string op = CLADE_TRY(Field(json, "op"));
  if (op == "search_replace") {
    return SearchReplace{CLADE_TRY(Field(json, "path", false)), CLADE_TRY(Field(json, "search")),
                         CLADE_TRY(Field(json, "replace"))};
  }
  if (op == "replace_function") {
    return ReplaceFunction{CLADE_TRY(Field(json, "name")), CLADE_TRY(Field(json, "text"))};
  }
  if (op == "insert_function") {
    return InsertFunction{CLADE_TRY(Field(json, "path", false)),
                          CLADE_TRY(Field(json, "after", false)), CLADE_TRY(Field(json, "text"))};
  }
  if (op == "add_file") {
    return AddFile{CLADE_TRY(Field(json, "path")), CLADE_TRY(Field(json, "text"))};
  }
  if (op == "replace_range") {
    if (!json.contains("offset") || !json["offset"].is_number_unsigned()) {
      return FailAs(ErrorKind::kUsage,
                    "field \"offset\" of a replace_range edit is not a byte offset");
    }
    return ReplaceRange{CLADE_TRY(Field(json, "path")), json["offset"].get<size_t>(),
                        CLADE_TRY(Field(json, "old", false)),
                        CLADE_TRY(Field(json, "text", false))};
  }
  return FailAs(ErrorKind::kUsage, "unknown edit op \"{}\"", op);
}

std::string_view RejectReasonName(RejectReason reason) {
  switch (reason) {
    case RejectReason::kMissing:
      return "missing";
    case RejectReason::kAmbiguous:
      return "ambiguous";
    case RejectReason::kNotEditable:
      return "not editable";
    case RejectReason::kOverlapping:
      return "overlapping";
    case RejectReason::kSyntaxError:
      return "syntax error";
    case RejectReason::kInvalid:
      return "invalid";
  }
  return "rejected";
}

std::string EditRejection::Explain() const {
  if (diagnostics.empty()) return message;
  return message + "\n" + diagnostics;
}

}  // namespace clade::mutation
