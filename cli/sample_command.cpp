// aekit sample: new rows from a model that samples (a generator; models/capabilities/
// sampler.hpp), drawn from a seeded stream:
//   Rng(seed) -> sampler -> x[n, D] -> inverse scaling -> .png (a grid) | .npy (the rows)
#include <fmt/format.h>

#include <iostream>

#include "aekit/app/sample_model.hpp"
#include "command.hpp"

namespace aekit::cli {

Action add_sample_command(CLI::App& root) {
  auto* cmd = root.add_subcommand("sample", "Draw new rows from a generative model");
  struct Args {
    std::string model, output;
    Index count = 100;
    std::uint64_t seed = 42;
  };
  auto args = std::make_shared<Args>();
  cmd->add_option("--model,-m", args->model, "trained model (.aek)")->required();
  cmd->add_option("--count,-n", args->count, "how many rows")
      ->check(CLI::Range(Index(1), Index(1) << 24))
      ->capture_default_str();
  cmd->add_option("--seed", args->seed, "seed of the draw (the same seed, the same rows)")
      ->capture_default_str();
  cmd->add_option("--output,-o", args->output, "output: .png (a grid) or .npy (the rows)")->required();
  return [args] {
    auto saved = store::load_model(args->model);
    app::write_samples(*saved.model, args->model, saved.scaling, saved.input_shape,
                       {args->output, args->count, args->seed});
    std::cerr << fmt::format("wrote {} samples to {}\n", args->count, args->output);
  };
}

}  // namespace aekit::cli
