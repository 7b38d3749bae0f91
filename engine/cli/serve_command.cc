#include "engine/cli/serve_command.h"

#include <cstdio>
#include <memory>

#include <fmt/format.h>

#include "engine/cli/archive_location.h"
#include "engine/cli/live_server.h"

namespace clade::cli {
namespace {

struct ServeCommandOptions {
  std::string archive;
  ServeOptions serve;
};

Result<> RunServe(const ServeCommandOptions& options) {
  CLADE_TRY(CheckServeOptions(options.serve));
  std::filesystem::path path = CLADE_TRY(LocateArchive(options.archive));
  auto server = CLADE_TRY(LiveServer::Open(path, options.serve));
  int port = CLADE_TRY(server->Bind());
  std::string host = options.serve.bind.find(':') != std::string::npos
                         ? "[" + options.serve.bind + "]"
                         : options.serve.bind;
  std::printf("serving %s at http://%s:%d/ (read-only; Ctrl-C stops)%s\n",
              path.string().c_str(), host.c_str(), port,
              options.serve.token.empty() ? "" : " (requests must carry the token)");
  std::fflush(stdout);
  server->Listen();
  return {};
}

}  // namespace

Command RegisterServeCommand(CLI::App& app) {
  auto options = std::make_shared<ServeCommandOptions>();
  CLI::App* command = app.add_subcommand(
      "serve", "Serve a live, read-only JSON view of an archive while a run writes it");
  AddArchiveOption(*command, &options->archive);
  command->add_option("--port", options->serve.port, "The TCP port (default 8470; 0: any free)");
  command->add_option("--bind", options->serve.bind,
                      "The address to listen on (default 127.0.0.1; another needs --token)");
  command->add_option("--token", options->serve.token,
                      "A secret every request must carry (Authorization: Bearer T, or ?token=T "
                      "once, which sets a cookie)");
  command->add_option("--max-pages", options->serve.max_streams,
                      "Pages (event streams) open at once; one more gets a 503 (default 32)");
  AddBenchmarkOption(*command, &options->serve.benchmark);
  command->footer(
      "Opens the archive as a reader (it never writes) and reads what a running `clade run`\n"
      "adds on each request. Open http://127.0.0.1:8470/ for the live page (clade report's\n"
      "page, following the run: new variants and records appear without a reload). JSON API:\n"
      "  GET /api/variants           the variants, as clade log --json\n"
      "  GET /api/variants/ID        one variant, as clade show ID --json\n"
      "  GET /api/variants/ID/diff   its unified diff against its first parent (?against=A)\n"
      "  GET /api/variants/ID/log?path=P   one of its stored logs\n"
      "  GET /api/events             server-sent events, one per new variant or record\n"
      "Any other path is a 404 with a JSON error; only GET is served. Binding an address\n"
      "other than 127.0.0.1 or ::1 requires --token. See docs/report.md.\n\n"
      "Examples:\n  clade serve --archive runs/quickstart.git\n"
      "  curl -s http://127.0.0.1:8470/api/variants | jq '.[] | {id, score}'");
  return {command, [options] { return RunServe(*options); }};
}

}  // namespace clade::cli
