// aekit info: what a model file holds.
#include <iostream>

#include "aekit/app/describe_model.hpp"
#include "command.hpp"

namespace aekit::cli {

Action add_info_command(CLI::App& root) {
  auto* cmd = root.add_subcommand("info", "Describe a model file");
  struct Args {
    std::string model;
    bool json = false;
  };
  auto args = std::make_shared<Args>();
  cmd->add_option("--model,-m,model", args->model, "model file (.aek)")->required();
  cmd->add_flag("--json", args->json, "print the whole header as JSON");
  return [args] {
    const auto saved = store::load_model(args->model);
    if (args->json) {
      std::cout << saved.header.dump(2) << "\n";
      return;
    }
    std::cout << app::describe_model(args->model, saved);
  };
}

}  // namespace aekit::cli
