// aekit side of `make bench`: training throughput of an MLP autoencoder on real data, and
// the GEMM peak of this machine measured in the same process, printed as one JSON object.
// Regularized variants (denoising + sparse, contractive) train the same model in the same
// process, their epochs interleaved with the plain one's, and are reported as time ratios.
//
// The training step is the product's own (train::Trainer::train_epoch), not a copy.
// Effective FLOP per sample for dims d0..dk (mirrored), with W_l of size in_l x out_l:
//   forward 2 sum(in*out); weight gradients 2 sum(in*out); input gradients 2 sum(in*out)
//   minus the first layer's (its input needs no gradient).
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <iostream>
#include <memory>
#include <vector>

#include "aekit/data/dataset.hpp"
#include "aekit/data/scaling.hpp"
#include "aekit/tensor/gemm.hpp"
#include "aekit/train/trainer.hpp"

using namespace aekit;

namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Best of `repeats` timings of C = A B for n x n matrices, in GFLOP/s.
double gemm_peak(Index n, int repeats) {
  Matrix a = Matrix::Random(n, n), b = Matrix::Random(n, n), c(n, n);
  double best = 0;
  for (int r = 0; r < repeats; ++r) {
    const auto start = std::chrono::steady_clock::now();
    gemm_nn(a, b, c);
    best = std::max(best, 2.0 * n * n * n / seconds_since(start) / 1e9);
  }
  return best;
}

double flop_per_sample(const std::vector<Index>& dims) {
  double weights = 0;
  for (std::size_t i = 0; i + 1 < dims.size(); ++i) weights += double(dims[i]) * double(dims[i + 1]);
  weights *= 2;  // encoder and decoder
  return 6 * weights - 2 * double(dims[0]) * double(dims[1]);
}

}  // namespace

// One model in training: its settings and everything its steps need.
struct Variant {
  std::string name;
  train::TrainConfig config;
  std::unique_ptr<models::Autoencoder> model;
  std::unique_ptr<models::Objective> objective;
  std::unique_ptr<optim::Optimizer> optimizer;
  std::unique_ptr<train::Trainer> trainer;
  double best = 0, loss = 0;  // samples/s of the fastest epoch, loss of the last

  Variant(std::string variant_name, const train::TrainConfig& settings)
      : name(std::move(variant_name)), config(settings) {
    config.validate();
    model = std::make_unique<models::Autoencoder>(config.model);
    Rng rng(1);
    model->initialize(rng);
    objective = std::make_unique<models::Objective>(config.loss, config.model.output,
                                                    config.regularization());
    optimizer = optim::make_optimizer(config.optimizer);
    trainer = std::make_unique<train::Trainer>(*model, *objective, *optimizer, config);
  }
  void epoch(ConstMatrixRef x, int e) {
    const auto start = std::chrono::steady_clock::now();
    loss = trainer->train_epoch(x, e, config.lr, nullptr);
    best = std::max(best, double(x.rows()) / seconds_since(start));
  }
};

int main(int argc, char** argv) {
  CLI::App app{"aekit MLP autoencoder training benchmark"};
  std::string data_spec = "fashion-mnist:train", dims = "784,256,32";
  int threads = 2, epochs = 2;
  app.add_option("--data", data_spec);
  app.add_option("--dims", dims);
  app.add_option("--threads", threads);
  app.add_option("--epochs", epochs, "timed epochs; the best one is reported");
  CLI11_PARSE(app, argc, argv);

  set_threads(threads);
  auto config = train::TrainConfig::defaults();
  config.set("dims", dims);
  config.set("threads", std::to_string(threads));
  data::Dataset d = data::load_dataset(data_spec);
  data::Scaling::fit(data::ScalingKind::unit, d.x).apply(d.x);

  std::vector<std::unique_ptr<Variant>> variants;
  const auto add = [&](const std::string& name, std::vector<std::pair<const char*, const char*>> settings) {
    auto c = config;
    for (const auto& [key, value] : settings) c.set(key, value);
    variants.push_back(std::make_unique<Variant>(name, c));
  };
  add("plain", {});
  add("mask+l1", {{"noise", "mask:0.25"}, {"l1", "1e-5"}});
  add("gaussian+l1", {{"noise", "gaussian:0.1"}, {"l1", "1e-5"}});
  add("contractive", {{"contractive", "0.1"}});
  for (int e = 1; e <= epochs; ++e)
    for (auto& v : variants) v->epoch(d.x, e);

  const Variant& plain = *variants.front();
  const double peak = gemm_peak(2048, 3);
  const double gflops = plain.best * flop_per_sample(config.model.dims) / 1e9;
  nlohmann::json regularized = nlohmann::json::object();
  for (const auto& v : variants)
    if (v.get() != &plain)
      regularized[v->name] = {{"samples_per_second", v->best},
                              {"epoch_time_ratio", plain.best / v->best}};
  std::cout << nlohmann::json{{"peer", "aekit"}, {"threads", threads}, {"dims", dims},
                              {"batch", config.batch}, {"samples_per_second", plain.best},
                              {"last_epoch_loss", plain.loss}, {"gflops", gflops},
                              {"gemm_peak_gflops", peak}, {"flop_per_sample", flop_per_sample(config.model.dims)},
                              {"regularized", regularized}}
                   .dump()
            << "\n";
}
