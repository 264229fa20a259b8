// aekit eval: reconstruction metrics of a trained model on a data set.
#include <fmt/format.h>

#include <iostream>

#include "aekit/models/objective.hpp"
#include "command.hpp"

namespace aekit::cli {

Action add_eval_command(CLI::App& root) {
  auto* cmd = root.add_subcommand("eval", "Reconstruction error of a model on a data set");
  struct Args {
    std::string model, data;
    bool json = false;
  };
  auto args = std::make_shared<Args>();
  cmd->add_option("--model,-m", args->model, "trained model (.aek)")->required();
  cmd->add_option("--data,-d", args->data, "data set (fashion-mnist:test, npy:F, ...)")->required();
  cmd->add_flag("--json", args->json, "print one JSON object instead of text");
  return [args] {
    auto saved = io::load_autoencoder(args->model);
    data::Dataset d = load_data_for_model(args->data, saved.model->input_size(), args->model);
    saved.scaling.apply(d.x);
    const auto m = models::evaluate_reconstruction(*saved.model, d.x);
    if (args->json) {
      const nlohmann::json out = {{"model", args->model}, {"data", d.name}, {"n", m.n},
                                  {"mse", m.mse}, {"bce", m.bce}};
      std::cout << out.dump() << "\n";
    } else {
      std::cout << fmt::format("data {}: {} rows\nmse  {:.6f}  (mean over entries, scaled units)\n"
                               "bce  {:.6f}\n", d.name, m.n, m.mse, m.bce);
    }
  };
}

}  // namespace aekit::cli
