#include "aekit/app/codec_evaluation.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "aekit/error.hpp"
#include "aekit/eval/bd_rate.hpp"
#include "aekit/eval/rate_points.hpp"
#include "aekit/eval/reference_codecs.hpp"
#include "aekit/image/image_file.hpp"
#include "aekit/io/atomic_write.hpp"
#include "aekit/io/output_folder.hpp"
#include "aekit/report/rate_distortion_svg.hpp"

namespace aekit::app {
namespace {

constexpr double kSummaryRates[] = {0.25, 0.5, 1.0};
constexpr double kAnchorMarginDb = 1;

struct ImagePoints {
  std::string name;
  std::vector<eval::RatePoint> points;      // aekit, JPEG, WebP
  std::vector<double> nominal_bpp;          // aekit's points' lecture count
  eval::RatePoint unquantized;              // the model's reconstruction before rounding (no rate)
};

std::vector<eval::RatePoint> of_codec(const std::vector<eval::RatePoint>& points, const std::string& codec) {
  std::vector<eval::RatePoint> out;
  std::copy_if(points.begin(), points.end(), std::back_inserter(out), [&](const auto& p) { return p.codec == codec; });
  return out;
}

// `anchor`'s points within test's PSNR range +- the margin (all if fewer than 4 remain).
std::vector<eval::RatePoint> near_range(const std::vector<eval::RatePoint>& anchor, const std::vector<eval::RatePoint>& test) {
  double low = INFINITY, high = -INFINITY;
  for (const auto& p : test) low = std::min(low, p.psnr), high = std::max(high, p.psnr);
  std::vector<eval::RatePoint> near;
  std::copy_if(anchor.begin(), anchor.end(), std::back_inserter(near), [&](const auto& p) {
    return p.psnr >= low - kAnchorMarginDb && p.psnr <= high + kAnchorMarginDb;
  });
  return near.size() >= 4 ? near : anchor;
}

std::string bd_text(const std::vector<eval::RatePoint>& anchor, const std::vector<eval::RatePoint>& test) {
  try {
    const auto anchor_curve = eval::bpp_psnr_curve(near_range(anchor, test));
    const auto test_curve = eval::bpp_psnr_curve(test);
    return fmt::format("{:+.1f}% / {:+.2f} dB", eval::bd_rate_percent(anchor_curve, test_curve),
                       eval::bd_psnr_db(anchor_curve, test_curve));
  } catch (const Error& e) {
    return fmt::format("n/a ({})", e.what());
  }
}

std::string psnr_cell(const std::vector<eval::RatePoint>& sweep, double bpp) {
  const double v = eval::metric_at_bpps(sweep, std::span<const double>(&bpp, 1))[0];
  return std::isnan(v) ? "-" : fmt::format("{:.2f}", v);
}

std::string summary_rows(const std::string& name, const std::vector<eval::RatePoint>& points) {
  std::string rows;
  const auto jpeg = of_codec(points, "JPEG");
  for (const std::string codec : {"aekit", "JPEG", "WebP"}) {
    const auto sweep = of_codec(points, codec);
    rows += fmt::format("| {} | {} |", name, codec);
    for (const double bpp : kSummaryRates) rows += fmt::format(" {} |", psnr_cell(sweep, bpp));
    rows += fmt::format(" {} |\n", codec == "JPEG" ? "anchor" : bd_text(jpeg, sweep));
  }
  return rows;
}

// Each codec's points averaged over the images, quality by quality.
std::vector<eval::RatePoint> mean_curves(const std::vector<ImagePoints>& images) {
  std::map<std::pair<std::string, double>, std::pair<eval::RatePoint, int>> sums;
  std::vector<std::pair<std::string, double>> order;
  for (const auto& image : images)
    for (const auto& p : image.points) {
      auto [it, fresh] = sums.try_emplace({p.codec, p.quality}, eval::RatePoint{p.codec, p.quality, 0, 0, 0, 0, 0}, 0);
      if (fresh) order.push_back({p.codec, p.quality});
      auto& [sum, count] = it->second;
      sum.bytes += p.bytes, sum.bpp += p.bpp, sum.psnr += p.psnr, sum.ssim += p.ssim, sum.ms_ssim += p.ms_ssim;
      ++count;
    }
  std::vector<eval::RatePoint> means;
  for (const auto& key : order) {
    auto [p, count] = sums.at(key);
    if (count != int(images.size())) continue;
    p.bytes /= std::size_t(count), p.bpp /= count, p.psnr /= count, p.ssim /= count, p.ms_ssim /= count;
    means.push_back(p);
  }
  return means;
}

ImagePoints evaluate_image(codec::ImageCodec& codec, const std::filesystem::path& path, const std::vector<int>& qualities,
                           const std::filesystem::path& images_folder) {
  const image::Image original = image::read_image(path);
  ImagePoints result{path.stem().string(), {}, {}, {}};
  const image::Image unquantized = codec.unquantized(original);
  result.unquantized = eval::measure_rate_point("aekit unquantized", NAN, 0, original, unquantized);
  const bool write = !images_folder.empty();
  if (write) {
    image::write_image(images_folder / (result.name + "_original.png"), original);
    image::write_image(images_folder / (result.name + "_unquantized.png"), unquantized);
  }
  for (const int q : qualities) {
    const std::string file = io::serialize_compressed_image(codec::compress(codec, original, q));
    const image::Image decoded = codec::decompress(codec, io::parse_compressed_image(file, path.string()), path.string());
    result.points.push_back(eval::measure_rate_point("aekit", q, file.size(), original, decoded));
    result.nominal_bpp.push_back(codec.nominal_bpp(q));
    if (write) image::write_image(images_folder / fmt::format("{}_q{}.png", result.name, q), decoded);
  }
  for (const auto reference : {eval::ReferenceCodec::jpeg, eval::ReferenceCodec::webp}) {
    const auto sweep = eval::sweep_reference_codec(reference, original, eval::default_qualities(reference));
    result.points.insert(result.points.end(), sweep.begin(), sweep.end());
  }
  return result;
}

std::string csv_of(const std::vector<ImagePoints>& images) {
  std::string csv = "image,codec,quality,bytes,bpp,nominal_bpp,psnr,ssim,ms_ssim\n";
  for (const auto& image : images)
    for (std::size_t i = 0; i < image.points.size(); ++i) {
      const auto& p = image.points[i];
      const double nominal = i < image.nominal_bpp.size() ? image.nominal_bpp[i] : NAN;
      csv += fmt::format("{},{},{:g},{},{:.6f},{},{:.4f},{:.6f},{:.6f}\n", image.name, p.codec, p.quality, p.bytes, p.bpp,
                         std::isnan(nominal) ? "" : fmt::format("{:g}", nominal), p.psnr, p.ssim, p.ms_ssim);
    }
  return csv;
}

// aekit's own points, quality by quality, after the unquantized reconstruction.
std::string aekit_table(const std::vector<ImagePoints>& images) {
  std::string table = "\naekit quality by quality (bpp from the file's bytes; nominal: the lecture's count, codes x "
                      "bits / pixels of a patch):\n\n| image | quality | bytes | bpp | nominal bpp | PSNR (dB) | SSIM | "
                      "MS-SSIM |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n";
  for (const auto& image : images) {
    const auto& u = image.unquantized;
    table += fmt::format("| {} | unquantized | - | - | - | {:.2f} | {:.4f} | {:.4f} |\n", image.name, u.psnr, u.ssim,
                         u.ms_ssim);
    for (std::size_t i = 0; i < image.nominal_bpp.size(); ++i) {
      const auto& p = image.points[i];
      const double nominal = image.nominal_bpp[i];
      table += fmt::format("| {} | {:g} | {} | {:.4f} | {} | {:.2f} | {:.4f} | {:.4f} |\n", image.name, p.quality,
                           p.bytes, p.bpp, std::isnan(nominal) ? "-" : fmt::format("{:g}", nominal), p.psnr, p.ssim,
                           p.ms_ssim);
    }
  }
  return table;
}

std::string write_evaluation(codec::ImageCodec& codec, const CodecEvaluationRequest& request,
                             const std::vector<int>& qualities) {
  const std::filesystem::path images_folder = request.images_out ? request.output / "images" : "";
  std::vector<ImagePoints> images;
  for (const auto& path : request.images) images.push_back(evaluate_image(codec, path, qualities, images_folder));

  std::string summary = fmt::format("# Rate-distortion: {}\n\nPSNR (dB) at the rates of the columns, from real file "
                                    "sizes; BD-rate / BD-PSNR against JPEG (negative rate: fewer bits).\n\n"
                                    "| image | codec | 0.25 bpp | 0.5 bpp | 1 bpp | BD-rate / BD-PSNR vs JPEG |\n"
                                    "| --- | --- | --- | --- | --- | --- |\n",
                                    codec.description());
  for (const auto& image : images) {
    summary += summary_rows(image.name, image.points);
    io::atomic_write(request.output / (image.name + "_rd.svg"), report::rate_distortion_svg(image.points, image.name));
  }
  const auto means = mean_curves(images);
  if (images.size() > 1) summary += summary_rows(fmt::format("mean of {}", images.size()), means);
  summary += aekit_table(images);
  io::atomic_write(request.output / "rate_distortion.svg",
                   report::rate_distortion_svg(means, fmt::format("mean of {} image{}", images.size(), images.size() > 1 ? "s" : "")));
  io::atomic_write(request.output / "rate_distortion.csv", csv_of(images));
  io::atomic_write(request.output / "summary.md", summary);
  return summary;
}

}  // namespace

std::string evaluate_codec(codec::ImageCodec& codec, const CodecEvaluationRequest& request) {
  if (request.images.empty()) throw UsageError("codec-eval: expected at least one image, found none");
  std::vector<int> qualities = request.qualities;
  if (qualities.empty())
    for (int q = 1; q <= codec.qualities(); ++q) qualities.push_back(q);
  for (const int q : qualities) codec.check_request(q, codec.channels());
  io::CreatedFolders created(request.images_out ? request.output / "images" : request.output);
  try {
    return write_evaluation(codec, request, qualities);
  } catch (...) {
    created.remove_if_empty();
    throw;
  }
}

}  // namespace aekit::app
