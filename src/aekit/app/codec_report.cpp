#include "aekit/app/codec_report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "aekit/io/atomic_write.hpp"
#include "aekit/models/codec/codec_step.hpp"
#include "aekit/report/rate_distortion_svg.hpp"

namespace aekit::app {

constexpr Index kRows = 256;  // the first rows: a few seconds at 8 qualities

std::optional<report::ReportSection> codec_section(const std::filesystem::path& folder, models::Model& model,
                                                   const FloatMatrix& examples) {
  if (model.kind() != models::LearnedCodec::kKind || examples.rows() == 0) return std::nullopt;
  auto& codec = static_cast<models::LearnedCodec&>(model);
  models::CodecStep step(codec, optim::OptimizerConfig{}, 0);
  const Matrix x = examples.topRows(std::min<Index>(examples.rows(), kRows)).cast<Scalar>();
  std::vector<eval::RatePoint> points;
  std::vector<std::vector<std::string>> rows;
  for (int q = 1; q <= codec.config().qualities(); ++q) {
    const auto parts = step.evaluate(x, q, MatrixMap(nullptr, 0, 0), false);
    const double psnr = 10 * std::log10(255.0 * 255.0 / std::max(parts.mse, 1e-10));
    points.push_back({"aekit (entropy model)", double(q), 0, parts.bpp, psnr, NAN, NAN});
    rows.push_back({std::to_string(q), fmt::format("{:.4f}", codec.config().step(q)),
                    fmt::format("{:g}", codec.config().lambda(q)), fmt::format("{:.4f}", parts.bpp),
                    fmt::format("{:.2f}", psnr)});
  }
  io::atomic_write(folder / "rate_distortion.svg",
                   report::rate_distortion_svg(points, fmt::format("{} rows, each quality", x.rows())));
  return report::ReportSection{
      "Rate and distortion",
      report::figure_html(folder / "rate_distortion.svg",
                          fmt::format("PSNR against bits per pixel at each quality on {} example rows, with real "
                                      "rounding; the rate is the entropy model's (aekit codec-eval measures real "
                                      "files against JPEG and WebP).",
                                      x.rows())) +
          report::table_html({"quality", "step", "lambda", "bpp", "PSNR (dB)"}, rows)};
}

}  // namespace aekit::app
