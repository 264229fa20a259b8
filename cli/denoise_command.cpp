// aekit denoise: run a trained (denoising) autoencoder over noisy data and write the result.
//   data set:  noisy input -> scaling -> reconstruct -> inverse scaling -> output .npy
//   image file (.png .jpg .jpeg .pgm .ppm .pnm): tiled with overlapping patches of the
//              model's input shape (eval/tiled_denoise.hpp) -> output image (format by name)
// With --noise the command first corrupts clean input itself (a demonstration and a score;
// for images in [0,1] pixel units); with --clean it scores against a clean reference. Data
// sets: MSE of the noisy and the denoised data against the clean; --grid writes the lectures'
// figure (originals / corrupted / denoised). Images: PSNR and SSIM of the noisy input, of the
// 3x3 and 5x5 median filters (the classic baseline) and of the model's output.
#include <fmt/format.h>

#include <iostream>

#include "aekit/data/npy.hpp"
#include "aekit/eval/image_quality.hpp"
#include "aekit/eval/median_filter.hpp"
#include "aekit/eval/tiled_denoise.hpp"
#include "aekit/image/image_file.hpp"
#include "aekit/image/image_row.hpp"
#include "aekit/loss/mse.hpp"
#include "aekit/models/autoencoder/corruption.hpp"
#include "aekit/report/image_grid.hpp"
#include "command.hpp"

namespace aekit::cli {
namespace {

struct DenoiseArgs {
  std::string model, input, output, clean, noise = "none", grid, noisy_output;
  std::uint64_t seed = 42;
  Index count = 10, stride = 0;
  double pixel_max = 255;
};

void print_image_scores(const std::string& name, const RowVector& clean, const RowVector& row,
                        Shape shape) {
  std::cout << fmt::format("{:<16} PSNR {:6.2f} dB   SSIM {:.4f}\n", name,
                           eval::psnr(clean, row, 1), eval::ssim(clean, row, shape, 1));
}

// Image mode: every value in [0,1] pixel units; the model sees pixel_max * value.
void run_denoise_image(const DenoiseArgs& args, const models::Corruption& corruption) {
  auto saved = store::load_model(args.model);
  models::require_reconstructor(*saved.model, args.model);
  const image::Image input = image::read_image(args.input);
  const Shape shape = image::image_shape(input);
  RowVector noisy = image::image_to_row(input), clean;
  if (corruption.active()) {
    clean = noisy;
    Rng rng = Rng(args.seed).derive("denoise_noise");
    corruption.apply(clean, noisy, rng);
  } else if (!args.clean.empty()) {
    const image::Image reference = image::read_image(args.clean);
    if (image::image_shape(reference) != shape)
      throw Error(fmt::format("--clean '{}' is {}x{}x{}, --input '{}' is {}x{}x{}", args.clean,
                              reference.channels, reference.height, reference.width, args.input,
                              shape.c, shape.h, shape.w));
    clean = image::image_to_row(reference);
  }
  const Shape patch = saved.input_shape;
  const Index stride = args.stride > 0 ? args.stride : std::max<Index>(1, patch.h / 4);
  const RowVector denoised =
      eval::denoise_tiled(*saved.model, saved.scaling, patch, RowVector(noisy * args.pixel_max),
                          shape, stride) / args.pixel_max;
  if (clean.size() > 0) {
    print_image_scores("noisy input", clean, noisy, shape);
    for (const int size : {3, 5})
      print_image_scores(fmt::format("median {}x{}", size, size), clean,
                         eval::median_filter(noisy, shape, size), shape);
    print_image_scores("autoencoder", clean, denoised, shape);
  }
  if (!args.noisy_output.empty()) image::write_image(args.noisy_output, image::row_to_image(noisy, shape));
  image::write_image(args.output, image::row_to_image(denoised, shape));
  std::cerr << fmt::format("wrote {} ({}x{}; overlapping {}x{} patches every {} pixels)\n",
                           args.output, shape.w, shape.h, patch.w, patch.h, stride);
}

void run_denoise_data(const DenoiseArgs& args, const models::Corruption& corruption) {
  auto saved = store::load_model(args.model);
  auto& model = *saved.model;
  auto& reconstructor = models::require_reconstructor(model, args.model);
  data::Dataset in = load_data_for_model(args.input, model.input_shape(), args.model);
  saved.scaling.apply(in.x);
  FloatMatrix clean;  // scaled, when known
  FloatMatrix noisy = in.x;
  if (corruption.active()) {
    clean = in.x;
    Rng rng = Rng(args.seed).derive("denoise_noise");
    corruption.apply(clean, noisy, rng);
  } else if (!args.clean.empty()) {
    data::Dataset reference = load_data_for_model(args.clean, model.input_shape(), args.model);
    if (reference.x.rows() != in.x.rows())
      throw Error(fmt::format("--clean '{}' has {} rows, --input '{}' has {}", reference.name,
                              reference.x.rows(), in.name, in.x.rows()));
    saved.scaling.apply(reference.x);
    clean = std::move(reference.x);
  }
  FloatMatrix denoised = map_in_chunks(noisy, model.input_size(),
                                       [&](ConstMatrixRef x) { return reconstructor.reconstruct(x); });
  if (clean.size() > 0)
    std::cout << fmt::format("{} rows: mse against the clean data (scaled units): noisy {:.6f}, "
                             "denoised {:.6f}\n", noisy.rows(), loss::mse(noisy, clean),
                             loss::mse(denoised, clean));
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
    image::write_png(args.grid, report::tile_images(rows, shape, n, low, high > low ? high : low + 1, 1, 2));
    std::cerr << fmt::format("wrote {} ({} / noisy / denoised)\n", args.grid,
                             with_clean ? "clean" : "no clean reference");
  }
  saved.scaling.invert(denoised);
  if (!args.noisy_output.empty()) {
    saved.scaling.invert(noisy);
    data::write_npy(args.noisy_output, noisy);
  }
  data::write_npy(args.output, denoised);
  std::cerr << fmt::format("wrote {} x {} to {}\n", denoised.rows(), denoised.cols(), args.output);
}

void run_denoise(const DenoiseArgs& args) {
  const auto corruption = models::Corruption::parse(args.noise);
  if (corruption.active() && !args.clean.empty())
    throw UsageError("give either --noise (corrupt clean --input here) or --clean (the input is "
                     "already noisy), not both");
  if (!args.noisy_output.empty() && !corruption.active())
    throw UsageError("--noisy-output writes the input corrupted by --noise; give --noise too");
  if (args.count < 1) throw UsageError(fmt::format("--count must be at least 1, found {}", args.count));
  if (!(args.pixel_max > 0))
    throw UsageError(fmt::format("--pixel-max must be positive, found {}", args.pixel_max));
  if (image::has_image_extension(args.input))
    run_denoise_image(args, corruption);
  else
    run_denoise_data(args, corruption);
}

}  // namespace

Action add_denoise_command(CLI::App& root) {
  auto* cmd = root.add_subcommand("denoise", "Denoise data with a trained (denoising) autoencoder");
  auto args = std::make_shared<DenoiseArgs>();
  cmd->add_option("--model,-m", args->model, "trained model (.aek)")->required();
  cmd->add_option("--input,-i", args->input, "noisy data (or clean data with --noise): an image file (.png .jpg .pgm .ppm) or a data set (npy:F, idx:F, csv:F, fashion-mnist:test, ...)")->required();
  cmd->add_option("--output,-o", args->output, "denoised image file, or .npy (float32, original units) for a data set")->required();
  cmd->add_option("--noise", args->noise, "corrupt the input first: gaussian:SIGMA, mask:NU, saltpepper:P, uniform:A (optional :clip)");
  cmd->add_option("--noisy-output", args->noisy_output, "also write the corrupted input (with --noise): an image file, or .npy for a data set");
  cmd->add_option("--clean", args->clean, "clean reference for the noisy --input, to score against");
  cmd->add_option("--seed", args->seed, "seed of the --noise draw (default 42)");
  cmd->add_option("--grid", args->grid, "also write a PNG: clean / noisy / denoised rows");
  cmd->add_option("--count", args->count, "images per row of --grid (default 10)");
  cmd->add_option("--stride", args->stride, "image files: pixels between patches (default: a quarter of the patch height)");
  cmd->add_option("--pixel-max", args->pixel_max, "image files: the model sees pixels as 0..this (the units of its training data; default 255)");
  return [args] { run_denoise(*args); };
}

}  // namespace aekit::cli
