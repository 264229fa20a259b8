#pragma once
// The run report's section of a learned codec (--model codec): its rate and distortion at each
// quality on the report's example rows (the first 256 of the test data, else of validation), with real rounding and
// the rate its entropy model assigns (what the rANS coder spends, within ~0.1%, before the
// file's framing): rate_distortion.svg (PSNR against bpp) and a table of bpp, PSNR and lambda
// per quality. Nothing for other models.
#include <filesystem>
#include <optional>

#include "aekit/models/model.hpp"
#include "aekit/report/html_report.hpp"

namespace aekit::app {

std::optional<report::ReportSection> codec_section(const std::filesystem::path& folder, models::Model& model,
                                                   const FloatMatrix& examples);

}  // namespace aekit::app
