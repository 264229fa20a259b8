#include "aekit/nn/sequential.hpp"

#include <fmt/format.h>

#include "aekit/error.hpp"

namespace aekit::nn {
namespace {

// Points `map` at what a layer returned (always a contiguous buffer the layer owns).
// Eigen::Map's operator= copies values, so re-pointing goes through rebind.
void point_at(ConstMatrixMap& map, ConstMatrixRef view) {
  rebind(map, view.data(), view.rows(), view.cols());
}

}  // namespace

Sequential::Sequential(std::vector<LayerPtr> layers) {
  for (auto& layer : layers) add(std::move(layer));
}

Layer& Sequential::add(LayerPtr layer) {
  AEKIT_ASSERT(layer != nullptr);
  AEKIT_ASSERT(layers_.empty() || layers_.back()->out_features() == layer->in_features());
  layers_.push_back(std::move(layer));
  return *layers_.back();
}

Index Sequential::in_features() const { return layers_.empty() ? 0 : layers_.front()->in_features(); }
Index Sequential::out_features() const { return layers_.empty() ? 0 : layers_.back()->out_features(); }

nlohmann::json Sequential::config() const {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& layer : layers_) list.push_back(layer->config());
  return {{"kind", kind()}, {"layers", list}};
}

std::vector<ParamSpec> Sequential::param_specs() const {
  std::vector<ParamSpec> specs;
  for (std::size_t i = 0; i < layers_.size(); ++i)
    for (auto spec : layers_[i]->param_specs()) {
      spec.name = fmt::format("{}.{}", i, spec.name);
      specs.push_back(spec);
    }
  return specs;
}

void Sequential::bind(std::span<Scalar> values, std::span<Scalar> grads) {
  std::size_t offset = 0;
  for (auto& layer : layers_) {
    std::size_t size = 0;
    for (const auto& spec : layer->param_specs()) size += spec.size();
    layer->bind(values.subspan(offset, size), grads.subspan(offset, size));
    offset += size;
  }
  AEKIT_ASSERT(offset == values.size());
}

void Sequential::initialize(Rng& rng) {
  for (auto& layer : layers_) layer->initialize(rng);
}

std::vector<Buffer> Sequential::buffers() {
  std::vector<Buffer> all;
  for (std::size_t i = 0; i < layers_.size(); ++i)
    for (auto buffer : layers_[i]->buffers()) {
      buffer.name = fmt::format("{}.{}", i, buffer.name);
      all.push_back(buffer);
    }
  return all;
}

void Sequential::set_training(Rng* noise) {
  for (auto& layer : layers_) layer->set_training(noise);
}

ConstMatrixRef Sequential::forward(ConstMatrixRef x) {
  AEKIT_ASSERT(!layers_.empty());
  return forward_range(x, 0, layers_.size());
}

ConstMatrixRef Sequential::forward_range(ConstMatrixRef x, std::size_t begin, std::size_t end) {
  AEKIT_ASSERT(begin < end && end <= layers_.size());
  ConstMatrixMap y(nullptr, 0, 0);
  point_at(y, layers_[begin]->forward(x));
  for (std::size_t i = begin + 1; i < end; ++i) point_at(y, layers_[i]->forward(y));
  return y;
}

ConstMatrixRef Sequential::backward(ConstMatrixRef dy) {
  return backward_range(dy, 0, layers_.size());
}

ConstMatrixRef Sequential::backward_range(ConstMatrixRef dy, std::size_t begin, std::size_t end) {
  AEKIT_ASSERT(begin < end && end <= layers_.size());
  layers_.front()->set_input_gradient(input_gradient());
  ConstMatrixMap g(nullptr, 0, 0);
  point_at(g, layers_[end - 1]->backward(dy));
  for (std::size_t i = end - 1; i-- > begin;) point_at(g, layers_[i]->backward(g));
  return g;
}

}  // namespace aekit::nn
