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
                     add_reconstruct_command, add_eval_command, add_denoise_command,
                     add_filters_command, add_probe_command, add_scatter_command, add_sample_command,
                     add_info_command, add_report_command, add_compare_command}) {
      auto action = add(app);
      list.emplace_back(app.get_subcommands({}).back(), action);
    }
    return list;
  }();
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);  // --help, --version
    // Same convention as every other usage error: one line on stderr, exit code 2.
    std::string names;
    bool known = false;
    for (const auto& [sub, action] : commands) {
      names += (names.empty() ? "" : ", ") + sub->get_name();
      known = known || (argc > 1 && sub->check_name(argv[1]));
    }
    if (argc > 1 && argv[1][0] != '-' && !known)
      std::cerr << "aekit: unknown command '" << argv[1] << "': valid commands are " << names << "\n";
    else if (argc == 1)
      std::cerr << "aekit: a command is required: " << names << " (run 'aekit --help')\n";
    else
      std::cerr << "aekit: " << e.what() << " (run 'aekit --help' or 'aekit COMMAND --help')\n";
    return 2;
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
