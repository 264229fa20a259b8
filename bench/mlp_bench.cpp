// aekit side of `make bench`: training throughput of an MLP autoencoder on real data, and
// the GEMM peak of this machine measured in the same process, printed as one JSON object.
// Regularized variants (denoising + sparse, contractive) train the same model in the same
// process, their epochs interleaved with the plain one's, and are reported as time ratios.
//
// Everything runs through the product's one training loop (train::Trainer) and the
// autoencoder's training step. The headline figure is what users see: the median epoch of
// Trainer::fit with a 10% validation split, progress output and a checkpoint written after
// every epoch (in the background, as `aekit train` does); beside it the bare step
// (AutoencoderStep::step on the batches in order, no shuffling, gathering, progress or
// validation), a pass of it after every loop epoch, and the loop's cost over it, and every
// epoch's speed (a drift shows there).
// Effective FLOP per sample for dims d0..dk (mirrored), with W_l of size in_l x out_l:
//   forward 2 sum(in*out); weight gradients 2 sum(in*out); input gradients 2 sum(in*out)
//   minus the first layer's (its input needs no gradient).
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <sstream>
#include <iostream>
#include <memory>
#include <vector>

#include "aekit/data/dataset.hpp"
#include "aekit/data/scaling.hpp"
#include "aekit/tensor/gemm.hpp"
#include "aekit/tensor/threads.hpp"
#include "bench_threads.hpp"
#include "aekit/app/family.hpp"
#include "aekit/models/autoencoder/autoencoder_step.hpp"
#include "aekit/app/epoch_files.hpp"
#include "aekit/store/saved_model.hpp"
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

// Weights of encoder and decoder together.
double weight_count(const std::vector<Index>& dims) {
  double weights = 0;
  for (std::size_t i = 0; i + 1 < dims.size(); ++i) weights += double(dims[i]) * double(dims[i + 1]);
  return 2 * weights;
}

double flop_per_sample(const std::vector<Index>& dims) {
  return 6 * weight_count(dims) - 2 * double(dims[0]) * double(dims[1]);
}

}  // namespace

// What step() needs of a loop, minimally: the update at a fixed rate, one noise stream.
class BareContext final : public train::StepContext {
 public:
  explicit BareContext(double lr) : lr_(lr) {}
  void update(train::ParameterGroup& g) override { g.optimizer->step(g.values, g.grads, lr_); }
  Rng& noise() override { return noise_; }
  double learning_rate(const train::ParameterGroup&) const override { return lr_; }
  std::int64_t global_step() const override { return 0; }

 private:
  double lr_;
  Rng noise_{7};
};

// One model in training: its settings, step and loop.
struct Variant {
  std::string name;
  train::TrainConfig config;
  models::Autoencoder model;
  models::Objective objective;
  models::AutoencoderStep step;
  train::Trainer trainer;
  double best = 0, loss = 0;  // samples/s of the fastest epoch, loss of the last

  Variant(std::string variant_name, const train::TrainConfig& settings)
      : name(std::move(variant_name)), config(validated(settings)), model(config.model),
        objective(config.loss, config.model.output, config.regularization()),
        step(model, objective, optim::make_optimizer(config.optimizer), config.lr),
        trainer(step, app::loop_settings(config)) {
    Rng rng(1);
    model.initialize(rng);
  }
  static const train::TrainConfig& validated(const train::TrainConfig& c) {
    c.validate();
    return c;
  }
  void epoch(ConstMatrixRef x, int e) {
    const auto start = std::chrono::steady_clock::now();
    loss = trainer.train_epoch({x}, e, nullptr)[0];
    best = std::max(best, double(x.rows()) / seconds_since(start));
  }
};

// The bare step: every batch of x (in order, gathered once) through step(); samples/s.
double bare_step_pass(Variant& v, ConstMatrixRef x) {
  const Index batch = v.config.batch;
  BareContext context(v.config.lr);
  double losses[1];
  const auto start = std::chrono::steady_clock::now();
  for (Index first = 0; first < x.rows(); first += batch)
    v.step.step({x.middleRows(first, std::min(batch, x.rows() - first)), {}}, context, losses);
  return double(x.rows()) / seconds_since(start);
}

// The loop as `aekit train` runs it and, after each of its epochs, one pass of the bare step
// on another model: this machine's speed drifts by 10% from one minute to the next, so the
// two are measured interleaved rather than one after the other.
struct LoopRun {
  std::vector<double> epochs;  // samples/s of each epoch's training steps
  std::vector<double> bare;    // samples/s of the bare pass after each epoch
  double overall = 0;  // training rows * epochs / wall time of fit (validation, checkpoints
                       // included, the bare passes left out)
};

LoopRun loop_as_users_run_it(const train::TrainConfig& settings, ConstMatrixRef x, int epochs,
                             Variant& bare_variant) {
  train::TrainConfig c = settings;
  c.epochs = epochs;
  c.patience = 0;
  Variant v("loop", c);
  const Index n_val = x.rows() / 10;
  const Matrix val = x.topRows(n_val), train = x.bottomRows(x.rows() - n_val);
  const auto folder = std::filesystem::temp_directory_path() / fmt::format("aekit-bench-{}", ::getpid());
  std::filesystem::create_directories(folder);
  std::ostringstream log;
  train::Progress progress(log, false, epochs, (train.rows() + c.batch - 1) / c.batch);
  train::TrainerState state;
  const data::Scaling scaling;
  LoopRun run;
  double bare_seconds = 0;
  const auto start = std::chrono::steady_clock::now();
  app::EpochFiles files(folder, store::model_header(v.model, scaling, {}), c);
  v.trainer.fit({train}, {val}, state, &progress, [&](const train::TrainerState& s) {
    // Before this epoch's files start (they are written while the next epoch trains).
    const auto bare_start = std::chrono::steady_clock::now();
    run.bare.push_back(bare_step_pass(bare_variant, x));
    bare_seconds += seconds_since(bare_start);
    files.after_epoch(v.step, s);
  });
  files.finish();
  run.overall = double(train.rows()) * epochs / (seconds_since(start) - bare_seconds);
  for (const auto& r : state.history) run.epochs.push_back(r.samples_per_second);
  std::filesystem::remove_all(folder);
  return run;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

int main(int argc, char** argv) {
  CLI::App app{"aekit MLP autoencoder training benchmark"};
  std::string data_spec = "fashion-mnist:train", dims = "784,256,32";
  std::string threads_text = "2";
  int epochs = 2;
  app.add_option("--data", data_spec);
  app.add_option("--dims", dims);
  app.add_option("--threads", threads_text, "a count or auto");
  app.add_option("--epochs", epochs, "timed epochs of the variants; the best one is reported");
  int loop_epochs = 5;
  app.add_option("--loop-epochs", loop_epochs, "epochs of the loop as users run it; the median is the headline");
  CLI11_PARSE(app, argc, argv);
  const int threads = bench::parse_threads(threads_text);

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
  const LoopRun loop = loop_as_users_run_it(config, d.x, loop_epochs, *variants.front());
  const double users = median(loop.epochs), bare = median(loop.bare);
  const double peak = gemm_peak(2048, 3);
  const double gflops = users * flop_per_sample(config.model.dims) / 1e9;
  nlohmann::json regularized = nlohmann::json::object();
  for (const auto& v : variants)
    if (v.get() != &plain)
      regularized[v->name] = {{"samples_per_second", v->best},
                              {"epoch_time_ratio", plain.best / v->best}};
  std::cout << nlohmann::json{{"peer", "aekit"}, {"threads", threads}, {"dims", dims},
                              {"batch", config.batch}, {"samples_per_second", users},
                              {"loop_epochs_samples_per_second", loop.epochs},
                              {"loop_overall_samples_per_second", loop.overall},
                              {"bare_step_samples_per_second", bare},
                              {"bare_passes_samples_per_second", loop.bare},
                              // validation's forward passes (2 FLOP per weight, a ninth as
                              // many rows) over an epoch's training FLOP
                              {"validation_flop_share", 2 * weight_count(config.model.dims) /
                                                            (9 * flop_per_sample(config.model.dims))},
                              {"train_epoch_samples_per_second", plain.best},
                              {"last_epoch_loss", plain.loss}, {"gflops", gflops},
                              {"gemm_peak_gflops", peak}, {"flop_per_sample", flop_per_sample(config.model.dims)},
                              {"regularized", regularized}}
                   .dump()
            << "\n";
}
