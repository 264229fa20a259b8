#include "aekit/report/filter_image.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "aekit/error.hpp"
#include "aekit/models/autoencoder/autoencoder.hpp"
#include "aekit/models/linear/pca_model.hpp"
#include "aekit/models/sparse/psd_model.hpp"
#include "aekit/models/sparse/sparse_coding_model.hpp"
#include "aekit/nn/layer_spec.hpp"
#include "aekit/report/image_grid.hpp"
#include "aekit/report/image_shape.hpp"

namespace aekit::report {
namespace {

// The named weight of `model` as a [rows, cols] matrix.
FloatMatrix weight(const models::Autoencoder& model, const std::string& name) {
  const auto& parameters = model.parameters();
  for (const auto& slice : parameters.slices())
    if (slice.name == name)
      return ConstMatrixMap(parameters.values().data() + slice.offset, slice.rows, slice.cols)
          .cast<float>();
  throw Error(fmt::format("the model has no parameter '{}'", name));
}

}  // namespace

FilterLayer parse_filter_layer(std::string_view name) {
  if (name == "encoder") return FilterLayer::encoder;
  if (name == "decoder") return FilterLayer::decoder;
  throw UsageError(fmt::format("unknown filter layer '{}'; expected encoder or decoder", name));
}

namespace {

// A conv model's first encoder layer, which must be a conv layer to have filters.
nn::LayerSpec first_conv_layer(const models::Autoencoder& model) {
  const auto spec = nn::parse_layer_spec(model.config().encoder_layers.front());
  if (spec.kind != nn::LayerSpec::Kind::conv)
    throw UsageError(fmt::format("filters are drawn from a first conv layer; this model starts "
                                 "with '{}'", spec.text));
  return spec;
}

}  // namespace

std::optional<Shape> filter_shape(const models::Model& generic, Shape input_shape) {
  const auto* model = dynamic_cast<const models::Autoencoder*>(&generic);
  if (!model || model->config().architecture == models::Architecture::mlp)
    return image_shape_for(generic.input_size(), input_shape);
  const auto& config = model->config();
  const auto spec = nn::parse_layer_spec(config.encoder_layers.front());
  if (spec.kind != nn::LayerSpec::Kind::conv) return std::nullopt;
  return Shape{config.input_shape.c, spec.kernel.size, spec.kernel.size};
}

FloatMatrix layer_filters(const models::Model& generic, FilterLayer layer) {
  if (const auto* pca = dynamic_cast<const models::PcaModel*>(&generic))
    return pca->algorithm().components().cast<float>();
  if (const auto* sparse = dynamic_cast<const models::SparseCodingModel*>(&generic))
    return sparse->algorithm().dictionary().cast<float>();
  if (const auto* psd = dynamic_cast<const models::PsdModel*>(&generic)) {
    const auto& p = psd->algorithm().parameters();
    return (layer == FilterLayer::encoder ? p.weight : p.dictionary).cast<float>();
  }
  const auto& model = dynamic_cast<const models::Autoencoder&>(generic);
  if (model.config().architecture == models::Architecture::conv) {
    if (layer == FilterLayer::decoder)
      throw UsageError("decoder filters are drawn for mlp models only; a conv model has encoder "
                       "filters (its first layer's kernels)");
    first_conv_layer(model);
  }
  if (layer == FilterLayer::encoder || model.config().tied) return weight(model, "encoder.0.weight");
  const std::size_t depth = model.config().dims.size() - 1;  // decoder layers
  return weight(model, fmt::format("decoder.{}.weight", depth - 1)).transpose();
}

FloatMatrix normalize_filters(const FloatMatrix& filters) {
  FloatMatrix normalized = filters;
  for (Index j = 0; j < normalized.rows(); ++j) {
    const float largest = normalized.row(j).cwiseAbs().maxCoeff();
    if (largest > 0) normalized.row(j) /= largest;
  }
  return normalized;
}

image::Image filter_image(const FloatMatrix& filters, Shape shape, Index count, Index columns, int scale) {
  if (count < 1) throw Error(fmt::format("filter image: expected count >= 1, found {}", count));
  const FloatMatrix shown = normalize_filters(filters.topRows(std::min(count, filters.rows())));
  return tile_images(shown, shape, columns, -1.0f, 1.0f, 1, scale);
}

}  // namespace aekit::report
