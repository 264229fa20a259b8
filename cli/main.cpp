// aekit command-line tool: one subcommand per file in cli/.
#include <fmt/format.h>

#include <iostream>

#include "aekit/error.hpp"
#include "command.hpp"

int main(int argc, char** argv) {
  CLI::App app{"aekit: train, evaluate and deploy autoencoders on the CPU.\n"
               "Run 'aekit train' with no arguments to train the default model on Fashion-MNIST."};
  app.set_version_flag("--version", AEKIT_VERSION);
  app.require_subcommand(1);
  const std::vector<std::pair<CLI::App*, aekit::cli::Action>> commands = [&] {
    std::vector<std::pair<CLI::App*, aekit::cli::Action>> list;
    using namespace aekit::cli;
    for (auto add : {add_train_command, add_encode_command, add_decode_command,
                     add_reconstruct_command, add_eval_command, add_info_command}) {
      auto action = add(app);
      list.emplace_back(app.get_subcommands({}).back(), action);
    }
    return list;
  }();
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }
  try {
    for (const auto& [sub, action] : commands)
      if (sub->parsed()) action();
    return 0;
  } catch (const aekit::UsageError& e) {
    std::cerr << "aekit: " << e.what() << "\n";
    return 2;
  } catch (const aekit::Error& e) {
    std::cerr << "aekit: " << e.what() << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "aekit: unexpected error: " << e.what() << "\n";
    return 1;
  }
}
