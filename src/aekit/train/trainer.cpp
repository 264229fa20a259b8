#include "aekit/train/trainer.hpp"

#include <fmt/format.h>

#include <chrono>
#include <cmath>
#include <numeric>

#include "aekit/optim/clip.hpp"

namespace aekit::train {
namespace {

double json_number(const nlohmann::json& value) {
  return value.is_null() ? std::nan("") : value.get<double>();
}

nlohmann::json number_or_null(double value) {
  return std::isfinite(value) ? nlohmann::json(value) : nlohmann::json(nullptr);
}

}  // namespace

nlohmann::json EpochRecord::to_json() const {
  return {{"epoch", epoch},           {"train_loss", train_loss},
          {"val_loss", number_or_null(val_loss)}, {"val_mse", number_or_null(val_mse)},
          {"lr", lr},                 {"seconds", seconds},
          {"samples_per_second", samples_per_second}};
}

EpochRecord EpochRecord::from_json(const nlohmann::json& j) {
  return {j.at("epoch").get<int>(),         j.at("train_loss").get<double>(),
          json_number(j.at("val_loss")),    json_number(j.at("val_mse")),
          j.at("lr").get<double>(),         j.at("seconds").get<double>(),
          j.at("samples_per_second").get<double>()};
}

nlohmann::json TrainerState::history_json() const {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& r : history) list.push_back(r.to_json());
  return list;
}

Trainer::Trainer(models::Autoencoder& model, models::Objective& objective,
                 optim::Optimizer& optimizer, const TrainConfig& config)
    : model_(model), objective_(objective), optimizer_(optimizer), config_(config) {}

double Trainer::train_epoch(ConstMatrixRef train, int epoch, double lr, Progress* progress) {
  const Index n = train.rows(), d = train.cols(), batch = std::min(config_.batch, n);
  order_.resize(std::size_t(n));
  std::iota(order_.begin(), order_.end(), 0);
  Rng(config_.seed).derive("shuffle", std::uint64_t(epoch)).shuffle(order_);
  Rng noise = Rng(config_.seed).derive("noise", std::uint64_t(epoch));  // corruption, code noise

  const auto start = std::chrono::steady_clock::now();
  double loss_sum = 0;
  const Index batches = (n + batch - 1) / batch;
  for (Index b = 0; b < batches; ++b) {
    const Index begin = b * batch, rows = std::min(batch, n - begin);
    MatrixMap x = batch_.view(rows, d);
    for (Index i = 0; i < rows; ++i) x.row(i) = train.row(order_[std::size_t(begin + i)]);

    const double loss = objective_.compute_gradients(model_, x, &noise);
    if (!std::isfinite(loss))
      throw TrainingDiverged(fmt::format("training diverged at epoch {}, batch {}: the loss is {} "
                                         "(try a smaller --lr, or --clip-norm 1)",
                                         epoch, b + 1, loss));
    optim::clip_gradient_norm(model_.parameters().grads(), config_.clip_norm);
    optimizer_.step(model_.parameters().values(), model_.parameters().grads(), lr);
    loss_sum += loss * double(rows);
    if (progress) {
      const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      progress->batch(epoch, b + 1, loss, elapsed > 0 ? double(begin + rows) / elapsed : 0);
    }
  }
  return loss_sum / double(n);
}

std::string Trainer::fit(ConstMatrixRef train, ConstMatrixRef val, TrainerState& state,
                         Progress* progress,
                         const std::function<void(const TrainerState&)>& on_epoch) {
  const auto params = model_.parameters().values();
  const auto early_stop = [&](int epoch) {
    return fmt::format("early stop after epoch {}: no validation gain for {} epochs", epoch,
                       config_.patience);
  };
  // A run that already stopped early (resumed from its checkpoint) is finished too.
  const bool stopped = config_.patience > 0 && state.epochs_without_gain >= config_.patience;
  std::string outcome = stopped ? early_stop(state.epochs_done) : "completed";
  for (int epoch = state.epochs_done + 1; !stopped && epoch <= config_.epochs; ++epoch) {
    EpochRecord r;
    r.epoch = epoch;
    r.lr = config_.schedule.learning_rate(config_.lr, epoch - 1, config_.epochs);
    const auto start = std::chrono::steady_clock::now();
    r.train_loss = train_epoch(train, epoch, r.lr, progress);
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    r.samples_per_second = double(train.rows()) / r.seconds;
    r.val_loss = r.val_mse = std::nan("");
    if (val.rows() > 0) {
      const auto m = models::evaluate_reconstruction(model_, val);
      r.val_loss = objective_.loss() == models::LossKind::bce ? m.bce : m.mse;
      r.val_mse = m.mse;
    }
    // Without validation rows, the last epoch is the best one.
    if (val.rows() == 0 || r.val_loss < state.best_val_loss) {
      state.best_val_loss = r.val_loss;
      state.best_epoch = epoch;
      state.epochs_without_gain = 0;
      state.best_params = Eigen::Map<const Vector>(params.data(), Index(params.size()));
      state.best_buffers = model_.buffer_values();
    } else {
      ++state.epochs_without_gain;
    }
    state.epochs_done = epoch;
    state.history.push_back(r);
    if (progress)
      progress->epoch_end(epoch, fmt::format("loss {:.5f}{}  {:.1f}s  {:.0f} samples/s", r.train_loss,
                                             val.rows() > 0 ? fmt::format("  val {:.5f}", r.val_loss) : "",
                                             r.seconds, r.samples_per_second));
    on_epoch(state);
    if (config_.patience > 0 && state.epochs_without_gain >= config_.patience) {
      outcome = early_stop(epoch);
      break;
    }
  }
  if (state.best_params.size() == Index(params.size())) {
    std::copy(state.best_params.begin(), state.best_params.end(), params.begin());
    model_.set_buffer_values({state.best_buffers.data(), std::size_t(state.best_buffers.size())});
  }
  return outcome;
}

}  // namespace aekit::train
