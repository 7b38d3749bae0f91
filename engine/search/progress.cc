#include "engine/search/progress.h"

#include <chrono>

#include <fmt/format.h>
#include <sys/ioctl.h>

#include "engine/search/budget.h"

namespace clade::search {

namespace {

std::string Shorten(const std::string& text, size_t width) {
  if (text.size() <= width) return text;
  return text.substr(0, width - 3) + "...";
}

std::string ChildLine(const ChildEvent& child) {
  std::string score = child.score ? fmt::format("{:.3f}", *child.score) : "-";
  std::string who = child.iteration < 0
                        ? fmt::format("seed  {:>4}          ", child.id)
                        : fmt::format("child {:>4} of {:>4}", child.id, child.parent);
  return fmt::format("{}  {:<15} {:>5}  {:>6.1f}s{}  {}", who, child.status, score,
                     child.seconds, child.cached ? " (cached)" : "", Shorten(child.summary, 70));
}

// "  about 5m10s left", or nothing without an estimate.
std::string EtaText(const ProgressSnapshot& s) {
  return s.eta_seconds ? fmt::format("  about {} left", FormatSeconds(*s.eta_seconds)) : "";
}

std::string StatusLine(const ProgressSnapshot& s) {
  std::string best = s.best ? fmt::format("best {:.3f} (#{})", *s.best_score, *s.best) : "best -";
  return fmt::format("it {}  in flight {}  evaluated {}  failed {}  {}  archive {}  {}{}",
                     s.iteration, s.in_flight, s.evaluated, s.failures, best, s.archive_size,
                     s.budget, EtaText(s));
}

class PlainProgress : public Progress {
 public:
  explicit PlainProgress(std::FILE* out) : out_(out) {}
  void Status(const ProgressSnapshot&) override {}
  void Child(const ChildEvent& child, const ProgressSnapshot& snapshot) override {
    std::string best =
        snapshot.best ? fmt::format("best {:.3f} (#{})", *snapshot.best_score, *snapshot.best) : "";
    // The budget spent so far, so a log shows what the best cost (the CPU time to reach it).
    std::string budget = snapshot.budget.empty() ? "" : "  " + snapshot.budget;
    fmt::print(out_, "{}  | {}{}{}\n", ChildLine(child), best, budget, EtaText(snapshot));
    std::fflush(out_);
  }
  void Note(const std::string& line) override {
    fmt::print(out_, "{}\n", line);
    std::fflush(out_);
  }
  void Done() override {}

 private:
  std::FILE* out_;
};

class TerminalProgress : public Progress {
 public:
  explicit TerminalProgress(std::FILE* out) : out_(out) {}
  void Status(const ProgressSnapshot& snapshot) override {
    auto now = std::chrono::steady_clock::now();
    if (now - last_ < std::chrono::milliseconds(250)) return;
    last_ = now;
    Draw(StatusLine(snapshot));
  }
  void Child(const ChildEvent& child, const ProgressSnapshot& snapshot) override {
    fmt::print(out_, "\r\033[K{}\n", ChildLine(child));
    Draw(StatusLine(snapshot));
  }
  void Note(const std::string& line) override {
    fmt::print(out_, "\r\033[K{}\n", line);
    std::fflush(out_);
  }
  void Done() override {
    fmt::print(out_, "\r\033[K");
    std::fflush(out_);
  }

 private:
  void Draw(const std::string& line) {
    // Wider than the terminal, the line would wrap and \r would no longer overwrite it.
    struct winsize size {};
    size_t width = ::ioctl(::fileno(out_), TIOCGWINSZ, &size) == 0 && size.ws_col > 20
                       ? size.ws_col - 1
                       : 119;
    fmt::print(out_, "\r\033[K\033[1m{}\033[0m", Shorten(line, width));
    std::fflush(out_);
  }
  std::FILE* out_;
  std::chrono::steady_clock::time_point last_;
};

}  // namespace

std::unique_ptr<Progress> MakeProgress(std::FILE* out, bool terminal) {
  if (terminal) return std::make_unique<TerminalProgress>(out);
  return std::make_unique<PlainProgress>(out);
}

}  // namespace clade::search
