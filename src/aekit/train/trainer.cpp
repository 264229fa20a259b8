#include "aekit/train/trainer.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <numeric>

#include "aekit/number_text.hpp"
#include "aekit/optim/clip.hpp"
#include "aekit/tensor/gather_rows.hpp"

namespace aekit::train {
namespace {

nlohmann::json number_or_null(double value) {
  return std::isfinite(value) ? nlohmann::json(value) : nlohmann::json(nullptr);
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

constexpr std::string_view kRecordFields[] = {"epoch", "lr", "seconds", "samples_per_second"};

}  // namespace

double EpochRecord::value(std::string_view name) const {
  for (const auto& [key, v] : values)
    if (key == name) return v;
  return std::nan("");
}

nlohmann::json EpochRecord::to_json() const {
  nlohmann::json j = {{"epoch", epoch}, {"lr", lr}, {"seconds", seconds},
                      {"samples_per_second", samples_per_second}};
  for (const auto& [name, v] : values) j[name] = number_or_null(v);
  return j;
}

EpochRecord EpochRecord::from_json(const nlohmann::json& j) {
  EpochRecord r;
  r.epoch = j.at("epoch").get<int>();
  r.lr = j.at("lr").get<double>();
  r.seconds = j.at("seconds").get<double>();
  r.samples_per_second = j.at("samples_per_second").get<double>();
  for (const auto& [key, v] : j.items())
    if (std::find(std::begin(kRecordFields), std::end(kRecordFields), key) == std::end(kRecordFields))
      r.values.emplace_back(key, v.is_null() ? std::nan("") : v.get<double>());
  return r;
}

nlohmann::json PartialEpoch::to_json() const {
  if (epoch == 0) return nullptr;
  return {{"epoch", epoch}, {"batches_done", batches_done}, {"loss_sums", loss_sums},
          {"seconds", seconds}, {"noise", noise}};
}

PartialEpoch PartialEpoch::from_json(const nlohmann::json& j) {
  if (j.is_null()) return {};
  return {j.at("epoch").get<int>(), j.at("batches_done").get<Index>(),
          j.at("loss_sums").get<std::vector<double>>(), j.at("seconds").get<double>(),
          j.at("noise").get<Rng::Words>()};
}

nlohmann::json TrainerState::history_json() const {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& r : history) list.push_back(r.to_json());
  return list;
}

// What step() sees of the loop during one epoch.
class Trainer::Context final : public StepContext {
 public:
  Context(const Trainer& trainer, int epoch, Rng noise, std::int64_t first_step)
      : trainer_(trainer), epoch_(epoch), noise_(noise), step_(first_step) {}

  void update(ParameterGroup& group) override {
    if (!group.optimizer) throw Error(fmt::format("parameter group '{}' has no optimizer", group.name));
    for (const auto& hook : trainer_.hooks_) hook(group);
    group.optimizer->step(group.values, group.grads, learning_rate(group));
  }
  Rng& noise() override { return noise_; }
  double learning_rate(const ParameterGroup& group) const override {
    return trainer_.scheduled(group.learning_rate, epoch_);
  }
  std::int64_t global_step() const override { return step_; }
  void next_step() { ++step_; }

 private:
  const Trainer& trainer_;
  int epoch_;
  Rng noise_;
  std::int64_t step_;
};

Trainer::Trainer(TrainingStep& step, LoopSettings settings)
    : step_(step), settings_(std::move(settings)),
      loss_names_(step.loss_names()), metric_names_(step.metric_names()) {
  AEKIT_ASSERT(!loss_names_.empty() && step.monitored_metric() < std::max<std::size_t>(metric_names_.size(), 1));
  if (settings_.clip_norm > 0)
    hooks_.push_back([max_norm = settings_.clip_norm](ParameterGroup& group) {
      optim::clip_gradient_norm(group.grads, max_norm);
    });
  batch_losses_.resize(loss_names_.size());
  loss_sums_.resize(loss_names_.size());
  metrics_.resize(metric_names_.size());
}

double Trainer::scheduled(double base_lr, int epoch) const {
  return settings_.schedule.learning_rate(base_lr, epoch - 1, settings_.epochs);
}

Index Trainer::group_value_count() const {
  Index total = 0;
  for (const auto& g : step_.groups()) total += Index(g.values.size());
  return total;
}

void Trainer::copy_group_values(Vector& values) const {
  values.resize(group_value_count());
  Index at = 0;
  for (const auto& g : step_.groups()) {
    std::copy(g.values.begin(), g.values.end(), values.data() + at);
    at += Index(g.values.size());
  }
}

void Trainer::set_group_values(std::span<const Scalar> values) {
  AEKIT_ASSERT(Index(values.size()) == group_value_count());
  for (auto& g : step_.groups()) {
    std::copy_n(values.begin(), g.values.size(), g.values.begin());
    values = values.subspan(g.values.size());
  }
}

std::span<const double> Trainer::train_epoch(Rows train, int epoch, Progress* progress) {
  run_epoch(train, epoch, progress, nullptr);
  return loss_sums_;
}

bool Trainer::run_epoch(Rows train, int epoch, Progress* progress, PartialEpoch* partial) {
  const Index n = train.x.rows(), d = train.x.cols(), batch = std::min(settings_.batch, n);
  const bool labelled = !train.labels.empty();
  AEKIT_ASSERT(!labelled || Index(train.labels.size()) == n);
  order_.resize(std::size_t(n));
  std::iota(order_.begin(), order_.end(), 0);
  Rng(settings_.seed).derive("shuffle", std::uint64_t(epoch)).shuffle(order_);
  const Index batches = (n + batch - 1) / batch;
  const bool resuming = partial && partial->epoch == epoch;
  const Index first = resuming ? partial->batches_done : 0;
  Context context(*this, epoch,
                  resuming ? Rng::restore(partial->noise) : Rng(settings_.seed).derive("noise", std::uint64_t(epoch)),
                  std::int64_t(epoch - 1) * batches + first);
  batch_labels_.resize(labelled ? std::size_t(batch) : 0);

  const auto start = std::chrono::steady_clock::now();
  if (resuming)
    std::copy(partial->loss_sums.begin(), partial->loss_sums.end(), loss_sums_.begin());
  else
    std::fill(loss_sums_.begin(), loss_sums_.end(), 0.0);
  for (Index b = first; b < batches; ++b, context.next_step()) {
    const Index begin = b * batch, rows = std::min(batch, n - begin);
    const auto picked = std::span<const std::int64_t>(order_).subspan(std::size_t(begin), std::size_t(rows));
    MatrixMap x = batch_.view(rows, d);
    gather_rows(train.x, picked, x);
    if (labelled)
      for (Index i = 0; i < rows; ++i)
        batch_labels_[std::size_t(i)] = train.labels[std::size_t(picked[std::size_t(i)])];

    const Batch minibatch{x, std::span<const std::int32_t>(batch_labels_).first(labelled ? std::size_t(rows) : 0)};
    step_.step(minibatch, context, batch_losses_);
    for (std::size_t k = 0; k < batch_losses_.size(); ++k) {
      if (!std::isfinite(batch_losses_[k]))
        throw TrainingDiverged(fmt::format("training diverged at epoch {}, batch {}: {} is {} "
                                           "(try a smaller --lr, or --clip-norm 1)",
                                           epoch, b + 1, loss_names_[k], batch_losses_[k]));
      loss_sums_[k] += batch_losses_[k] * double(rows);
    }
    if (progress) {
      const double elapsed = seconds_since(start);
      progress->batch(epoch, b + 1, batch_losses_[0], elapsed > 0 ? double(begin + rows - first * batch) / elapsed : 0);
    }
    if (partial && b + 1 < batches && stop_requested()) {
      *partial = {epoch, b + 1, loss_sums_, (resuming ? partial->seconds : 0) + seconds_since(start),
                  context.noise().save()};
      return false;
    }
  }
  for (double& sum : loss_sums_) sum /= double(n);
  if (partial) partial->epoch = 0;
  return true;
}

std::string Trainer::fit(Rows train, Rows val, TrainerState& state, Progress* progress,
                         const std::function<void(const TrainerState&)>& on_epoch) {
  const auto early_stop = [&](int epoch) {
    return fmt::format("early stop after epoch {}: no validation gain for {}", epoch,
                       count_of(settings_.patience, "epoch"));
  };
  const auto& groups = step_.groups();
  // A run that already stopped early (resumed from its checkpoint) is finished too.
  const bool stopped = settings_.patience > 0 && state.epochs_without_gain >= settings_.patience;
  std::string outcome = stopped ? early_stop(state.epochs_done) : "completed";
  const bool validating = val.x.rows() > 0 && !metric_names_.empty();
  interrupted_ = false;
  for (int epoch = state.epochs_done + 1; !stopped && epoch <= settings_.epochs; ++epoch) {
    EpochRecord r;
    r.epoch = epoch;
    r.lr = groups.empty() ? 0 : scheduled(groups.front().learning_rate, epoch);
    const double earlier = state.partial.epoch == epoch ? state.partial.seconds : 0;
    const auto start = std::chrono::steady_clock::now();
    if (!run_epoch(train, epoch, progress, &state.partial)) {
      interrupted_ = true;
      on_epoch(state);
      return fmt::format("interrupted in epoch {} after batch {}", epoch, state.partial.batches_done);
    }
    const std::span<const double> losses = loss_sums_;
    r.seconds = earlier + seconds_since(start);
    r.samples_per_second = double(train.x.rows()) / r.seconds;
    for (std::size_t k = 0; k < losses.size(); ++k) r.values.emplace_back("train_" + loss_names_[k], losses[k]);
    std::fill(metrics_.begin(), metrics_.end(), std::nan(""));
    if (validating) step_.validate({val.x, val.labels}, metrics_);
    for (std::size_t k = 0; k < metrics_.size(); ++k) r.values.emplace_back("val_" + metric_names_[k], metrics_[k]);
    const double monitored = validating ? metrics_[step_.monitored_metric()] : std::nan("");
    // Without validation rows, the last epoch is the best one.
    if (!validating || monitored < state.best_val_loss) {
      state.best_val_loss = monitored;
      state.best_epoch = epoch;
      state.epochs_without_gain = 0;
      copy_group_values(state.best_values);
      state.best_extra = step_.extra_state();
    } else {
      ++state.epochs_without_gain;
    }
    state.epochs_done = epoch;
    state.history.push_back(r);
    if (progress)
      progress->epoch_end(epoch, fmt::format("{} {:.5f}{}  {:.1f}s  {:.0f} samples/s", loss_names_[0],
                                             losses[0], validating ? fmt::format("  val {:.5f}", monitored) : "",
                                             r.seconds, r.samples_per_second));
    on_epoch(state);
    if (settings_.patience > 0 && state.epochs_without_gain >= settings_.patience) {
      outcome = early_stop(epoch);
      break;
    }
    if (epoch < settings_.epochs && stop_requested()) {
      interrupted_ = true;
      return fmt::format("interrupted after epoch {}", epoch);
    }
  }
  if (state.best_values.size() == group_value_count()) {
    set_group_values({state.best_values.data(), std::size_t(state.best_values.size())});
    step_.set_extra_state({state.best_extra.data(), std::size_t(state.best_extra.size())});
  }
  return outcome;
}

std::vector<double> train_all_rows(TrainingStep& step, ConstMatrixRef x, const LoopSettings& settings) {
  Trainer trainer(step, settings);
  TrainerState state;
  trainer.fit({x}, {x.topRows(0)}, state, nullptr, [](const TrainerState&) {});
  std::vector<double> first_loss;
  for (const auto& r : state.history) first_loss.push_back(r.values.front().second);
  return first_loss;
}

}  // namespace aekit::train
