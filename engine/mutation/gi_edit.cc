#include "engine/mutation/gi_edit.h"

#include <cstdint>
#include <string_view>
#include <utility>

#include "engine/mutation/apply_edits.h"
#include "engine/mutation/source_index.h"

namespace clade::mutation {
namespace {

// Whether `text` is well-formed UTF-8 (no overlong forms, surrogates or values past U+10FFFF).
bool IsUtf8(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    size_t extra = 0;
    uint32_t value = 0;
    if (c < 0x80) {
      ++i;
      continue;
    } else if ((c & 0xE0) == 0xC0) {
      extra = 1, value = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      extra = 2, value = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      extra = 3, value = c & 0x07;
    } else {
      return false;
    }
    if (i + extra >= text.size()) return false;
    for (size_t j = 1; j <= extra; ++j) {
      const auto next = static_cast<unsigned char>(text[i + j]);
      if ((next & 0xC0) != 0x80) return false;
      value = (value << 6) | (next & 0x3F);
    }
    static constexpr uint32_t kMinimum[] = {0, 0x80, 0x800, 0x10000};
    if (value < kMinimum[extra] || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
      return false;
    }
    i += extra + 1;
  }
  return true;
}

}  // namespace

nlohmann::json GiEditsToJson(const std::vector<GiEdit>& edits) {
  nlohmann::json out = nlohmann::json::array();
  for (const GiEdit& edit : edits) {
    nlohmann::json item = {{"op", edit.op},     {"file", edit.file},    {"offset", edit.offset},
                           {"line", edit.line}, {"old", edit.old_text}, {"new", edit.new_text}};
    if (edit.donor) item["donor"] = *edit.donor;
    out.push_back(std::move(item));
  }
  return out;
}

Result<std::vector<GiEdit>> GiEditsFromJson(const nlohmann::json& json) {
  if (!json.is_array()) return FailAs(ErrorKind::kUsage, "a GI edit list is not a JSON array");
  std::vector<GiEdit> edits;
  for (const nlohmann::json& item : json) {
    if (!item.is_object() || !item.contains("file") || !item["file"].is_string() ||
        !item.contains("offset") || !item["offset"].is_number_unsigned() || !item.contains("old") ||
        !item["old"].is_string() || !item.contains("new") || !item["new"].is_string()) {
      return FailAs(ErrorKind::kUsage, "GI edit {} needs \"file\", \"offset\", \"old\" and \"new\"",
                    item.dump());
    }
    GiEdit edit;
    edit.op = item.value("op", std::string());
    edit.file = item["file"].get<std::string>();
    edit.offset = item["offset"].get<size_t>();
    edit.line = item.value("line", 0);
    edit.old_text = item["old"].get<std::string>();
    edit.new_text = item["new"].get<std::string>();
    if (item.contains("donor")) {
      if (!item["donor"].is_number_integer()) {
        return FailAs(ErrorKind::kUsage, "GI edit {} has a \"donor\" that is not a variant id",
                      item.dump());
      }
      edit.donor = item["donor"].get<int>();
    }
    edits.push_back(std::move(edit));
  }
  return edits;
}

bool IsRecordable(const GiEdit& edit) {
  return IsUtf8(edit.old_text) && IsUtf8(edit.new_text);
}

std::vector<Edit> ToEdits(const std::vector<GiEdit>& edits) {
  std::vector<Edit> out;
  for (const GiEdit& edit : edits) {
    out.push_back(ReplaceRange{edit.file, edit.offset, edit.old_text, edit.new_text});
  }
  return out;
}

Result<FileOverlay> ApplyEditList(const AgentSource& agent, const std::vector<GiEdit>& edits,
                                  bool format) {
  if (edits.empty()) return FileOverlay{};
  ApplyResult result =
      ApplyEdits(agent, SourceIndex{}, ToEdits(edits), {.check_syntax = false, .format = format});
  if (!result) return Fail("re-deriving a GI child: {}", result.error().Explain());
  return std::move(result->files);
}

}  // namespace clade::mutation
