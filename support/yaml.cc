#include "support/yaml.h"

#include <fmt/format.h>

#include "support/fs.h"

namespace clade {

std::string Where(const std::filesystem::path& file, const YAML::Node& node) {
  YAML::Mark mark = node.Mark();
  if (mark.line < 0) return file.string();
  return fmt::format("{}:{}", file.string(), mark.line + 1);
}

Result<YamlDocument> LoadYaml(const std::filesystem::path& file) {
  std::string text = CLADE_TRY(ReadFile(file));
  try {
    YAML::Node root = YAML::Load(text);
    if (!root.IsDefined() || root.IsNull()) root = YAML::Node(YAML::NodeType::Map);
    return YamlDocument{file, root};
  } catch (const YAML::Exception& e) {
    return FailAs(ErrorKind::kUsage, "{}:{}:{}: not valid YAML: {}", file.string(), e.mark.line + 1,
                  e.mark.column + 1, e.msg);
  }
}

Result<> CheckKeys(const std::filesystem::path& file, const YAML::Node& node, std::string_view what,
                   std::initializer_list<std::string_view> allowed,
                   std::initializer_list<std::string_view> required) {
  if (!node.IsMap()) {
    return FailAs(ErrorKind::kUsage, "{}: {} must be a mapping of keys to values",
                  Where(file, node), what);
  }
  for (const auto& entry : node) {
    std::string key = entry.first.Scalar();
    bool known = false;
    for (std::string_view candidate : allowed) known = known || key == candidate;
    if (!known) {
      std::string expected;
      for (std::string_view candidate : allowed) {
        expected += (expected.empty() ? "" : ", ") + std::string(candidate);
      }
      return FailAs(ErrorKind::kUsage, "{}: unknown key '{}' in {} (expected one of: {})",
                    Where(file, entry.first), key, what, expected);
    }
  }
  for (std::string_view key : required) {
    if (!node[std::string(key)]) {
      return FailAs(ErrorKind::kUsage, "{}: {} has no '{}'", Where(file, node), what, key);
    }
  }
  return {};
}

Result<std::optional<std::string>> ReadString(const std::filesystem::path& file,
                                              const YAML::Node& node, const char* key) {
  YAML::Node value = node[key];
  if (!value) return std::optional<std::string>();
  if (!value.IsScalar()) {
    return FailAs(ErrorKind::kUsage, "{}: '{}' must be a string", Where(file, value), key);
  }
  return std::optional<std::string>(value.Scalar());
}

Result<std::optional<double>> ReadNumber(const std::filesystem::path& file, const YAML::Node& node,
                                         const char* key) {
  YAML::Node value = node[key];
  if (!value) return std::optional<double>();
  double number = 0;
  if (!value.IsScalar() || !YAML::convert<double>::decode(value, number)) {
    return FailAs(ErrorKind::kUsage, "{}: '{}' must be a number", Where(file, value), key);
  }
  return std::optional<double>(number);
}

Result<std::optional<std::vector<std::string>>> ReadStringList(const std::filesystem::path& file,
                                                               const YAML::Node& node,
                                                               const char* key) {
  YAML::Node value = node[key];
  if (!value) return std::optional<std::vector<std::string>>();
  std::vector<std::string> items;
  if (value.IsScalar()) {
    items.push_back(value.Scalar());
    return std::optional<std::vector<std::string>>(std::move(items));
  }
  if (!value.IsSequence()) {
    return FailAs(ErrorKind::kUsage, "{}: '{}' must be a string or a list of strings",
                  Where(file, value), key);
  }
  for (const auto& item : value) {
    if (!item.IsScalar()) {
      return FailAs(ErrorKind::kUsage, "{}: each item of '{}' must be a string", Where(file, item),
                    key);
    }
    items.push_back(item.Scalar());
  }
  return std::optional<std::vector<std::string>>(std::move(items));
}

}  // namespace clade
