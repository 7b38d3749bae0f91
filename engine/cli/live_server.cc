#include "engine/cli/live_server.h"

#include <fmt/format.h>
#include <httplib.h>

#include <algorithm>
#include <chrono>
#include <numeric>

#include <sys/socket.h>
#include <unistd.h>

#include "engine/cli/command.h"
#include "engine/cli/output.h"
#include "engine/cli/show_command.h"
#include "engine/report/report_data.h"
#include "engine/report/report_page.h"
#include "support/strings.h"

namespace clade::cli {
namespace {

constexpr char kCookie[] = "clade_token";

void SendError(httplib::Response& response, int status, const std::string& message) {
  response.status = status;
  response.set_content(nlohmann::json{{"error", message}}.dump() + "\n", "application/json");
}

// JSON text of archive data, whose text may be invalid UTF-8 (a commit subject quoting a
// Latin-1 line): replaced by U+FFFD, never an exception (one in an event stream's provider
// would end the server).
std::string JsonText(const nlohmann::json& value, int indent = -1) {
  return value.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

void SendJson(httplib::Response& response, const nlohmann::json& value) {
  response.set_content(JsonText(value, 2) + "\n", "application/json");
}

// Equal in time independent of where they differ (the token is a secret).
bool SameSecret(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return false;
  unsigned char differ = 0;
  for (size_t i = 0; i < a.size(); ++i) differ |= static_cast<unsigned char>(a[i] ^ b[i]);
  return differ == 0;
}

// The value of cookie `name` in a Cookie header ("" when absent).
std::string CookieValue(const std::string& header, const std::string& name) {
  for (const std::string& part : Split(header, ';')) {
    std::string_view pair = Trim(part);
    if (pair.size() > name.size() && pair.substr(0, name.size()) == name &&
        pair[name.size()] == '=') {
      return std::string(pair.substr(name.size() + 1));
    }
  }
  return "";
}

// Whether the request carries the token; with ?token= the response also sets the cookie.
bool Authorised(const httplib::Request& request, httplib::Response& response,
                const std::string& token) {
  if (token.empty()) return true;
  std::string bearer = request.get_header_value("Authorization");
  if (bearer.rfind("Bearer ", 0) == 0 && SameSecret(bearer.substr(7), token)) return true;
  if (request.has_param("token") && SameSecret(request.get_param_value("token"), token)) {
    response.set_header("Set-Cookie", std::string(kCookie) + "=" + token +
                                          "; Path=/; HttpOnly; SameSite=Strict");
    return true;
  }
  return SameSecret(CookieValue(request.get_header_value("Cookie"), kCookie), token);
}

bool SameOutcome(const archive::RecordSummary& a, const archive::RecordSummary& b) {
  return a.status == b.status && a.score == b.score && a.confirmed == b.confirmed;
}

void NoStore(httplib::Response& response) { response.set_header("Cache-Control", "no-store"); }

// httplib answers a client that accepts brotli with brotli at its highest quality: 2.6 s
// for the 1.5 MB page of a 10,000-variant archive, against about 30 ms for gzip. So a
// request's Accept-Encoding keeps gzip only. (The request is httplib's own, not const; the
// pre-routing handler is the one place to change it before the response is encoded.)
void AvoidBrotli(httplib::Request& request) {
  auto accepted = request.headers.find("Accept-Encoding");
  if (accepted == request.headers.end()) return;
  accepted->second = accepted->second.find("gzip") != std::string::npos ? "gzip" : "identity";
}

bool IsLoopback(const std::string& address) {
  return address == "127.0.0.1" || address == "::1";
}

// Whether a Host header names this machine's loopback (with or without a port). Without a
// token, clade serve listens on loopback only, but a page of another site can still reach
// it through a name that resolves to 127.0.0.1 (DNS rebinding), and read the archive as
// its own origin: such a request names that site in its Host header.
bool LoopbackHost(const std::string& host) {
  std::string name = host;
  if (name.starts_with("[")) {
    name = name.substr(1, name.find(']') == std::string::npos ? 0 : name.find(']') - 1);
  } else if (size_t colon = name.rfind(':'); colon != std::string::npos) {
    name.resize(colon);
  }
  return IsLoopback(name) || name == "localhost";
}

}  // namespace

Result<> CheckServeOptions(const ServeOptions& options) {
  if (!IsLoopback(options.bind) && options.token.empty()) {
    return FailAs(ErrorKind::kUsage,
                  "binding {} would let other machines read the archive: give --token T (then "
                  "every request must carry it), or bind 127.0.0.1 or ::1",
                  options.bind);
  }
  if (options.max_streams < 1 || options.max_streams > 1000) {
    return FailAs(ErrorKind::kUsage, "--max-pages {} is not between 1 and 1000",
                  options.max_streams);
  }
  if (options.port < 0 || options.port > 65535) {
    return FailAs(ErrorKind::kUsage, "--port {} is not a port (0-65535)", options.port);
  }
  return {};
}

Result<std::unique_ptr<LiveServer>> LiveServer::Open(const std::filesystem::path& archive,
                                                     ServeOptions options) {
  CLADE_TRY(CheckServeOptions(options));
  auto opened = CLADE_TRY(OpenArchiveAt(archive, archive::Mode::kRead));
  std::unique_ptr<LiveServer> server(new LiveServer(std::move(opened), std::move(options)));
  server->benchmark_ = CLADE_TRY(ChooseBenchmark(*server->archive_, server->options_.benchmark));
  if (server->benchmark_) {
    server->last_ = *CLADE_TRY(server->archive_->Summaries(*server->benchmark_));
  }
  std::vector<archive::VariantId> all(server->archive_->size());
  std::iota(all.begin(), all.end(), archive::VariantId{0});
  CLADE_TRY(server->Tally(all));
  server->head_ =
      CLADE_TRY(report::SummaryHeadJson(*server->archive_, server->PageOptions(), &server->tally_));
  server->Route();
  return server;
}

LiveServer::LiveServer(std::unique_ptr<archive::Archive> archive, ServeOptions options)
    : archive_(std::move(archive)),
      boot_(fmt::format("{}-{}", ::getpid(),
                        std::chrono::system_clock::now().time_since_epoch().count())),
      options_(std::move(options)),
      server_(std::make_unique<httplib::Server>()) {
  // httplib's pool has 8 threads here, and each open event stream keeps one: a thread per
  // allowed stream, and as many again for the page and the API.
  size_t threads = static_cast<size_t>(options_.max_streams) + 16;
  server_->new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
}

LiveServer::~LiveServer() {
  Stop();
  if (poller_.joinable()) poller_.join();
}

Result<> LiveServer::Poll() {
  CLADE_TRY(LogEvents());
  if (untallied_.empty() && !head_stale_) return {};
  // Tried again at the next poll until it succeeds.
  CLADE_TRY(Tally(untallied_));
  untallied_.clear();
  head_ = CLADE_TRY(report::SummaryHeadJson(*archive_, PageOptions(), &tally_));
  head_stale_ = false;
  changed_.notify_all();
  return {};
}

Result<> LiveServer::LogEvents() {
  archive::Archive::Refreshed refreshed = CLADE_TRY(archive_->Refresh());
  if (refreshed.empty()) return {};
  std::vector<archive::RecordSummary> now;
  // The run's benchmark may have appeared (the first record, or the run state written).
  benchmark_ = CLADE_TRY(ChooseBenchmark(*archive_, options_.benchmark));
  if (benchmark_) now = *CLADE_TRY(archive_->Summaries(*benchmark_));
  // Variants seen before this poll: an event when their record changed, a first record
  // (no summary seen yet, as before the benchmark had any) included.
  size_t before = events_.size();
  size_t known = archive_->size() - refreshed.added.size();
  for (size_t id = 0; id < std::min(known, now.size()); ++id) {
    archive::RecordSummary seen = id < last_.size() ? last_[id] : archive::RecordSummary{};
    if (!SameOutcome(now[id], seen)) events_.push_back(static_cast<archive::VariantId>(id));
  }
  events_.insert(events_.end(), refreshed.added.begin(), refreshed.added.end());
  last_ = std::move(now);
  untallied_.insert(untallied_.end(), events_.begin() + static_cast<std::ptrdiff_t>(before),
                    events_.end());
  // Pruning (a refreshed flag, no event) changes the summary's head too.
  head_stale_ = true;
  return {};
}

Result<> LiveServer::Tally(const std::vector<archive::VariantId>& ids) {
  if (!benchmark_) return {};
  for (archive::VariantId id : ids) CLADE_TRY(tally_.Update(*archive_, *benchmark_, id));
  return {};
}

report::ReportOptions LiveServer::PageOptions() const {
  report::ReportOptions options;
  options.benchmark = benchmark_;
  return options;
}

Result<std::string> LiveServer::EventText(size_t from) {
  report::ReportOptions options = PageOptions();
  std::string text;
  for (size_t k = from; k < events_.size(); ++k) {
    nlohmann::json variant = CLADE_TRY(report::VariantSummaryJson(*archive_, events_[k], options));
    nlohmann::json data = {{"id", events_[k]}, {"variant", std::move(variant)}};
    text += fmt::format("id: {}\nevent: variant\ndata: {}\n\n", k + 1, JsonText(data));
  }
  if (from < events_.size()) {
    // The state after these events; no id, so a reconnect resumes after the variants.
    text += fmt::format("event: summary\ndata: {}\n\n", JsonText(head_));
  }
  return text;
}

void LiveServer::Route() {
  server_->set_pre_routing_handler([this](const httplib::Request& request,
                                          httplib::Response& response) {
    if (!Authorised(request, response, options_.token)) {
      SendError(response, 401, "this clade serve needs its token (Authorization: Bearer T)");
      return httplib::Server::HandlerResponse::Handled;
    }
    if (options_.token.empty() && !LoopbackHost(request.get_header_value("Host"))) {
      SendError(response, 403,
                "clade serve without a token answers only requests to 127.0.0.1, ::1 or "
                "localhost (this one names another host: a DNS-rebinding page?)");
      return httplib::Server::HandlerResponse::Handled;
    }
    if (request.method != "GET" && request.method != "HEAD") {
      SendError(response, 405, "clade serve is read-only: only GET is served");
      return httplib::Server::HandlerResponse::Handled;
    }
    AvoidBrotli(const_cast<httplib::Request&>(request));
    return httplib::Server::HandlerResponse::Unhandled;
  });
  server_->set_error_handler([](const httplib::Request&, httplib::Response& response) {
    if (response.body.empty()) SendError(response, response.status, "not found");
  });
  RouteApi();
  RoutePage();
  RouteEvents();
}

LiveServer::Handler LiveServer::Guarded(Body body) {
  return [this, body](const httplib::Request& request, httplib::Response& response) {
    std::lock_guard lock(mutex_);
    Result<> result = Poll().and_then([&] { return body(request, response); });
    if (!result) SendError(response, 500, result.error().message);
  };
}

std::optional<archive::VariantId> LiveServer::VariantOf(const std::string& text,
                                                        httplib::Response& response) {
  long long id = -1;
  if (!ParseNonNegative(text, &id) || id >= static_cast<long long>(archive_->size())) {
    SendError(response, 404, fmt::format("no variant {} in {}", text, archive_->path().string()));
    return std::nullopt;
  }
  return static_cast<archive::VariantId>(id);
}

void LiveServer::RouteApi() {
  using Request = httplib::Request;
  using Response = httplib::Response;
  server_->Get("/api/variants", Guarded([this](const Request&, Response& response) -> Result<> {
    ArchiveView view = CLADE_TRY(LoadArchiveView(*archive_, options_.benchmark));
    SendJson(response, VariantListJson(view));
    return {};
  }));
  server_->Get(R"(/api/variants/(\d+))",
               Guarded([this](const Request& request, Response& response) -> Result<> {
                 auto id = VariantOf(request.matches[1].str(), response);
                 if (!id) return {};
                 SendJson(response, CLADE_TRY(ShowVariantJson(*archive_, std::to_string(*id),
                                                              options_.benchmark, false)));
                 return {};
               }));
  server_->Get(R"(/api/variants/(\d+)/diff)",
               Guarded([this](const Request& request, Response& response) -> Result<> {
                 auto id = VariantOf(request.matches[1].str(), response);
                 if (!id) return {};
                 const archive::Variant& v = archive_->variant(*id);
                 std::optional<archive::VariantId> from;
                 if (!v.parents.empty()) from = v.parents.front();
                 if (request.has_param("against")) {
                   from = VariantOf(request.get_param_value("against"), response);
                   if (!from) return {};
                 }
                 std::string diff = from ? CLADE_TRY(archive_->Diff(*from, *id)) : "";
                 response.set_content(diff, "text/x-diff; charset=utf-8");
                 return {};
               }));
  server_->Get(R"(/api/variants/(\d+)/log)",
               Guarded([this](const Request& request, Response& response) -> Result<> {
                 auto id = VariantOf(request.matches[1].str(), response);
                 if (!id) return {};
                 std::string path = request.get_param_value("path");
                 std::optional<std::string> text;
                 if (!path.empty()) text = CLADE_TRY(archive_->Log(*id, path));
                 if (!text) {
                   SendError(response, 404,
                             fmt::format("variant {} has no stored log \"{}\"", *id, path));
                   return {};
                 }
                 response.set_content(*text, "text/plain; charset=utf-8");
                 return {};
               }));
}

void LiveServer::RoutePage() {
  using Request = httplib::Request;
  using Response = httplib::Response;
  server_->Get(R"(/(index\.html)?)", Guarded([this](const Request&, Response& response) -> Result<> {
    nlohmann::json summary = CLADE_TRY(report::SummaryJson(*archive_, PageOptions(), &tally_));
    // The page asks for the events after this many, so none between its summary and its
    // connection is lost.
    summary["live"] = {{"events", events_.size()}};
    NoStore(response);
    response.set_content(report::RenderIndexHtml(summary), "text/html; charset=utf-8");
    return {};
  }));
  server_->Get(R"(/variants/(\d+)\.js)",
               Guarded([this](const Request& request, Response& response) -> Result<> {
                 auto id = VariantOf(request.matches[1].str(), response);
                 if (!id) return {};
                 nlohmann::json detail =
                     CLADE_TRY(report::DetailJson(*archive_, *id, PageOptions()));
                 NoStore(response);
                 response.set_content(report::RenderDetailScript(detail),
                                      "text/javascript; charset=utf-8");
                 return {};
               }));
}

Result<int> LiveServer::Bind() {
  // httplib's default also sets SO_REUSEPORT, with which a second `clade serve` on the same
  // port starts without an error and the kernel splits the requests between the two.
  server_->set_socket_options([](socket_t sock) {
    int yes = 1;
    ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  int port = options_.port == 0 ? server_->bind_to_any_port(options_.bind)
                                : (server_->bind_to_port(options_.bind, options_.port)
                                       ? options_.port
                                       : -1);
  if (port < 0) {
    return Fail("cannot listen on {} port {} (in use, or not an address of this machine)",
                options_.bind, options_.port);
  }
  return port;
}

void LiveServer::RouteEvents() {
  server_->Get("/api/events", [this](const httplib::Request& request,
                                     httplib::Response& response) {
    size_t next = 0;
    {
      std::lock_guard lock(mutex_);
      // Each open stream holds one of the server's threads: beyond the cap, a 503, so the
      // page and the API keep threads to answer with.
      if (streams_ >= options_.max_streams) {
        SendError(response, 503,
                  fmt::format("clade serve already has {} open event streams (pages); close "
                              "one, or start it with a larger --max-pages",
                              options_.max_streams));
        return;
      }
      ++streams_;
      // Where to start: after the client's Last-Event-ID (a reconnect), else after ?since=
      // (the page's first connection: the events its summary had), else from now.
      long long last_id = -1;
      if (ParseNonNegative(request.get_header_value("Last-Event-ID"), &last_id) ||
          ParseNonNegative(request.get_param_value("since"), &last_id)) {
        next = std::min(static_cast<size_t>(last_id), events_.size());
      } else {
        next = events_.size();
      }
    }
    response.set_header("Cache-Control", "no-cache");
    auto closed = [this](bool) {
      std::lock_guard lock(mutex_);
      --streams_;
    };
    response.set_chunked_content_provider(
        "text/event-stream", [this, next, greeted = false](size_t, httplib::DataSink& sink) mutable {
          if (!greeted) {  // which server this is: a page that sees another one reloads
            greeted = true;
            std::string hello = fmt::format("event: hello\ndata: {{\"server\": \"{}\"}}\n\n", boot_);
            return sink.write(hello.data(), hello.size());
          }
          std::unique_lock lock(mutex_);
          changed_.wait_for(lock, std::chrono::seconds(1),
                            [&] { return stopping_.load() || events_.size() > next; });
          if (stopping_) {
            sink.done();
            return true;
          }
          Result<std::string> events = EventText(next);
          if (!events) {  // tried again in a second, not at once
            lock.unlock();
            std::this_thread::sleep_for(std::chrono::seconds(1));
            std::string retry = ": retrying after a read error\n\n";
            return sink.write(retry.data(), retry.size());
          }
          std::string text = std::move(*events);
          next = events_.size();
          lock.unlock();
          if (text.empty()) text = ": waiting\n\n";  // finds a closed connection
          return sink.write(text.data(), text.size());
        },
        closed);
  });
}

void LiveServer::Listen() {
  poller_ = std::thread([this] {
    while (!stopping_) {
      {
        std::lock_guard lock(mutex_);
        (void)Poll();  // a failed poll is tried again; requests report their own errors
      }
      std::unique_lock lock(mutex_);
      changed_.wait_for(lock, std::chrono::milliseconds(500), [this] { return stopping_.load(); });
    }
  });
  server_->listen_after_bind();
}

void LiveServer::Stop() {
  stopping_ = true;
  changed_.notify_all();
  if (server_) server_->stop();
}

}  // namespace clade::cli
