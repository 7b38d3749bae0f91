// Where the harness keeps build slots and scratch space, and claiming a slot
// so that two clade processes never build in the same one.
#pragma once

#include <filesystem>
#include <string>

#include "support/error.h"
#include "support/fd.h"

namespace clade::cli {

// --work if given, else $XDG_CACHE_HOME/clade/work, else $HOME/.cache/clade/work.
std::filesystem::path WorkDirectory(const std::string& flag);

// A build slot held (by flock) for the life of this object.
struct SlotClaim {
  int slot = -1;
  Fd lock;
};

// Claims the first free slot of `work` (0..63).
Result<SlotClaim> ClaimSlot(const std::filesystem::path& work);

}  // namespace clade::cli
