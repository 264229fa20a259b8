#include "aekit/report/latent_explorer.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "aekit/io/base64.hpp"
#include "aekit/report/image_shape.hpp"
#include "aekit/report/latent_explorer_script.hpp"

namespace aekit::report {
namespace {

constexpr const char* kHeading = "Latent explorer";
constexpr int kCanvasPixels = 280;  // the canvas's longer side on the page, at least

template <typename Dense>
std::string floats(const Dense& values) {
  const Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> row_major = values;
  return io::float32_base64({row_major.data(), std::size_t(row_major.size())});
}

nlohmann::json explorer_data(const LatentExplorer& e) {
  nlohmann::json layers = nlohmann::json::array();
  for (const auto& layer : e.decoder.layers)
    layers.push_back({{"in", layer.weight.cols()}, {"out", layer.weight.rows()},
                      {"activation", activation_name(layer.activation)},
                      {"weight", floats(layer.weight)}, {"bias", floats(layer.bias)}});
  const data::Scaling::Affine unscale = e.scaling.affine(e.image.size());
  return {{"shape", {e.image.c, e.image.h, e.image.w}},
          {"range", {{"low", e.low}, {"high", e.high}}},
          {"output_activation", activation_name(e.decoder.output)},
          {"layers", layers},
          {"unscale", {{"shift", floats(unscale.shift)}, {"gain", floats(unscale.gain)}}},
          {"axes", {{"kind", e.axes.code_units ? "code units" : "principal directions"},
                    {"mean", floats(e.axes.mean)}, {"sd", floats(e.axes.sd)},
                    {"directions", floats(e.axes.directions)}}}};
}

std::string sliders_html(const LatentAxes& axes) {
  std::string html = "<div class=\"explorer-sliders\">\n";
  for (Index i = 0; i < axes.directions.rows(); ++i)
    html += fmt::format("<label><span>{} {}</span><input type=\"range\" min=\"-3\" max=\"3\" "
                        "step=\"0.05\" value=\"0\"><output>+0.00 sd</output></label>\n",
                        axes.code_units ? "unit" : "PC", i + 1);
  return html + "<button type=\"button\" id=\"aekit-explorer-reset\">Reset</button>\n</div>\n";
}

Index weight_count(const models::DenseChain& chain) {
  Index count = 0;
  for (const auto& layer : chain.layers) count += layer.weight.size() + layer.bias.size();
  return count;
}

ReportSection not_shown(const std::string& why) {
  return {kHeading, "<p>Not shown: " + html_escape(why) + ".</p>\n"};
}

}  // namespace

std::string latent_explorer_html(const LatentExplorer& e) {
  const Index scale = std::max<Index>(1, (kCanvasPixels + std::max(e.image.h, e.image.w) - 1) /
                                             std::max(e.image.h, e.image.w));
  const std::string how =
      e.axes.code_units
          ? "one slider per code unit"
          : fmt::format("the sliders move along the first {} principal directions of the test "
                        "codes", e.axes.directions.rows());
  return fmt::format(
      "<div class=\"explorer\" id=\"aekit-explorer\">\n"
      "<canvas id=\"aekit-explorer-canvas\" width=\"{}\" height=\"{}\" style=\"width: {}px; "
      "height: {}px\"></canvas>\n{}"
      "<p class=\"explorer-caption\">The decoder ({} weights) runs in this page, {}: code = "
      "mean + s &middot; sd &middot; direction, s in [-3, 3] standard deviations of the test "
      "codes. The image is in the data's units, {:.3g} black to {:.3g} white.</p>\n"
      "<script type=\"application/json\" id=\"aekit-explorer-data\">{}</script>\n"
      "<script>{}</script>\n</div>\n",
      e.image.w, e.image.h, e.image.w * scale, e.image.h * scale, sliders_html(e.axes),
      weight_count(e.decoder), how, e.low, e.high, explorer_data(e).dump(), latent_explorer_script());
}

std::optional<ReportSection> latent_explorer_section(models::Model& model,
                                                     const data::Scaling& scaling,
                                                     Shape input_shape,
                                                     const FloatMatrix& scaled_rows) {
  if (!model.decoder()) return std::nullopt;
  const auto* dense = model.dense_decoder();
  if (!dense) return not_shown("the in-page decoder runs Dense (mlp) decoders only, and the "
                               "decoder of this model has other layers");
  auto* encoder = model.encoder();
  if (!encoder) return not_shown("the sliders are placed by the test rows' codes, and this model does not encode");
  const auto image = image_shape_for(model.input_size(), input_shape);
  if (!image) return not_shown(fmt::format("a row of {} values makes no picture", model.input_size()));
  const Index rows = std::min(kExplorerAxisRows, scaled_rows.rows());
  if (rows < 2 || scaled_rows.cols() != model.input_size())
    return not_shown("fewer than 2 test rows to place the sliders by");
  const models::DenseChain chain = dense->dense_layers();
  if (weight_count(chain) > kMaxExplorerValues)
    return not_shown(fmt::format("the decoder has {} weights, more than the {} a page embeds",
                                 weight_count(chain), kMaxExplorerValues));

  const FloatMatrix codes = encoder->encode(scaled_rows.topRows(rows).cast<Scalar>()).cast<float>();
  FloatMatrix shown = scaled_rows.topRows(rows);
  scaling.invert(shown);
  const float low = shown.minCoeff(), high = shown.maxCoeff();
  const LatentAxes axes = latent_axes(codes);
  return ReportSection{kHeading, latent_explorer_html({chain, scaling, *image, axes, low,
                                                       high > low ? high : low + 1})};
}

}  // namespace aekit::report
