#include "aekit/models/classifier/classifier_step.hpp"

#include <fmt/format.h>

#include <cmath>

#include "aekit/error.hpp"
#include "aekit/loss/softmax_cross_entropy.hpp"
#include "aekit/models/classifier/classification_metrics.hpp"

namespace aekit::models {

ClassifierStep::ClassifierStep(EncoderClassifier& model, const optim::OptimizerConfig& optimizer,
                               double learning_rate, HybridObjective hybrid)
    : model_(model), hybrid_(std::move(hybrid)),
      objective_(hybrid_.loss, model.autoencoder().config().output),
      autoencoder_optimizer_(optim::make_optimizer(optimizer)),
      head_optimizer_(optim::make_optimizer(optimizer)),
      groups_{train::ParameterGroup{"autoencoder", model.autoencoder().parameters().values(),
                                    model.autoencoder().parameters().grads(),
                                    autoencoder_optimizer_.get(), learning_rate},
              train::ParameterGroup{"head", model.head_parameters().values(), model.head_parameters().grads(),
                                    head_optimizer_.get(), learning_rate}} {
  if (hybrid_.reconstruction_weight < 0 || !std::isfinite(hybrid_.reconstruction_weight))
    throw UsageError(fmt::format("reconstruction_weight: expected a finite value >= 0, found {}",
                                 hybrid_.reconstruction_weight));
}

std::vector<std::string> ClassifierStep::loss_names() const {
  if (hybrid_.reconstruction_weight == 0) return {"cross_entropy"};
  return {"loss", "cross_entropy", "reconstruction"};
}

ConstMatrixRef ClassifierStep::head_backward(ConstMatrixRef h, std::span<const int> labels, double& loss) {
  nn::Dense& head = model_.head();
  head.set_training(nullptr);
  ConstMatrixRef z = head.forward(h);
  MatrixMap dz = score_gradient_.view(z.rows(), z.cols());
  loss = loss::softmax_cross_entropy(z, labels);
  loss::softmax_cross_entropy_gradient(z, labels, dz);
  return head.backward(dz);
}

ConstMatrixRef ClassifierStep::reconstruction_rows(ConstMatrixRef x, Rng& noise) {
  const Matrix& pool = hybrid_.unlabelled;
  if (pool.rows() == 0) return x;
  const Index b = x.rows();
  MatrixMap rows = rows_.view(2 * b, x.cols());
  rows.topRows(b) = x;
  for (Index i = 0; i < b; ++i) rows.row(b + i) = pool.row(Index(noise.below(std::uint64_t(pool.rows()))));
  return rows;
}

void ClassifierStep::step(const train::Batch& batch, train::StepContext& context, std::span<double> losses) {
  if (Index(batch.labels.size()) != batch.x.rows())
    throw Error(fmt::format("classifier: expected a label for each of the batch's {} rows, found {}",
                            batch.x.rows(), batch.labels.size()));
  Autoencoder& autoencoder = model_.autoencoder();
  autoencoder.parameters().zero_grads();
  model_.head_parameters().zero_grads();
  const double alpha = hybrid_.reconstruction_weight;
  if (alpha == 0) {
    ConstMatrixRef h = autoencoder.forward_code(batch.x, &context.noise());
    autoencoder.backward_code(head_backward(h, batch.labels, losses[0]));
  } else {
    ConstMatrixRef rows = reconstruction_rows(batch.x, context.noise());
    ConstMatrixRef z = autoencoder.forward_logits(rows, &context.noise());
    const double reconstruction = objective_.reconstruction_loss(autoencoder, z, rows);
    MatrixRef dz = objective_.logit_gradient();
    dz *= Scalar(alpha);
    MatrixRef dh = autoencoder.backward_to_code(dz);
    double cross_entropy = 0;
    dh.topRows(batch.x.rows()) += head_backward(autoencoder.code().topRows(batch.x.rows()), batch.labels, cross_entropy);
    autoencoder.backward_first_layer(autoencoder.backward_to_first_hidden(dh));
    losses[0] = cross_entropy + alpha * reconstruction;
    losses[1] = cross_entropy;
    losses[2] = reconstruction;
  }
  for (auto& group : groups_) context.update(group);
}

void ClassifierStep::validate(const train::Batch& rows, std::span<double> metrics) {
  const auto m = measure_classification(model_, rows.x, rows.labels, /*confusion=*/false);
  metrics[0] = m.cross_entropy;
  metrics[1] = 1 - m.accuracy;
}

}  // namespace aekit::models
