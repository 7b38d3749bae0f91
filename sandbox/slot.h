// A build slot: the directory where one agent is built and then run on its tasks, owned
// by one evaluation at a time.
//
//   Slot slot = CLADE_TRY(Slot::Open(work / "slot-0", 2048ull << 20));
//   ... BuildAgent(options, spec, source, slot); RunTask(...) ...
//   // the destructor empties the slot
//
// A slot starts empty and is emptied when the Slot is destroyed, so nothing one variant
// wrote (a planted CMakeCache.txt, a generated header, a stale binary) reaches the next
// one. Where this process may mount file systems (root), the slot is a tmpfs of
// `disk_bytes`: the source, the build, every task's workspace and every hidden-test run of
// the evaluation share that cap, a step that fills it ends with status disk_limit
// (RunSpec::disk), and the host's disk never fills. Elsewhere the slot is a plain directory
// and disk use is not capped (protections.h says which).
// Thread safety: a Slot is owned by one thread; the paths may be used from any.
#pragma once

#include <cstdint>
#include <filesystem>

#include "support/error.h"

namespace clade::sandbox {

class Slot {
 public:
  // Empties `dir` (creating it; a tmpfs left mounted there by a process that died is
  // unmounted first) and caps it at `disk_bytes` where possible. REQUIRES: disk_bytes > 0;
  // no other Slot open on `dir`.
  static Result<Slot> Open(const std::filesystem::path& dir, uint64_t disk_bytes);
  Slot(Slot&& other) noexcept;
  Slot& operator=(Slot&&) = delete;
  Slot(const Slot&) = delete;
  Slot& operator=(const Slot&) = delete;
  ~Slot();

  const std::filesystem::path& dir() const { return dir_; }
  std::filesystem::path src() const { return dir_ / "src"; }      // the agent's source
  std::filesystem::path build() const { return dir_ / "build"; }  // its build directory
  std::filesystem::path tasks() const { return dir_ / "tasks"; }  // exists; a folder per task
  // Where the runner writes the logs of the slot's steps: beside the slot, not on its
  // capped file system, so a step that fills the slot cannot stop its own log. Exists;
  // emptied with the slot. Each log is capped by the runner (Limits::output_bytes).
  std::filesystem::path logs() const;
  // Whether the slot is a tmpfs of disk_bytes (else an uncapped directory).
  bool capped() const { return capped_; }
  uint64_t disk_bytes() const { return disk_bytes_; }

 private:
  Slot(std::filesystem::path dir, uint64_t disk_bytes, bool capped)
      : dir_(std::move(dir)), disk_bytes_(disk_bytes), capped_(capped) {}
  std::filesystem::path dir_;
  uint64_t disk_bytes_ = 0;
  bool capped_ = false;
};

// Whether the file system holding `path` has less than 64 KiB free: a capped slot that a
// step filled.
bool FileSystemFull(const std::filesystem::path& path);

// Whether this process can cap slots (it may mount a tmpfs), with the reason when not:
// for clade doctor. Probed once.
struct DiskCap {
  bool available = false;
  std::string how;  // "tmpfs of the slot's size (mount)" or why not
};
const DiskCap& CurrentDiskCap();

}  // namespace clade::sandbox
