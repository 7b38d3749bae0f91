// The HTTP server behind `clade serve` (docs/report.md, "The live view"): one archive,
// opened as a reader and refreshed (Archive::Refresh) on each request, so what a running
// `clade run` writes shows without a restart. It never writes.
//
//   GET /, /index.html          the report's page (engine/report), its summary inline with
//                               `live: {events: K}`, so it follows the events after K
//   GET /variants/ID.js         the variant's detail script, as `clade report` writes it
//   GET /api/variants           the variant objects of `clade log --json`
//   GET /api/variants/ID        what `clade show ID --json` prints
//   GET /api/variants/ID/diff   the unified diff against the first parent (text; empty for
//                               a seed), or against variant A with ?against=A
//   GET /api/variants/ID/log    ?path=P: the variant's stored log P (text)
//   GET /api/events             server-sent events: `event: variant` with data {"id": N,
//                               "variant": its summary object} for each new variant and
//                               each variant whose record on the served benchmark changed
//                               its status, score or confirmation,
//                               then `event: summary` (the summary's head) per batch; `id:`
//                               numbers the variant events, and a client that reconnects
//                               with Last-Event-ID (or first connects with ?since=K) gets
//                               what it missed. Each stream starts with `event: hello`,
//                               data {"server": ID}, ID new at each start of the server
//                               (its event numbers start again: a page reloads)
// Anything else is a 404 with a JSON error ({"error": "..."}), a variant that does not
// exist included; a method other than GET or HEAD is a 405.
//
// Access: with a token, every request must carry it (header `Authorization: Bearer T`, or
// `?token=T`, which also sets the cookie `clade_token` for the browser's later requests, or
// that cookie); one that does not gets a 401. Without one, a request whose Host header is
// not a loopback name gets a 403 (a DNS-rebinding page).
//
// What changed is found by one poll (Archive::Refresh, then the served benchmark's
// summaries compared with the last ones), every 0.5 s on a thread of its own and before
// each request, so no change is missed and nothing is rescanned per event.
//
// Thread safety: requests are served on httplib's threads; the archive and the event log
// are used under one lock. Listen blocks until Stop, which any thread may call.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <functional>

#include <nlohmann/json.hpp>

#include "archive/archive.h"
#include "engine/report/report_data.h"
#include "support/error.h"

namespace httplib {
class Server;
struct Request;
struct Response;
}  // namespace httplib

namespace clade::cli {

struct ServeOptions {
  std::string bind = "127.0.0.1";
  int port = 8470;       // 0: any free port (Bind returns it)
  std::string token;     // empty: no token asked
  std::string benchmark;  // records of this benchmark (default: the run's)
  int max_streams = 32;   // open event streams (pages) at once; one more is a 503
};

// Errors (kUsage): a bind address other than 127.0.0.1 or ::1 without a token; a port
// outside 0-65535; max_streams outside 1-1000.
Result<> CheckServeOptions(const ServeOptions& options);

class LiveServer {
 public:
  // Opens `archive` as a reader. Errors: those of Archive::Open, and CheckServeOptions'.
  static Result<std::unique_ptr<LiveServer>> Open(const std::filesystem::path& archive,
                                                  ServeOptions options);
  ~LiveServer();
  LiveServer(const LiveServer&) = delete;
  LiveServer& operator=(const LiveServer&) = delete;

  // Binds the address and port; returns the port. Errors name the address and port.
  Result<int> Bind();
  // Serves until Stop. REQUIRES: Bind succeeded.
  void Listen();
  void Stop();

 private:
  using Handler = std::function<void(const httplib::Request&, httplib::Response&)>;
  using Body = std::function<Result<>(const httplib::Request&, httplib::Response&)>;

  LiveServer(std::unique_ptr<archive::Archive> archive, ServeOptions options);
  void Route();
  void RouteApi();
  void RoutePage();
  void RouteEvents();
  // A handler that runs `body` under the lock on an archive brought up to date first; an
  // error is a 500 with its message.
  Handler Guarded(Body body);
  // The variant `text` names, or nullopt with a 404 sent. REQUIRES: mutex_ held.
  std::optional<archive::VariantId> VariantOf(const std::string& text,
                                              httplib::Response& response);
  // Brings the archive up to date and logs an event per new variant and per changed
  // record (LogEvents); then updates the tally and remakes head_, again at the next poll
  // if that failed. REQUIRES: mutex_ held.
  Result<> Poll();
  Result<> LogEvents();
  // Reads the model usage of these variants' records into tally_. REQUIRES: mutex_ held.
  Result<> Tally(const std::vector<archive::VariantId>& ids);
  // The page's options: the served benchmark. REQUIRES: mutex_ held.
  report::ReportOptions PageOptions() const;
  // The events from index `from` on as server-sent events (each `variant` event with the
  // variant's summary object), then one `summary` event with head_ if there were any.
  // REQUIRES: mutex_ held.
  Result<std::string> EventText(size_t from);

  std::unique_ptr<archive::Archive> archive_;
  std::mutex mutex_;  // guards archive_, benchmark_, events_, last_, head_, tally_ and streams_
  std::condition_variable changed_;  // a poll logged events, or Stop
  std::vector<archive::VariantId> events_;  // the event log: event k (id k + 1) names a variant
  // The served benchmark (--benchmark, else the run's), chosen again when the refs move.
  std::optional<std::string> benchmark_;
  std::vector<archive::RecordSummary> last_;  // the served benchmark's summaries, last seen
  nlohmann::json head_;  // report::SummaryHeadJson after the last poll that changed anything
  report::ModelTally tally_;  // the models' usage, updated per event
  std::vector<archive::VariantId> untallied_;  // logged, not yet read into tally_
  bool head_stale_ = false;  // head_ is to be remade
  int streams_ = 0;  // open event streams
  const std::string boot_;  // this server's identity, sent first on each event stream
  std::atomic<bool> stopping_{false};
  ServeOptions options_;
  std::unique_ptr<httplib::Server> server_;
  std::thread poller_;
};

}  // namespace clade::cli
