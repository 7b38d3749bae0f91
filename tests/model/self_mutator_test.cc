#include "engine/model/self_mutator.h"

#include "tests/model/fake_provider.h"
#include "tests/test_util.h"
#include <catch2/catch.hpp>

#include "engine/model/model_mutators.h"
#include "sandbox/protections.h"
#include "support/fs.h"

namespace clade::model {
namespace {

namespace fs = std::filesystem;
using mutation::ChildProposal;
using mutation::MutationRequest;
using testing::FakeProvider;
using testing::Received;

// A self-modifying agent in C. When its task statement carries the word PROPOSAL-OK, it
// asks the model socket what to write and writes the answer to improved.h in its
// workspace (a copy of its own source); with TAMPER it also changes agent.yaml, which is
// not editable.
constexpr char kAgent[] = R"(#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>
static char task[65536], response[65536];
int main(void) {
  FILE* file = fopen(getenv("CLADE_TASK"), "r");
  if (!file) return 2;
  fread(task, 1, sizeof task - 1, file);
  fclose(file);
  if (!strstr(task, "PROPOSAL-OK")) return 0;
  int fd = socket(AF_UNIX, SOCK_STREAM, 0);
  struct sockaddr_un addr = {0};
  addr.sun_family = AF_UNIX;
  strncpy(addr.sun_path, getenv("CLADE_MODEL_SOCKET"), sizeof addr.sun_path - 1);
  if (connect(fd, (struct sockaddr*)&addr, sizeof addr) != 0) return 3;
  const char* body = "{\"messages\":[{\"role\":\"user\",\"content\":\"write improved.h\"}]}";
  char request[512];
  snprintf(request, sizeof request,
           "POST /v1/chat/completions HTTP/1.1\r\nHost: clade\r\nContent-Length: %zu\r\n"
           "Connection: close\r\n\r\n%s", strlen(body), body);
  write(fd, request, strlen(request));
  size_t got = 0;
  ssize_t n;
  while ((n = read(fd, response + got, sizeof response - 1 - got)) > 0) got += n;
  close(fd);
  char* content = strstr(response, "\"content\":\"");
  if (!content) return 4;
  content += strlen("\"content\":\"");
  *strchr(content, '"') = 0;
  FILE* out = fopen("improved.h", "w");
  fprintf(out, "%s\n", content);
  fclose(out);
  if (strstr(task, "TAMPER")) {
    FILE* spec = fopen("agent.yaml", "a");
    fputs("# tampered\n", spec);
    fclose(spec);
  }
  printf("self-modified\n");
  return 0;
}
)";

struct Fixture {
  TempDir dir{"self-mutator"};
  fs::path source = dir.path() / "parent";
  FakeProvider server;
  MutationRequest request;

  explicit Fixture(const std::string& proposal) {
    clade::testing::WriteTree(source,
                              {{"agent.yaml",
                                "name: selfish\nbuild:\n  - cc -o {build}/agent {src}/agent.c\n"
                                "run: \"{build}/agent\"\neditable: [\"*.c\", \"*.h\"]\n"},
                               {"agent.c", kAgent}});
    request.parent = 4;
    request.source = source;
    request.seed = 9;
    request.task_logs = {{"t1", "the agent printed nothing"}};
    request.scratch = dir.path() / "scratch";
    fs::create_directories(request.scratch);
    server.Respond([proposal](const Received& got) {
      if (got.LastUser() == "write improved.h")
        return testing::OpenAiAnswer("#define IMPROVED 1", 7, 3);
      return testing::OpenAiAnswer("Title: Write improved.h\n\nProposal: " + proposal, 50, 10);
    });
  }

  std::unique_ptr<mutation::Mutator> Mutator() {
    ModelConfig config;
    config.base_url = server.base_url();
    config.name = "coder";
    config.retries = 0;
    config.self_seconds = 30;
    sandbox::HarnessOptions harness;
    if (sandbox::CurrentProtections().bubblewrap)
      harness.isolation = sandbox::Isolation::kBubblewrap;
    return MakeModelMutator("self", std::make_shared<ModelClient>(config, ""), harness).value();
  }
};

}  // namespace

TEST_CASE("self: the parent runs on its own source with the diagnosis, its changes are the child") {
  Fixture f("PROPOSAL-OK write the header");
  ChildProposal child = f.Mutator()->Propose(f.request).value();
  INFO(child.logs["self/agent.log"]);
  REQUIRE(child.files.size() == 1);
  CHECK(child.files.at("improved.h") == "#define IMPROVED 1\n");
  CHECK(child.deleted.empty());
  CHECK(child.summary == "self: Write improved.h");
  CHECK(child.tampered.empty());
  CHECK(child.tokens == 60 + 10);  // the diagnosis and the agent's own call
  CHECK(child.record["mutator"] == "self");
  CHECK(child.record["agent"]["status"] == "ok");
  CHECK(child.record["agent"]["model"]["calls"] == 1);
  CHECK(child.record["dropped"].empty());
  CHECK(child.logs.at("self/agent.log").find("self-modified") != std::string::npos);
  CHECK(child.logs.at("self/model-calls.log").find("write improved.h") != std::string::npos);
  CHECK(child.logs.count("self/01-diagnose.prompt.md") == 1);
  // The parent's own source is untouched.
  CHECK(ReadFile(f.source / "agent.yaml").value().find("tampered") == std::string::npos);
  CHECK(!fs::exists(f.source / "improved.h"));
}

TEST_CASE("self: a change outside editable is tampering, recorded with what changed") {
  Fixture f("PROPOSAL-OK TAMPER write the header");
  ChildProposal child = f.Mutator()->Propose(f.request).value();
  INFO(child.logs["self/agent.log"]);
  REQUIRE(child.tampered.size() == 1);
  CHECK(child.tampered[0].step == "self");
  CHECK(child.tampered[0].path == "agent.yaml");
  CHECK(child.tampered[0].change == "modified");
  CHECK(child.record["tampered"][0]["path"] == "agent.yaml");
  // The child is kept as the agent left it, so its diff shows the tampering.
  CHECK(child.files.at("agent.yaml").find("# tampered") != std::string::npos);
  CHECK(child.files.at("improved.h") == "#define IMPROVED 1\n");
}

TEST_CASE("self: a parent that changes nothing yields a failed mutation") {
  Fixture f("nothing to do");
  Result<ChildProposal> child = f.Mutator()->Propose(f.request);
  REQUIRE(child);
  // No child (ChildProposal::no_child), recorded with the diagnosis's calls and the logs.
  CHECK(child->no_child.rfind("variant 4 made no change to its editable source", 0) == 0);
  CHECK(child->files.empty());
  CHECK(child->deleted.empty());
  CHECK(child->tokens > 0);
  CHECK(child->record["mutator"] == "self");
  CHECK(!child->logs.empty());
}

}  // namespace clade::model
