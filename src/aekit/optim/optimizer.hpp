#pragma once
// Optimizers update one flat parameter array from one flat gradient array.
//
// All follow PyTorch's definitions (torch.optim, 1.13), including L2 weight decay added to
// the gradient (g <- g + wd * p) before the update, so traces can be cross-checked.
// Their state (moments, step count) is exposed for checkpoints.
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "aekit/tensor/matrix.hpp"

namespace aekit::optim {

struct OptimizerConfig {
  std::string kind = "adam";   // sgd | adam | rmsprop
  double momentum = 0.0;       // sgd
  bool nesterov = false;       // sgd
  double beta1 = 0.9, beta2 = 0.999;  // adam
  double alpha = 0.99;         // rmsprop smoothing constant
  double eps = 1e-8;           // adam, rmsprop
  double weight_decay = 0.0;

  void validate() const;  // throws UsageError on impossible values
};

class Optimizer {
 public:
  virtual ~Optimizer() = default;
  // params[P] -= update(grads[P]) at learning rate lr. Allocates only on the first call.
  void step(std::span<Scalar> params, std::span<const Scalar> grads, double lr);

  // Named state arrays, each of size P once a step has run (for checkpoints).
  virtual std::vector<std::pair<std::string, Vector*>> state() = 0;
  long long steps() const { return steps_; }
  void set_steps(long long steps) { steps_ = steps; }
  // Sizes the state for P parameters (so a checkpoint can be loaded before any step).
  virtual void reserve(Index parameter_count) = 0;

 protected:
  explicit Optimizer(double weight_decay) : weight_decay_(weight_decay) {}
  // One update with the (weight-decayed) gradient g; steps_ already counts this step.
  virtual void update(std::span<Scalar> params, std::span<const Scalar> grads, double lr) = 0;
  double weight_decay_;
  long long steps_ = 0;
  Vector decayed_;  // g + wd * p when weight decay is on
};

std::unique_ptr<Optimizer> make_optimizer(const OptimizerConfig& config);

}  // namespace aekit::optim
