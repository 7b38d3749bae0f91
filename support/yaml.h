// Reading the YAML files users write (agent.yaml, suite.yaml, task.yaml, run configs)
// with strict keys. Every error is one sentence starting "FILE:LINE: ".
#pragma once

#include <filesystem>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "support/error.h"

namespace clade {

// A YAML document and the file it came from, for messages.
struct YamlDocument {
  std::filesystem::path file;
  YAML::Node root;
};

// Parses a file. Errors: kNotFound if it does not exist, kUsage with "FILE:LINE:COL: ..."
// if it is not valid YAML.
Result<YamlDocument> LoadYaml(const std::filesystem::path& file);

// "FILE:LINE" of a node (lines counted from 1).
std::string Where(const std::filesystem::path& file, const YAML::Node& node);

// Checks that `node` is a mapping whose keys are all in `allowed` and include every key
// in `required`. `what` names the mapping in messages ("the task", "limits").
Result<> CheckKeys(const std::filesystem::path& file, const YAML::Node& node, std::string_view what,
                   std::initializer_list<std::string_view> allowed,
                   std::initializer_list<std::string_view> required = {});

// Typed reads of `node[key]`; a missing key gives nullopt, a value of the wrong type a
// kUsage error naming file, line and key.
Result<std::optional<std::string>> ReadString(const std::filesystem::path& file,
                                              const YAML::Node& node, const char* key);
Result<std::optional<double>> ReadNumber(const std::filesystem::path& file, const YAML::Node& node,
                                         const char* key);
Result<std::optional<std::vector<std::string>>> ReadStringList(const std::filesystem::path& file,
                                                               const YAML::Node& node,
                                                               const char* key);

}  // namespace clade
