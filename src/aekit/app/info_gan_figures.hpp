#pragma once
// An InfoGAN's codes in its run report, Chen et al. 2016's figures (models/gan/info_loss.hpp):
//   info_categories.png  a row per value k of the categorical code, from 0 at the top; the
//                        columns are 10 noise vectors z drawn with the run's seed, the same in
//                        every row, the continuous codes at 0
//   info_continuous.png  for each continuous code u_j, a block of rows, one per category (at
//                        most 10), u_j going from -2 to 2 in 10 steps left to right (trained on
//                        [-1, 1]), z and the other codes fixed
// Nothing for other models, or when a row is no picture.
#include <cstdint>
#include <filesystem>
#include <vector>

#include "aekit/data/scaling.hpp"
#include "aekit/models/model.hpp"
#include "aekit/report/html_report.hpp"

namespace aekit::app {

std::vector<report::ReportSection> info_gan_sections(const std::filesystem::path& folder, models::Model& model,
                                               const data::Scaling& scaling, Shape shape, std::uint64_t seed);

}  // namespace aekit::app
