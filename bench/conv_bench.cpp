// aekit side of `make bench`, conv section: training throughput of the default Fashion-MNIST
// conv autoencoder on real data, printed as one JSON object (bench/torch_conv.py is the peer):
//   encoder: Conv2d 1->32 3x3 pad 1 ReLU; MaxPool 2; Conv2d 32->32 3x3 pad 1 ReLU; MaxPool 2
//   decoder: ConvTranspose2d 32->32 3x3 s2 p1 op1 ReLU (7->14); ConvTranspose2d 32->16 (same,
//            14->28) ReLU; Conv2d 16->1 3x3 pad 1 sigmoid            (23,585 parameters)
// MSE, Adam 1e-3, batch 128, shuffled minibatches of Fashion-MNIST train scaled to [0, 1].
//
// The headline figure is the product's: the conv autoencoder (conv_preset convae, the same
// layers) trained by the one training loop (train::Trainer::train_epoch over its
// AutoencoderStep), as `aekit train --model conv` runs its epochs. Beside it, the harness: the
// same network as an nn::Sequential with the step written here (zero gradients, forward, MSE
// and its gradient, backward, Adam step) one layer at a time, so that each layer's forward and
// backward can be timed.
// Effective FLOP per sample of a convolution layer with weight W (either kind) applied at
// `positions` patch positions: 2 |W| positions for each of forward, weight gradient and input
// gradient (the first layer's input needs none). Pooling is not counted.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <iostream>
#include <numeric>
#include <vector>

#include "aekit/app/family.hpp"
#include "aekit/data/dataset.hpp"
#include "aekit/models/autoencoder/autoencoder_step.hpp"
#include "aekit/data/scaling.hpp"
#include "aekit/loss/mse.hpp"
#include "aekit/nn/conv2d.hpp"
#include "aekit/nn/conv_transpose2d.hpp"
#include "aekit/nn/max_pool2d.hpp"
#include "aekit/nn/parameters.hpp"
#include "aekit/nn/sequential.hpp"
#include "aekit/optim/optimizer.hpp"
#include "aekit/tensor/threads.hpp"
#include "bench_threads.hpp"
#include "aekit/tensor/workspace.hpp"

using namespace aekit;

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

nn::Sequential conv_autoencoder() {
  const auto relu = Activation::relu;
  const nn::Init init = nn::Init::parse("torch");  // PyTorch's default, as the peer
  const ConvKernel same{3, 1, 1, 1}, up{3, 2, 1, 1};
  nn::Sequential net;
  net.add(std::make_unique<nn::Conv2d>(Shape{1, 28, 28}, 32, same, relu, init));
  net.add(std::make_unique<nn::MaxPool2d>(Shape{32, 28, 28}, 2, 2));
  net.add(std::make_unique<nn::Conv2d>(Shape{32, 14, 14}, 32, same, relu, init));
  net.add(std::make_unique<nn::MaxPool2d>(Shape{32, 14, 14}, 2, 2));
  net.add(std::make_unique<nn::ConvTranspose2d>(Shape{32, 7, 7}, 32, up, 1, relu, init));
  net.add(std::make_unique<nn::ConvTranspose2d>(Shape{32, 14, 14}, 16, up, 1, relu, init));
  net.add(std::make_unique<nn::Conv2d>(Shape{16, 28, 28}, 1, same, Activation::sigmoid, init));
  return net;
}

// A convolution layer's name for the report ("conv2d 1->32"), or the layer's kind.
std::string layer_name(const nn::Layer& layer) {
  const nlohmann::json config = layer.config();
  if (!config.contains("out_channels")) return layer.kind();
  return fmt::format("{} {}->{}", layer.kind(), config["input"][0].get<Index>(),
                     config["out_channels"].get<Index>());
}

// FLOP per sample of a layer's forward and backward (0 for layers without weights).
double layer_flop(const nn::Layer& layer) {
  if (layer.param_specs().empty()) return 0;
  const nlohmann::json config = layer.config();
  const Index positions = layer.kind() == "conv_transpose2d"
                              ? config["input"][1].get<Index>() * config["input"][2].get<Index>()
                              : layer.out_features() / config["out_channels"].get<Index>();
  const double pass = 2.0 * double(layer.param_specs()[0].size()) * double(positions);
  return pass * (layer.input_gradient() ? 3 : 2);
}

// The training step of the harness, timing each layer's forward and backward.
class TimedTraining {
 public:
  TimedTraining() : net_(conv_autoencoder()) {
    params_.allocate_and_bind({{"net", &net_}});
    Rng rng(1);
    net_.initialize(rng);
    net_[0].set_input_gradient(false);
    optim::OptimizerConfig adam;
    optimizer_ = optim::make_optimizer(adam);
    forward_.assign(net_.size(), 0);
    backward_.assign(net_.size(), 0);
  }

  // One step on `batch`; returns the loss.
  double step(ConstMatrixRef batch) {
    params_.zero_grads();
    ConstMatrixMap a(nullptr, 0, 0);
    rebind(a, batch.data(), batch.rows(), batch.cols());
    for (std::size_t i = 0; i < net_.size(); ++i) {
      const auto start = Clock::now();
      ConstMatrixRef y = net_[i].forward(a);
      rebind(a, y.data(), y.rows(), y.cols());
      forward_[i] += seconds_since(start);
    }
    MatrixMap dy = output_gradient_.view(a.rows(), a.cols());
    const double loss = loss::mse(a, batch);
    loss::mse_gradient(a, batch, dy);
    rebind(a, dy.data(), dy.rows(), dy.cols());
    for (std::size_t i = net_.size(); i-- > 0;) {
      const auto start = Clock::now();
      ConstMatrixRef dx = net_[i].backward(a);
      rebind(a, dx.data(), dx.rows(), dx.cols());
      backward_[i] += seconds_since(start);
    }
    optimizer_->step(params_.values(), params_.grads(), 1e-3);
    return loss;
  }

  // Per-layer seconds since the last call, then zeroed.
  nlohmann::json take_layer_times(Index steps) {
    nlohmann::json layers = nlohmann::json::array();
    for (std::size_t i = 0; i < net_.size(); ++i) {
      layers.push_back({{"layer", layer_name(net_[i])},
                        {"forward_ms", 1e3 * forward_[i] / double(steps)},
                        {"backward_ms", 1e3 * backward_[i] / double(steps)},
                        {"flop_per_sample", layer_flop(net_[i])}});
      forward_[i] = backward_[i] = 0;
    }
    return layers;
  }

  double flop_per_sample() {
    double total = 0;
    for (std::size_t i = 0; i < net_.size(); ++i) total += layer_flop(net_[i]);
    return total;
  }
  Index parameter_count() const { return params_.size(); }

 private:
  nn::Sequential net_;
  nn::Parameters params_;
  std::unique_ptr<optim::Optimizer> optimizer_;
  Workspace output_gradient_;
  std::vector<double> forward_, backward_;  // seconds per layer
};

// Samples/s of the fastest of `epochs` epochs of the product's loop on x (rows [1, 28, 28]).
double loop_speed(ConstMatrixRef x, Index batch, int epochs) {
  train::TrainConfig c = train::TrainConfig::defaults();
  c.set("model", "conv");
  c.set("init", "torch");
  c.set("batch", std::to_string(batch));
  c.model.input_shape = {1, 28, 28};  // as run_training sets it from the data
  c.validate();
  models::Autoencoder model(c.model);
  Rng rng(1);
  model.initialize(rng);
  models::Objective objective(c.loss, c.model.output, c.regularization());
  models::AutoencoderStep step(model, objective, optim::make_optimizer(c.optimizer), c.lr);
  train::Trainer trainer(step, app::loop_settings(c));
  double best = 0;
  for (int e = 1; e <= epochs; ++e) {
    const auto start = Clock::now();
    trainer.train_epoch({x}, e, nullptr);
    best = std::max(best, double(x.rows()) / seconds_since(start));
  }
  return best;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"aekit conv autoencoder training benchmark"};
  std::string data_spec = "fashion-mnist:train";
  std::string threads_text = "2";
  int epochs = 2;
  Index batch = 128;
  app.add_option("--data", data_spec, "e.g. fashion-mnist:train?limit=10000");
  app.add_option("--threads", threads_text, "a count or auto");
  app.add_option("--epochs", epochs, "timed epochs; the best one is reported");
  app.add_option("--batch", batch);
  CLI11_PARSE(app, argc, argv);
  const int threads = bench::parse_threads(threads_text);

  set_threads(threads);
  data::Dataset d = data::load_dataset(data_spec);
  data::Scaling::fit(data::ScalingKind::unit, d.x).apply(d.x);
  const Matrix x = d.x.cast<Scalar>();
  const Index n = x.rows();

  TimedTraining training;
  std::vector<std::int64_t> order(n);
  Matrix rows(batch, x.cols());
  double best = 0, loss = 0;
  nlohmann::json layers;
  for (int e = 1; e <= epochs; ++e) {
    std::iota(order.begin(), order.end(), 0);
    Rng(1).derive("shuffle", e).shuffle(order);
    const auto start = Clock::now();
    Index steps = 0;
    for (Index begin = 0; begin < n; begin += batch, ++steps) {
      const Index count = std::min(batch, n - begin);
      for (Index i = 0; i < count; ++i) rows.row(i) = x.row(order[begin + i]);
      loss = training.step(rows.topRows(count));
    }
    const double speed = double(n) / seconds_since(start);
    nlohmann::json times = training.take_layer_times(steps);
    if (speed > best) {
      best = speed;
      layers = times;
    }
  }
  const double loop = loop_speed(x, batch, epochs);
  std::cout << nlohmann::json{{"peer", "aekit"}, {"threads", threads}, {"batch", batch},
                              {"epochs", epochs}, {"samples", n},
                              {"parameters", training.parameter_count()},
                              {"samples_per_second", loop}, {"bare_step_samples_per_second", best},
                              {"last_epoch_loss", loss},
                              {"flop_per_sample", training.flop_per_sample()},
                              {"gflops", loop * training.flop_per_sample() / 1e9},
                              {"layers", layers}}
                   .dump()
            << "\n";
}
