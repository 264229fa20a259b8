// aekit info: what a model file holds.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <iostream>

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
    const auto& h = saved.header;
    if (args->json) {
      std::cout << h.dump(2) << "\n";
      return;
    }
    const auto& m = h.at("model");
    std::cout << fmt::format("model        {} ({})\n", args->model, m.at("kind").get<std::string>());
    std::cout << fmt::format("architecture {}\n", saved.model->description());
    std::cout << fmt::format("code size    {}\n", saved.model->code_size());
    std::cout << fmt::format("state        {} values\n", saved.model->state_size());
    std::cout << fmt::format("input shape  {}x{}x{}\n", saved.input_shape.c, saved.input_shape.h, saved.input_shape.w);
    std::cout << fmt::format("scaling      {}\n", h.at("scaling").dump());
    std::cout << fmt::format("aekit        {}\n", h.value("aekit_version", "?"));
    if (h.contains("training") && h["training"].contains("results"))
      std::cout << fmt::format("results      {}\n", h["training"]["results"].dump());
  };
}

}  // namespace aekit::cli
