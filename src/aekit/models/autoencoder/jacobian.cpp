#include "aekit/models/autoencoder/jacobian.hpp"

#include <algorithm>

#include "aekit/models/autoencoder/contractive.hpp"
#include "aekit/tensor/batch_parts.hpp"

namespace aekit::models {
namespace {

// ||J(x_n)||_F for each row n of the batch whose forward pass the layers hold.
void deep_jacobian_norms(const std::vector<nn::Dense*>& layers, Index rows, Vector& norms) {
  std::vector<Matrix> slopes;  // g_l [rows, H_l]
  for (const nn::Dense* layer : layers) {
    ConstMatrixRef h = layer->output();
    slopes.emplace_back(h.rows(), h.cols());
    derivative_from_output(layer->activation(), h, slopes.back());
  }
  const BatchParts parts = BatchParts::split(rows, double(rows) * double(layers[0]->weight().size()));
  std::vector<Matrix> products(std::size_t(parts.workers())), nexts(products.size());
  parts.run([&](Index, Index worker, Index begin, Index end) {
    Matrix& product = products[std::size_t(worker)];
    Matrix& next = nexts[std::size_t(worker)];
    for (Index n = begin; n < end; ++n) {
      product = slopes[0].row(n).transpose().asDiagonal() * layers[0]->weight();
      for (std::size_t l = 1; l < layers.size(); ++l) {
        next.noalias() = layers[l]->weight() * product;
        product = slopes[l].row(n).transpose().asDiagonal() * next;
      }
      norms[n] = Scalar(product.norm());
    }
  });
}

}  // namespace

double mean_jacobian_frobenius(Autoencoder& model, ConstMatrixRef x, Index batch) {
  const auto& layers = model.encoder_layers();
  double sum = 0;
  Vector norms;
  for (Index begin = 0; begin < x.rows(); begin += batch) {
    const Index rows = std::min(batch, x.rows() - begin);
    model.encode(x.middleRows(begin, rows));
    norms.resize(rows);
    if (layers.size() == 1) {
      squared_jacobian_norms(layers[0]->activation(), layers[0]->output(), layers[0]->weight(),
                             norms);
      norms = norms.cwiseSqrt();
    } else {
      deep_jacobian_norms(layers, rows, norms);
    }
    sum += double(norms.sum());
  }
  return x.rows() > 0 ? sum / double(x.rows()) : 0;
}

double Autoencoder::mean_jacobian_norm(ConstMatrixRef x) {
  return mean_jacobian_frobenius(*this, x);
}

}  // namespace aekit::models
