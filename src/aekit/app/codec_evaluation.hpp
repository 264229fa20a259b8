#pragma once
// `aekit codec-eval`: a codec's rate-distortion curve on images, beside JPEG's and WebP's.
// For each image, aekit's points come from real files: compress at each quality, serialize the
// whole .aeimg (header and checksum included: bpp = 8 file bytes / pixels), parse it back,
// decompress, score (eval/rate_points.hpp); JPEG and WebP are swept over their qualities
// (eval/reference_codecs.hpp). Written to the output folder:
//   rate_distortion.csv   image, codec, quality, bytes, bpp, nominal_bpp (a patch codec's
//                         lecture count), psnr, ssim, ms_ssim: one row per point
//   rate_distortion.svg   the mean curves over the images (each codec's points averaged per
//                         quality setting, as CompressAI averages a data set), and
//                         <image>_rd.svg, each image's own
//   summary.md            PSNR at 0.25, 0.5 and 1 bpp per codec (interpolated; "-" outside a
//                         curve), BD-rate and BD-PSNR against JPEG per image and for the mean
//                         curves; the anchor's points are those within the test curve's PSNR
//                         range +- 1 dB (all of them if fewer than 4), as a cubic fit over JPEG's
//                         whole 5..95 sweep would not follow the curve where they overlap; then
//                         aekit's points quality by quality (bytes, bpp, nominal bpp, PSNR, SSIM,
//                         MS-SSIM) after its unquantized reconstruction's scores
//   images/               with images_out: each image, its unquantized reconstruction and the
//                         decoded image at each quality, as PNG
#include <filesystem>
#include <string>
#include <vector>

#include "aekit/codec/image_codec.hpp"

namespace aekit::app {

struct CodecEvaluationRequest {
  std::vector<std::filesystem::path> images;
  std::vector<int> qualities;  // empty: all the codec's
  std::filesystem::path output;
  bool images_out = false;
};

// Returns summary.md's text. Error naming the file for an unreadable image, UsageError for a
// quality the codec lacks or an image the codec cannot code.
std::string evaluate_codec(codec::ImageCodec& codec, const CodecEvaluationRequest& request);

}  // namespace aekit::app
