// Lecture 003's figure: a denoising autoencoder learns a vector field r(x) - x that points
// from x back to the data manifold.
//
//   1. 2000 points near a sine arc (curve.hpp)           -> OUT/points.npy
//   2. a 2-128-2 autoencoder trained to reconstruct them from inputs corrupted by --noise,
//      through app::run_training                      -> OUT/run/ (model.aek, report, ...)
//   3. r(x) - x on a 25x25 grid over the data (+ margin), drawn at half length
//                                                        -> OUT/vector_field.svg
//   4. mean distance of the grid points to the curve, before (x) and after (r(x))
//                                                        -> OUT/distances.json and stdout
// Every run trains afresh: OUT/run is replaced. With --noise none (a plain autoencoder, which
// learns nearly the identity) the distance drops little; the denoising one pulls the grid
// towards the curve.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "aekit/data/npy.hpp"
#include "aekit/io/atomic_write.hpp"
#include "aekit/store/autoencoder_file.hpp"
#include "aekit/report/vector_field_svg.hpp"
#include "aekit/app/run_training.hpp"
#include "curve.hpp"

namespace fs = std::filesystem;
using namespace aekit;

namespace {

constexpr Index kPoints = 2000;
constexpr double kDataNoise = 0.02;  // spread of the samples around the curve
constexpr Index kGrid = 25;          // arrows per side
constexpr double kMargin = 0.15;     // of the data's larger extent, on every side
constexpr double kArrowScale = 0.5;  // arrows drawn at half length, for legibility

struct Args {
  fs::path out;
  std::string noise = "gaussian:0.1";
  int epochs = 150;
};

train::TrainConfig dae_config(const Args& args, const fs::path& points) {
  const std::vector<std::pair<std::string, std::string>> settings = {
      {"data", "npy:" + points.string()}, {"test_data", "none"}, {"scaling", "none"},
      {"dims", "2,128"}, {"activation", "relu"}, {"output_activation", "identity"},
      {"loss", "mse"}, {"epochs", std::to_string(args.epochs)}, {"batch", "64"}, {"lr", "3e-3"},
      {"val_split", "0"}, {"patience", "0"}, {"threads", "1"}, {"out", (args.out / "run").string()}};
  auto config = train::TrainConfig::defaults();
  for (const auto& [name, value] : settings) config.set(name, value);
  // "none" trains a plain autoencoder, and works also where TrainConfig has no "noise" option.
  if (args.noise != "none") config.set("noise", args.noise);
  return config;
}

// kGrid x kGrid points [kGrid^2, 2] covering the bounding box of `data` plus the margin.
FloatMatrix grid_over(const FloatMatrix& data) {
  const Eigen::RowVector2f low = data.colwise().minCoeff(), high = data.colwise().maxCoeff();
  const float margin = float(kMargin) * (high - low).maxCoeff();
  FloatMatrix grid(kGrid * kGrid, 2);
  for (Index i = 0; i < kGrid; ++i)
    for (Index j = 0; j < kGrid; ++j) {
      const float u = float(i) / (kGrid - 1), v = float(j) / (kGrid - 1);
      grid(i * kGrid + j, 0) = low[0] - margin + u * (high[0] - low[0] + 2 * margin);
      grid(i * kGrid + j, 1) = low[1] - margin + v * (high[1] - low[1] + 2 * margin);
    }
  return grid;
}

// r(x) for each row of x[N, 2], through the saved model's scaling.
FloatMatrix reconstruct(store::SavedAutoencoder& saved, FloatMatrix x) {
  saved.scaling.apply(x);
  FloatMatrix r = saved.model->reconstruct(x).cast<float>();
  saved.scaling.invert(r);
  return r;
}

std::string field_svg(const FloatMatrix& data, const FloatMatrix& grid, const FloatMatrix& r,
                      const std::string& noise) {
  report::VectorField field;
  field.title = fmt::format("Autoencoder (noise {}): r(x) - x at {}x length", noise, kArrowScale);
  field.arrow_scale = kArrowScale;
  field.x_label = "x1";
  field.y_label = "x2";
  field.arrows_name = "r(x) - x";
  for (Index i = 0; i < grid.rows(); ++i) {
    field.x.push_back(grid(i, 0));
    field.y.push_back(grid(i, 1));
    field.dx.push_back(r(i, 0) - grid(i, 0));
    field.dy.push_back(r(i, 1) - grid(i, 1));
  }
  for (Index i = 0; i < data.rows(); ++i) {
    field.data_x.push_back(data(i, 0));
    field.data_y.push_back(data(i, 1));
  }
  return report::vector_field_svg(field);
}

void run(const Args& args) {
  const fs::path points = args.out / "points.npy";
  const train::TrainConfig config = dae_config(args, points);  // a bad --noise stops here
  fs::create_directories(args.out);
  fs::remove_all(args.out / "run");
  Rng rng = Rng(2024).derive("curve");
  const FloatMatrix data = vector_field::sample_near_curve(kPoints, kDataNoise, rng);
  data::write_npy(points, data);

  app::run_training(config, false, std::cerr, false);
  auto saved = store::load_autoencoder(args.out / "run" / "model.aek");
  const FloatMatrix grid = grid_over(data), r = reconstruct(saved, grid);
  io::atomic_write(args.out / "vector_field.svg", field_svg(data, grid, r, args.noise));

  const double before = vector_field::mean_distance_to_curve(grid),
               after = vector_field::mean_distance_to_curve(r);
  const nlohmann::json distances = {{"noise", args.noise}, {"grid_points", grid.rows()},
                                    {"epochs", args.epochs},
                                    {"mean_distance_before", before},
                                    {"mean_distance_after", after}, {"ratio", after / before}};
  io::atomic_write(args.out / "distances.json", distances.dump(2) + "\n");
  std::cout << fmt::format(
      "mean distance of the {} grid points to the curve: {:.4f} before, {:.4f} after r(x) "
      "(x{:.2f})\nwrote {}\n",
      grid.rows(), before, after, after / before, (args.out / "vector_field.svg").string());
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Lecture 003's vector field of a denoising autoencoder on a 2-D curve"};
  Args args;
  app.add_option("out", args.out, "output folder")->required();
  app.add_option("--noise", args.noise, "input corruption while training (none: plain autoencoder)")
      ->capture_default_str();
  app.add_option("--epochs", args.epochs, "training epochs")->capture_default_str();
  CLI11_PARSE(app, argc, argv);
  try {
    run(args);
  } catch (const std::exception& e) {
    std::cerr << "aekit_vector_field: " << e.what() << "\n";
    return 1;
  }
}
