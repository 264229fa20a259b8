// aekit denoise: run a trained (denoising) autoencoder over noisy data and write the result.
//   noisy input  -> scaling -> reconstruct -> inverse scaling -> output .npy
// With --noise the command first corrupts clean input itself (a demonstration and a score);
// with --clean it scores against a clean reference. Either way it prints the MSE of the
// noisy input and of the denoised output against the clean data, and --grid writes the
// lectures' figure: originals / corrupted / denoised, one row each.
#include <fmt/format.h>

#include <iostream>

#include "aekit/data/npy.hpp"
#include "aekit/models/corruption.hpp"
#include "aekit/report/image_grid.hpp"
#include "command.hpp"

namespace aekit::cli {
namespace {

struct DenoiseArgs {
  std::string model, input, output, clean, noise = "none", grid;
  std::uint64_t seed = 42;
  Index count = 10;
};

double mean_squared_difference(const FloatMatrix& a, const FloatMatrix& b) {
  return double((a - b).squaredNorm()) / double(a.size());
}

void run_denoise(const DenoiseArgs& args) {
  const auto corruption = models::Corruption::parse(args.noise);
  if (corruption.active() && !args.clean.empty())
    throw UsageError("give either --noise (corrupt clean --input here) or --clean (the input is "
                     "already noisy), not both");
  if (args.count < 1) throw UsageError(fmt::format("--count must be at least 1, found {}", args.count));
  auto saved = io::load_autoencoder(args.model);
  auto& model = *saved.model;
  data::Dataset in = load_data_for_model(args.input, model.input_size(), args.model);
  saved.scaling.apply(in.x);
  FloatMatrix clean;  // scaled, when known
  FloatMatrix noisy = in.x;
  if (corruption.active()) {
    clean = in.x;
    Rng rng = Rng(args.seed).derive("denoise_noise");
    corruption.apply(clean, noisy, rng);
  } else if (!args.clean.empty()) {
    data::Dataset reference = load_data_for_model(args.clean, model.input_size(), args.model);
    if (reference.x.rows() != in.x.rows())
      throw Error(fmt::format("--clean '{}' has {} rows, --input '{}' has {}", reference.name,
                              reference.x.rows(), in.name, in.x.rows()));
    saved.scaling.apply(reference.x);
    clean = std::move(reference.x);
  }
  FloatMatrix denoised = map_in_chunks(noisy, model.input_size(),
                                       [&](ConstMatrixRef x) { return model.reconstruct(x); });
  if (clean.size() > 0)
    std::cout << fmt::format("{} rows: mse against the clean data (scaled units): noisy {:.6f}, "
                             "denoised {:.6f}\n", noisy.rows(), mean_squared_difference(noisy, clean),
                             mean_squared_difference(denoised, clean));
  if (!args.grid.empty()) {
    const Index n = std::min(args.count, noisy.rows());
    const bool with_clean = clean.size() > 0;
    FloatMatrix rows((with_clean ? 3 : 2) * n, noisy.cols());
    if (with_clean) rows.topRows(n) = clean.topRows(n);
    rows.middleRows((with_clean ? 1 : 0) * n, n) = noisy.topRows(n);
    rows.bottomRows(n) = denoised.topRows(n);
    const Shape shape = saved.input_shape;
    const float low = with_clean ? clean.minCoeff() : denoised.minCoeff();
    const float high = with_clean ? clean.maxCoeff() : denoised.maxCoeff();
    report::write_png(args.grid, report::tile_images(rows, shape, n, low, high > low ? high : low + 1, 1, 2));
    std::cerr << fmt::format("wrote {} ({} / noisy / denoised)\n", args.grid,
                             with_clean ? "clean" : "no clean reference");
  }
  saved.scaling.invert(denoised);
  data::write_npy(args.output, denoised);
  std::cerr << fmt::format("wrote {} x {} to {}\n", denoised.rows(), denoised.cols(), args.output);
}

}  // namespace

Action add_denoise_command(CLI::App& root) {
  auto* cmd = root.add_subcommand("denoise", "Denoise data with a trained (denoising) autoencoder");
  auto args = std::make_shared<DenoiseArgs>();
  cmd->add_option("--model,-m", args->model, "trained model (.aek)")->required();
  cmd->add_option("--input,-i", args->input, "noisy data (or clean data with --noise): npy:F, idx:F, csv:F, fashion-mnist:test, ...")->required();
  cmd->add_option("--output,-o", args->output, "denoised data, .npy (float32, original units)")->required();
  cmd->add_option("--noise", args->noise, "corrupt the input first: gaussian:SIGMA, mask:NU, saltpepper:P, uniform:A (optional :clip)");
  cmd->add_option("--clean", args->clean, "clean reference for the noisy --input, to score against");
  cmd->add_option("--seed", args->seed, "seed of the --noise draw (default 42)");
  cmd->add_option("--grid", args->grid, "also write a PNG: clean / noisy / denoised rows");
  cmd->add_option("--count", args->count, "images per row of --grid (default 10)");
  return [args] { run_denoise(*args); };
}

}  // namespace aekit::cli
