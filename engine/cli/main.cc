// The `clade` program: parses the command line, runs the chosen command, and turns errors
// into one sentence on stderr and an exit code (0 success, 1 failure, 2 usage error).
#include <exception>
#include <iostream>

#include <CLI/CLI.hpp>

#include "engine/cli/command.h"
#include "support/error.h"

namespace {

int Report(const char* message, int code) {
  std::cerr << "clade: " << message << '\n';
  return code;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app("clade: evolves coding agents and keeps their lineage in a git archive.", "clade");
  app.require_subcommand(1);
  app.footer("Run 'clade COMMAND --help' for a command's options. See docs/cli.md.");
  std::vector<clade::cli::Command> commands = clade::cli::RegisterCommands(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);  // --help
    std::cerr << "clade: " << e.what() << "\nRun 'clade --help' for usage.\n";
    return 2;
  }
  try {
    for (const auto& command : commands) {
      if (command.app->parsed()) clade::OrThrow(command.run());
    }
    return 0;
  } catch (const clade::UsageError& e) {
    return Report(e.what(), 2);
  } catch (const clade::Fatal& e) {
    return Report(e.what(), 1);
  } catch (const std::exception& e) {
    return Report(e.what(), 1);
  }
}
