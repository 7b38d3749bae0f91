#include "engine/cli/archive_location.h"

#include <system_error>

#include <yaml-cpp/yaml.h>

namespace clade::cli {

namespace fs = std::filesystem;

namespace {

Result<YAML::Node> LoadYaml(const fs::path& config) {
  try {
    return YAML::LoadFile(config.string());
  } catch (const YAML::BadFile&) {
    return FailAs(ErrorKind::kFailure, "cannot read {}", config.string());
  } catch (const YAML::Exception& e) {
    return FailAs(ErrorKind::kUsage, "{}:{}: {}", config.string(), e.mark.line + 1, e.msg);
  }
}

}  // namespace

Result<fs::path> ArchiveFromConfig(const fs::path& config) {
  YAML::Node root = CLADE_TRY(LoadYaml(config));
  YAML::Node run = root.IsMap() ? root["run"] : YAML::Node();
  YAML::Node archive = run.IsMap() ? run["archive"] : YAML::Node();
  if (!archive.IsDefined() || !archive.IsScalar() || archive.Scalar().empty()) {
    int line = archive.IsDefined() ? archive.Mark().line + 1 : 0;
    if (line > 0) {
      return FailAs(ErrorKind::kUsage, "{}:{}: run.archive must be a path", config.string(), line);
    }
    return FailAs(ErrorKind::kUsage, "{} has no run.archive; name the archive with --archive A",
                  config.string());
  }
  fs::path path = archive.Scalar();
  if (path.is_relative()) path = config.parent_path() / path;
  return path.lexically_normal();
}

Result<fs::path> LocateArchive(const std::string& flag, const fs::path& directory) {
  if (!flag.empty()) return fs::path(flag);
  fs::path config = directory / "clade.yaml";
  std::error_code ec;
  if (!fs::exists(config, ec)) {
    return FailAs(ErrorKind::kUsage,
                  "no archive given: pass --archive A, or run where a clade.yaml names "
                  "run.archive");
  }
  return ArchiveFromConfig(config);
}

}  // namespace clade::cli
