// aekit command-line tool: one subcommand per file in cli/.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "aekit/error.hpp"

int main(int argc, char** argv) {
  CLI::App app{"aekit: train, evaluate and deploy autoencoders on the CPU"};
  app.set_version_flag("--version", AEKIT_VERSION);
  app.require_subcommand(0, 1);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  return 0;
}
