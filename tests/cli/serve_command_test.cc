// `clade serve`'s JSON API and access rules (engine/cli/live_server.h): the server in this
// process on a free loopback port, an httplib client, and the archive written beside it by
// `clade add` and the archive library, as a running `clade run` would.
#include <mutex>
#include <thread>

#include "tests/cli/cli_test_util.h"
#include "tests/test_util.h"
#include <catch2/catch.hpp>
#include <httplib.h>

#include "archive/archive.h"
#include "engine/cli/live_server.h"
#include "support/strings.h"

namespace clade::cli_test {
namespace {

using cli::LiveServer;
using cli::ServeOptions;
using nlohmann::json;

// A LiveServer listening on a free port of 127.0.0.1 until the end of the scope.
struct Serving {
  std::unique_ptr<LiveServer> server;
  int port = 0;
  std::thread thread;

  Serving(const fs::path& archive, ServeOptions options) {
    options.port = 0;
    auto opened = LiveServer::Open(archive, options);
    REQUIRE(opened);
    server = std::move(*opened);
    auto bound = server->Bind();
    REQUIRE(bound);
    port = *bound;
    thread = std::thread([this] { server->Listen(); });
  }
  ~Serving() {
    server->Stop();
    thread.join();
  }
  httplib::Client Client() const {
    httplib::Client client("127.0.0.1", port);
    client.set_read_timeout(20);
    return client;
  }
};

TEST_CASE("clade serve: the API gives what log, show and diff print, live, and 404s the rest") {
  Lineage w;
  Serving serving(w.archive(), {});
  httplib::Client client = serving.Client();
  auto variants = client.Get("/api/variants");
  REQUIRE(variants);
  CHECK(variants->status == 200);
  CHECK(json::parse(variants->body) == Json(w.On({"log", "--json"})));
  auto three = client.Get("/api/variants/3");
  REQUIRE(three);
  CHECK(json::parse(three->body) == Json(w.On({"show", "3", "--json"})));
  auto diff = client.Get("/api/variants/3/diff");
  REQUIRE(diff);
  CHECK(diff->get_header_value("Content-Type").rfind("text/x-diff", 0) == 0);
  CHECK(diff->body == w.On({"diff", "1", "3"}).out);
  CHECK(client.Get("/api/variants/0/diff")->body.empty());  // a seed has no parent

  // What a writer adds beside it shows at the next request, without a restart.
  w.Add(w.Agent("five", "int main() { return 5; }\n"), {"--parent", "3", "-m", "return five"});
  w.Record(5, "repair", {{"status", "evaluated"}, {"score", 1.0}});
  json now = json::parse(client.Get("/api/variants")->body);
  REQUIRE(now.size() == 6);
  CHECK(now[5]["summary"] == "return five");
  CHECK(now[5]["score"] == 1.0);
  CHECK(now[5]["best"] == true);

  for (const char* path : {"/api/variants/99", "/api/variants/99/diff"}) {
    auto missing = client.Get(path);
    REQUIRE(missing);
    CHECK(missing->status == 404);
    CHECK_THAT(json::parse(missing->body)["error"].get<std::string>(),
               Catch::Contains("no variant 99"));
  }
  for (const char* path : {"/index.htm", "/variants/99.js", "/variants/1.json", "/api",
                           "/../../etc/passwd", "/variants/../../etc/passwd", "/api/variants/1/../../../etc/passwd",
                           "/%2e%2e/%2e%2e/etc/passwd", "/api/variants/x"}) {
    auto other = client.Get(path);
    REQUIRE(other);
    INFO(path);
    CHECK(other->status == 404);
    CHECK(json::parse(other->body).contains("error"));
  }
  // A page of another site that reaches this server through a name resolving to 127.0.0.1
  // (DNS rebinding) names its own host: refused. Loopback names are served.
  for (const char* host : {"evil.example", "evil.example:8470", "127.0.0.1.evil.example",
                           "localhost.evil.example", "[::2]:80", ""}) {
    auto rebound = client.Get("/api/variants", {{"Host", host}});
    REQUIRE(rebound);
    INFO(host);
    CHECK(rebound->status == 403);
    CHECK(json::parse(rebound->body).contains("error"));
  }
  for (const char* host : {"localhost:8470", "127.0.0.1", "[::1]:8470", "localhost"}) {
    INFO(host);
    CHECK(client.Get("/api/variants/0", {{"Host", host}})->status == 200);
  }
  auto post = client.Post("/api/variants", "{}", "application/json");
  REQUIRE(post);
  CHECK(post->status == 405);
  auto removed = client.Delete("/api/variants/1");
  REQUIRE(removed);
  CHECK(removed->status == 405);
  CHECK(Json(w.On({"log", "--json"})).size() == 6);  // nothing was written
}

// The text of /api/events received so far, read on a thread of its own until `Close`.
class EventStream {
 public:
  EventStream(int port, httplib::Headers headers = {}, std::string path = "/api/events") {
    thread_ = std::thread([this, port, headers, path] {
      httplib::Client client("127.0.0.1", port);
      client.Get(path, headers, [this](const char* data, size_t size) {
        std::lock_guard lock(mutex_);
        text_.append(data, size);
        return !closed_;
      });
    });
  }
  ~EventStream() {
    {
      std::lock_guard lock(mutex_);
      closed_ = true;
    }
    thread_.join();  // the server's next keep-alive comment (1 s) ends the read
  }
  std::string text() {
    std::lock_guard lock(mutex_);
    return text_;
  }

 private:
  std::mutex mutex_;
  std::string text_;
  bool closed_ = false;
  std::thread thread_;
};

// The events in a stream's text: (event name, parsed data), in order.
std::vector<std::pair<std::string, json>> ParseEvents(const std::string& text) {
  std::vector<std::pair<std::string, json>> events;
  std::string name;
  for (const std::string& line : Split(text, '\n')) {
    if (line.rfind("event: ", 0) == 0) name = line.substr(7);
    if (line.rfind("data: ", 0) == 0) events.emplace_back(name, json::parse(line.substr(6)));
  }
  return events;
}

TEST_CASE("clade serve: /api/events sends one variant event per new variant and per new record") {
  Lineage w;
  Serving serving(w.archive(), {});
  EventStream events(serving.port);
  REQUIRE(WaitFor([&] { return events.text().find(": waiting") != std::string::npos; }, 10));
  CHECK_THAT(events.text(), Catch::StartsWith("event: hello\ndata: {\"server\": \""));
  CHECK(events.text().find("event: variant") == std::string::npos);  // nothing happened yet
  w.Add(w.Agent("five", "int main() { return 5; }\n"), {"--parent", "3", "-m", "return five"});
  // Within the poll interval (0.5 s) and well under the 2 s.
  REQUIRE(WaitFor([&] { return events.text().find("data: {\"id\":5,") != std::string::npos; }, 5));
  CHECK_THAT(events.text(), Catch::Contains("id: 1\nevent: variant\ndata: {\"id\":5,"));
  w.Record(4, "repair", {{"status", "evaluated"}, {"score", 0.8}});  // a record, no variant
  REQUIRE(WaitFor([&] { return events.text().find("data: {\"id\":4,") != std::string::npos; }, 5));
  CHECK_THAT(events.text(), Catch::Contains("id: 2\nevent: variant\ndata: {\"id\":4,"));
  // A client reconnecting after event 1 gets event 2 at once.
  EventStream again(serving.port, {{"Last-Event-ID", "1"}});
  REQUIRE(WaitFor([&] { return again.text().find("data: {\"id\":4,") != std::string::npos; }, 5));
  CHECK(again.text().find("data: {\"id\":5,") == std::string::npos);

  // Each variant event carries the variant's object of the page's summary, and each batch
  // ends with the summary's head (best, counts, ...) as it is after the batch.
  auto parsed = ParseEvents(events.text());
  REQUIRE(parsed.size() >= 5);
  CHECK(parsed[0].first == "hello");  // first on every stream: which server this is
  CHECK(ParseEvents(again.text())[0].second == parsed[0].second);
  parsed.erase(parsed.begin());
  CHECK(parsed[0].first == "variant");
  CHECK(parsed[0].second["variant"]["id"] == 5);
  CHECK(parsed[0].second["variant"]["summary"] == "return five");
  CHECK(parsed[1].first == "summary");
  CHECK(parsed[1].second["counts"].is_object());
  CHECK(parsed[2].second["variant"]["score"] == 0.8);
  CHECK(parsed[2].second["variant"]["status"] == "evaluated");
  CHECK(parsed[3].first == "summary");
  json log = Json(w.On({"log", "--json"}));
  for (const json& v : log) {
    if (v.value("best", false)) CHECK(parsed[3].second["best"] == v["id"]);
  }
}

TEST_CASE("clade serve: the page, a variant's detail script, logs and diffs between any two") {
  Lineage w;
  Serving serving(w.archive(), {});
  httplib::Client client = serving.Client();
  for (const char* path : {"/", "/index.html"}) {
    auto page = client.Get(path);
    REQUIRE(page);
    INFO(path);
    CHECK(page->status == 200);
    CHECK_THAT(page->get_header_value("Content-Type"), Catch::StartsWith("text/html"));
    CHECK(page->get_header_value("Cache-Control") == "no-store");
    CHECK_THAT(page->body, Catch::Contains("<title>clade report: "));
    CHECK_THAT(page->body, Catch::Contains("\"live\":{\"events\":0}"));
  }
  // The detail script is the one `clade report` writes as variants/3.js.
  auto script = client.Get("/variants/3.js");
  REQUIRE(script);
  CHECK(script->status == 200);
  std::string prefix = "cladeReport.detail(3, ";
  REQUIRE_THAT(script->body, Catch::StartsWith(prefix) && Catch::EndsWith(");\n"));
  json detail = json::parse(script->body.substr(prefix.size(), script->body.size() - prefix.size() - 3));
  CHECK(detail["id"] == 3);
  CHECK(detail["diff"]["text"] == w.On({"diff", "1", "3"}).out);

  CHECK(client.Get("/api/variants/3/diff?against=0")->body == w.On({"diff", "0", "3"}).out);
  auto against = client.Get("/api/variants/3/diff?against=99");
  CHECK(against->status == 404);
  CHECK_THAT(json::parse(against->body)["error"].get<std::string>(), Catch::Contains("no variant 99"));

  {
    auto writer = archive::Archive::Open(w.archive(), {.mode = archive::Mode::kWrite}).value();
    REQUIRE(writer->AddLogs(3, {{"build.log", "the build said hello\n"}}));
  }
  auto log = client.Get("/api/variants/3/log?path=build.log");
  CHECK(log->status == 200);
  CHECK(log->body == "the build said hello\n");
  for (const char* path : {"/api/variants/3/log?path=agent.log", "/api/variants/3/log",
                           "/api/variants/3/log?path=../../config"}) {
    auto missing = client.Get(path);
    INFO(path);
    CHECK(missing->status == 404);
    CHECK(json::parse(missing->body).contains("error"));
  }

  // A page made before a variant was added asks for the events after its summary's count
  // (?since=), so the variant added between the page and its connection is not lost.
  w.Add(w.Agent("five", "int main() { return 5; }\n"), {"--parent", "3", "-m", "return five"});
  REQUIRE(client.Get("/api/variants/5")->status == 200);  // the server has seen it
  EventStream since(serving.port, {}, "/api/events?since=0");
  EventStream now(serving.port);
  REQUIRE(WaitFor([&] { return since.text().find("data: {\"id\":5,") != std::string::npos; }, 5));
  REQUIRE(WaitFor([&] { return now.text().find(": waiting") != std::string::npos; }, 5));
  CHECK(now.text().find("event: variant") == std::string::npos);
}

TEST_CASE("clade serve: the first record of an archive that had none is an event too") {
  Workspace w;  // a seed and no record: no benchmark to serve yet
  w.Add(w.Agent("seed", "int main() { return 0; }\n"));
  Serving serving(w.archive(), {});
  EventStream events(serving.port);
  REQUIRE(WaitFor([&] { return events.text().find(": waiting") != std::string::npos; }, 10));
  {
    auto writer = archive::Archive::Open(w.archive(), {.mode = archive::Mode::kWrite}).value();
    REQUIRE(writer->SetRecord(0, "repair", {{"status", "evaluated"}, {"score", 0.5}}));
  }
  REQUIRE(WaitFor([&] { return events.text().find("data: {\"id\":0,") != std::string::npos; }, 5));
  httplib::Client client = serving.Client();
  CHECK(json::parse(client.Get("/api/variants")->body)[0]["score"] == 0.5);
}

TEST_CASE("clade serve with a token: every request must carry it") {
  Lineage w;
  ServeOptions options;
  options.token = "s3cret-token";
  Serving serving(w.archive(), options);
  httplib::Client client = serving.Client();
  auto bare = client.Get("/api/variants");
  REQUIRE(bare);
  CHECK(bare->status == 401);
  CHECK(json::parse(bare->body).contains("error"));
  CHECK(client.Get("/api/variants/99")->status == 401);  // before anything else
  CHECK(client.Get("/api/variants?token=wrong")->status == 401);
  CHECK(client.Get("/api/variants", {{"Authorization", "Bearer s3cret-tokeN"}})->status == 401);
  CHECK(client.Get("/api/variants", {{"Authorization", "Bearer s3cret-token"}})->status == 200);
  auto first = client.Get("/api/variants?token=s3cret-token");
  REQUIRE(first);
  CHECK(first->status == 200);
  std::string cookie = first->get_header_value("Set-Cookie");
  CHECK_THAT(cookie, Catch::StartsWith("clade_token=s3cret-token;"));
  CHECK_THAT(cookie, Catch::Contains("HttpOnly"));
  CHECK(client.Get("/api/variants/3", {{"Cookie", "other=1; clade_token=s3cret-token"}})->status ==
        200);
  CHECK(client.Get("/api/variants/3", {{"Cookie", "clade_token=nope"}})->status == 401);
  CHECK(client.Get("/api/events")->status == 401);
}

TEST_CASE("clade serve: archive text that is not UTF-8 reaches the page replaced, the server lives") {
  Lineage w;
  Serving serving(w.archive(), {});
  EventStream events(serving.port);
  REQUIRE(WaitFor([&] { return events.text().find(": waiting") != std::string::npos; }, 10));
  // A commit subject quoting a Latin-1 line: "caf\xe9".
  w.Add(w.Agent("latin", "int main() { return 1; }\n"), {"--parent", "3", "-m", "caf\xe9 au lait"});
  REQUIRE(WaitFor([&] { return events.text().find("data: {\"id\":5,") != std::string::npos; }, 5));
  auto parsed = ParseEvents(events.text());
  REQUIRE(parsed.size() >= 2);
  CHECK(parsed[1].second["variant"]["summary"] == "caf\xef\xbf\xbd au lait");  // U+FFFD
  httplib::Client client = serving.Client();
  CHECK(client.Get("/api/variants")->status == 200);
  CHECK(client.Get("/")->status == 200);
}

TEST_CASE("clade serve: event streams beyond --max-pages get a 503 and the API still answers") {
  Lineage w;
  ServeOptions options;
  options.max_streams = 2;
  Serving serving(w.archive(), options);
  {
    EventStream one(serving.port), two(serving.port);
    REQUIRE(WaitFor([&] { return one.text().find(": waiting") != std::string::npos &&
                                 two.text().find(": waiting") != std::string::npos; }, 10));
    httplib::Client client = serving.Client();
    auto third = client.Get("/api/events");
    REQUIRE(third);
    CHECK(third->status == 503);
    CHECK_THAT(json::parse(third->body)["error"].get<std::string>(), Catch::Contains("--max-pages"));
    CHECK(client.Get("/api/variants/0")->status == 200);
  }
  // Closed streams free their places.
  REQUIRE(WaitFor([&] {
    EventStream again(serving.port);
    return WaitFor([&] { return again.text().find("event: hello") != std::string::npos; }, 2);
  }, 10));
  Run bad = w.On({"serve", "--max-pages", "0"});
  CHECK(bad.exit_code == 2);
  CHECK_THAT(bad.err, Catch::Contains("--max-pages 0 is not between 1 and 1000"));
}

TEST_CASE("A second clade serve on a port in use fails and names the port") {
  Lineage w;
  Serving first(w.archive(), {});
  Run second = w.On({"serve", "--port", std::to_string(first.port)});
  CHECK(second.exit_code == 1);
  CHECK_THAT(second.err, Catch::Contains("cannot listen on 127.0.0.1 port " +
                                         std::to_string(first.port)));
  CHECK(first.Client().Get("/api/variants/0")->status == 200);  // the first still serves
}

TEST_CASE("clade serve refuses an address other than loopback without a token") {
  Lineage w;
  for (const char* address : {"0.0.0.0", "::", "192.0.2.1"}) {
    Run run = w.On({"serve", "--bind", address});
    INFO(address);
    CHECK(run.exit_code == 2);
    CHECK_THAT(run.err, Catch::Contains(std::string("binding ") + address +
                                        " would let other machines read the archive"));
  }
  Run port = w.On({"serve", "--port", "70000"});
  CHECK(port.exit_code == 2);
  CHECK_THAT(port.err, Catch::Contains("--port 70000 is not a port"));
}

}  // namespace
}  // namespace clade::cli_test
