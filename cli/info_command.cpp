// aekit info: what a model file holds.
#include <iostream>

#include "aekit/app/describe_model.hpp"
#include "command.hpp"

namespace aekit::cli {

Action add_info_command(CLI::App& root) {
  auto* cmd = root.add_subcommand("info", "Describe a model file: kind, layers, what it can do, how it was trained");
  struct Args {
    std::string model, model_option;
    bool json = false;
  };
  auto args = std::make_shared<Args>();
  // One model, named either way, as the other commands name theirs (--model) or bare.
  cmd->add_option("model", args->model, "model file (.aek)");
  cmd->add_option("--model,-m", args->model_option, "the same, as an option");
  cmd->add_flag("--json", args->json, "print the whole header as JSON (for scripts)");
  return [args] {
    if (args->model.empty() == args->model_option.empty())
      throw UsageError(args->model.empty() ? "info needs a model file: aekit info MODEL.aek"
                                           : "info takes one model file, found a MODEL and a --model");
    if (args->model.empty()) args->model = args->model_option;
    const auto saved = store::load_model(args->model);
    if (args->json) {
      std::cout << saved.header.dump(2) << "\n";
      return;
    }
    std::cout << app::describe_model(args->model, saved);
  };
}

}  // namespace aekit::cli
