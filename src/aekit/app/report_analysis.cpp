#include "aekit/app/report_analysis.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <numeric>

#include "aekit/eval/code_plane.hpp"
#include "aekit/eval/per_class_error.hpp"
#include "aekit/eval/softmax_probe.hpp"
#include "aekit/image/image.hpp"
#include "aekit/io/atomic_write.hpp"
#include "aekit/models/linear/pca_model.hpp"
#include "aekit/report/image_grid.hpp"
#include "aekit/report/svg_chart.hpp"
#include "aekit/tensor/rng.hpp"
#include "aekit/data/row_chunks.hpp"

namespace aekit::app {
namespace fs = std::filesystem;
namespace {

std::string class_name(const AnalysisData& data, std::size_t c) {
  return c < data.class_names.size() ? data.class_names[c] : fmt::format("class {}", c);
}

FloatMatrix encode_rows(models::Encoder& encoder, const FloatMatrix& x) {
  return map_in_chunks(x, encoder.code_size(), [&](ConstMatrixRef c) { return encoder.encode(c); });
}

// rows [3 * count, D]: the first `count` test rows, the model's reconstructions, PCA's; drawn
// in the data's own units, one row of the figure each.
report::ReportSection pca_comparison(const fs::path& folder, models::Reconstructor& reconstructor,
                                     Index code_size, const AnalysisInput& in,
                                     const AnalysisData& data) {
  const Index count = std::min(kExampleRows, data.test_x.rows());
  const auto pca = models::Pca::fit(data.train_x.cast<Scalar>(), code_size);
  const FloatMatrix originals = data.test_x.topRows(count);
  FloatMatrix rows(3 * count, originals.cols());
  rows.topRows(count) = originals;
  rows.middleRows(count, count) = reconstructor.reconstruct(originals).cast<float>();
  rows.bottomRows(count) = pca.reconstruct(originals.cast<Scalar>()).cast<float>();
  in.scaling.invert(rows);
  const float low = rows.topRows(count).minCoeff(), high = rows.topRows(count).maxCoeff();
  image::write_png(folder / "pca_comparison.png",
                   report::tile_images(rows, in.input_shape, count, low, high > low ? high : low + 1, 1, 3));
  return {"Model beside PCA", report::figure_html(folder / "pca_comparison.png", fmt::format(
      "Test images (top), the model's reconstructions (middle) and those of PCA with {} "
      "components fitted on the {} training rows (bottom).", code_size, data.train_x.rows()))};
}

report::ReportSection class_errors(models::Reconstructor& reconstructor, const AnalysisData& data) {
  const auto errors = eval::per_class_mse(reconstructor, data.test_x, data.test_labels);
  std::vector<std::vector<std::string>> rows;
  for (std::size_t c = 0; c < errors.size(); ++c)
    rows.push_back({std::to_string(c), class_name(data, c), std::to_string(errors[c].rows),
                    errors[c].rows > 0 ? fmt::format("{:.6f}", errors[c].mse) : "n/a"});
  return {"Error by class", report::table_html({"label", "class", "test rows", "test MSE"}, rows) +
      "<p>Mean squared reconstruction error over the test rows of each class (scaled data).</p>\n"};
}

report::ReportSection code_scatter(const fs::path& folder, const eval::CodePlane& plane,
                                   std::span<const int> labels, const AnalysisData& data,
                                   Index code_size) {
  report::ScatterChart chart;
  chart.title = plane.projected ? fmt::format("Test codes ({} values) on their first two principal components", code_size)
                                : "Test codes";
  chart.x_label = plane.x_label;
  chart.y_label = plane.y_label;
  chart.x = plane.x;
  chart.y = plane.y;
  chart.labels.assign(labels.begin(), labels.end());
  chart.class_names = data.class_names;
  io::atomic_write(folder / "codes.svg", report::scatter_svg(chart));
  return {"Codes", report::figure_html(folder / "codes.svg", fmt::format(
      "The codes of the first {} test rows{}{}.", plane.x.size(),
      plane.projected ? ", projected on their first two principal components" : "",
      labels.empty() ? "" : ", coloured by class"))};
}

// At most kProbeRows rows of x and their labels, a seeded random subset in their order.
std::vector<Index> probe_subset(Index rows, std::uint64_t seed) {
  std::vector<std::int64_t> order(static_cast<std::size_t>(rows));
  std::iota(order.begin(), order.end(), 0);
  if (rows > kProbeRows) {
    Rng(seed).derive("report_probe").shuffle(order);
    order.resize(std::size_t(kProbeRows));
    std::sort(order.begin(), order.end());
  }
  return {order.begin(), order.end()};
}

std::optional<report::ReportSection> probe(models::Encoder& encoder, const AnalysisInput& in,
                                           const AnalysisData& data) {
  const std::vector<Index> subset = probe_subset(data.train_x.rows(), in.seed);
  FloatMatrix train_rows(Index(subset.size()), data.train_x.cols());
  std::vector<int> train_labels;
  for (std::size_t i = 0; i < subset.size(); ++i) {
    train_rows.row(Index(i)) = data.train_x.row(subset[i]);
    train_labels.push_back(data.train_labels[std::size_t(subset[i])]);
  }
  const int classes = 1 + std::max(*std::max_element(train_labels.begin(), train_labels.end()),
                                   *std::max_element(data.test_labels.begin(), data.test_labels.end()));
  if (std::all_of(train_labels.begin(), train_labels.end(), [&](int y) { return y == train_labels[0]; }))
    return std::nullopt;  // one class: nothing to tell apart
  const FloatMatrix train_codes = encode_rows(encoder, train_rows);
  const auto fitted = eval::SoftmaxProbe::fit(train_codes, train_labels, classes);
  const double train_accuracy = fitted.accuracy(train_codes, train_labels);
  const double test_accuracy = fitted.accuracy(encode_rows(encoder, data.test_x), data.test_labels);
  const std::string rows_used = Index(subset.size()) < data.train_x.rows()
      ? fmt::format("a random subset of {} of the {} training rows", subset.size(), data.train_x.rows())
      : fmt::format("all {} training rows", subset.size());
  return report::ReportSection{"Linear probe", report::table_html({"rows", "accuracy"}, {
      {fmt::format("training ({})", subset.size()), fmt::format("{:.2f}%", 100 * train_accuracy)},
      {fmt::format("test ({})", data.test_x.rows()), fmt::format("{:.2f}%", 100 * test_accuracy)}}) +
      fmt::format("<p>A softmax classifier (L2 penalty 1, {} L-BFGS iterations) fitted on the codes "
                  "of {}, scored on the codes of the test rows: how much of the class the code keeps "
                  "linearly.</p>\n", fitted.training().iterations, rows_used)};
}

}  // namespace

std::vector<report::ReportSection> analysis_sections(const fs::path& folder, const AnalysisInput& in,
                                                     const AnalysisData& data) {
  std::vector<report::ReportSection> sections;
  auto* reconstructor = in.model.reconstructor();
  auto* encoder = in.model.encoder();
  const bool image_rows = in.input_shape.size() == data.test_x.cols();
  const bool has_test = data.test_x.rows() > 0;
  if (reconstructor && encoder && in.model.kind() != models::PcaModel::kKind && image_rows && has_test &&
      encoder->code_size() < data.test_x.cols())
    sections.push_back(pca_comparison(folder, *reconstructor, encoder->code_size(), in, data));
  if (reconstructor && has_test && !data.test_labels.empty())
    sections.push_back(class_errors(*reconstructor, data));
  if (encoder && has_test) {
    const Index rows = std::min(kPlaneRows, data.test_x.rows());
    const auto plane = eval::code_plane(encode_rows(*encoder, data.test_x.topRows(rows)));
    const auto labels = data.test_labels.empty() ? data.test_labels : data.test_labels.first(std::size_t(rows));
    if (plane) sections.push_back(code_scatter(folder, *plane, labels, data, encoder->code_size()));
  }
  if (encoder && has_test && !data.train_labels.empty() && !data.test_labels.empty() && !in.model.classifier())
    if (auto section = probe(*encoder, in, data)) sections.push_back(std::move(*section));
  return sections;
}

}  // namespace aekit::app
