#include "engine/report/report_writer.h"

#include <cerrno>
#include <random>
#include <string>
#include <system_error>

#include <fcntl.h>
#include <fmt/format.h>
#include <stdio.h>
#include <unistd.h>

#include "engine/report/report_page.h"
#include "support/defer.h"
#include "support/fs.h"

namespace clade::report {

namespace {

// May `dir` be replaced by a report? Yes if it does not exist, is an empty directory, or
// holds an earlier report.
Result<> CheckReplaceable(const fs::path& dir) {
  std::error_code ec;
  auto status = fs::symlink_status(dir, ec);
  if (ec || status.type() == fs::file_type::not_found) return {};
  if (status.type() != fs::file_type::directory) {
    return FailAs(ErrorKind::kUsage, "{} exists and is not a directory; choose another -o",
                  dir.string());
  }
  if (fs::exists(dir / kMarkerFile, ec) || fs::is_empty(dir, ec)) return {};
  return FailAs(ErrorKind::kUsage,
                "{} exists and is not a clade report (it has files but no {}); choose another -o "
                "or remove it",
                dir.string(), kMarkerFile);
}

// A fresh hidden directory beside `dir`, on the same file system so rename works.
Result<fs::path> MakeStaging(const fs::path& dir) {
  fs::path parent = dir.parent_path().empty() ? fs::path(".") : dir.parent_path();
  std::error_code ec;
  fs::create_directories(parent, ec);
  if (ec) return Fail("cannot create {}: {}", parent.string(), ec.message());
  std::random_device random;
  for (int attempt = 0; attempt < 100; ++attempt) {
    fs::path staging =
        parent / fmt::format(".{}.tmp-{}-{:x}", dir.filename().string(), getpid(), random());
    if (fs::create_directory(staging, ec)) return staging;
    if (ec) return Fail("cannot create {}: {}", staging.string(), ec.message());
  }
  return Fail("cannot create a temporary directory beside {}", dir.string());
}

// Moves `staging` to `dir`. When `dir` exists, the two are exchanged in one step and the
// old report ends up in `staging`, which the caller removes.
Result<> SwapIn(const fs::path& staging, const fs::path& dir) {
  if (::renameat2(AT_FDCWD, staging.c_str(), AT_FDCWD, dir.c_str(), RENAME_NOREPLACE) == 0) {
    return {};
  }
  if (errno == EEXIST &&
      ::renameat2(AT_FDCWD, staging.c_str(), AT_FDCWD, dir.c_str(), RENAME_EXCHANGE) == 0) {
    return {};
  }
  return Fail("cannot move the report into {}: {}", dir.string(), ErrnoText(errno));
}

Result<size_t> WriteFiles(archive::Archive& archive, const fs::path& root,
                          const ReportOptions& options, const Progress& progress) {
  size_t bytes = 0;
  std::error_code ec;
  fs::create_directory(root / "variants", ec);
  if (ec) return Fail("cannot create {}: {}", (root / "variants").string(), ec.message());
  for (size_t id = 0; id < archive.size(); ++id) {
    auto detail = CLADE_TRY(DetailJson(archive, static_cast<archive::VariantId>(id), options));
    std::string script = RenderDetailScript(detail);
    CLADE_TRY(WriteFile(root / "variants" / fmt::format("{}.js", id), script));
    bytes += script.size();
    if (progress) progress(id + 1, archive.size());
  }
  std::string index = RenderIndexHtml(CLADE_TRY(SummaryJson(archive, options)));
  CLADE_TRY(WriteFile(root / "index.html", index));
  CLADE_TRY(WriteFile(root / kMarkerFile,
                      "written by clade report; the directory may be "
                      "replaced by the next clade report\n"));
  return bytes + index.size();
}

}  // namespace

Result<WrittenReport> WriteReport(archive::Archive& archive, const fs::path& dir,
                                  const ReportOptions& options, const Progress& progress) {
  fs::path target = dir.filename().empty() ? dir.parent_path() : dir;  // "out/" -> "out"
  CLADE_TRY(CheckReplaceable(target));
  fs::path staging = CLADE_TRY(MakeStaging(target));
  DEFER {
    std::error_code ignored;
    fs::remove_all(staging, ignored);
  };
  size_t bytes = CLADE_TRY(WriteFiles(archive, staging, options, progress));
  CLADE_TRY(SwapIn(staging, target));
  return WrittenReport{target / "index.html", archive.size(), bytes};
}

}  // namespace clade::report
