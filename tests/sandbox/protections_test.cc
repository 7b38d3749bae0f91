#include "sandbox/protections.h"

#include <algorithm>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

namespace clade::sandbox {

TEST_CASE("Protections lists every protection as text and JSON") {
  const Protections& p = CurrentProtections();
  auto lines = ProtectionsText(p);
  auto json = ProtectionsJson(p);
  for (const auto& line : lines) INFO(line);
  REQUIRE(json["protections"].is_array());
  std::vector<std::string> names;
  for (const auto& item : json["protections"]) {
    names.push_back(item["name"].get<std::string>());
    CHECK(item["enforced"].is_boolean());
    CHECK_FALSE(item["how"].get<std::string>().empty());
  }
  for (const char* name :
       {"filesystem", "network", "process tree", "wall clock", "memory", "processes", "cpu",
        "file size", "open files", "output", "environment"}) {
    CHECK(std::find(names.begin(), names.end(), name) != names.end());
  }
  CHECK(lines.size() >= names.size());
  CHECK(json["bubblewrap"]["usable"].get<bool>() == p.bubblewrap);
}

TEST_CASE("Protections describe a bare machine honestly") {
  Protections bare;  // nothing works
  bare.root = true;
  auto lines = DescribeProtections(bare);
  auto find = [&](const std::string& name) {
    for (const auto& line : lines) {
      if (line.name == name) return line;
    }
    return ProtectionLine{};
  };
  CHECK_FALSE(find("filesystem").enforced);
  CHECK_FALSE(find("network").enforced);
  CHECK_FALSE(find("process tree").enforced);
  CHECK_FALSE(find("processes").enforced);
  CHECK(find("memory").enforced);  // RLIMIT_AS always holds
  CHECK(find("memory").how.find("RLIMIT_AS") != std::string::npos);
}

TEST_CASE("Protections on this machine, for the record") {
  for (const auto& line : ProtectionsText(CurrentProtections())) WARN(line);
  CHECK(ProbeProtections().bubblewrap == CurrentProtections().bubblewrap);
}

}  // namespace clade::sandbox
