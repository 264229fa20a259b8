#pragma once
// The analysis sections of a run's report, each only when it applies (the model's
// capabilities, the data's labels), with the figure files they show written into the folder:
//   "Model beside PCA"  pca_comparison.png: originals / the model's reconstructions / those of
//                       PCA with K components fitted on the training rows (K = the code size);
//                       when the model encodes to K < D and is not PCA itself
//   "Error by class"    test MSE per class (eval/per_class_error.hpp); labelled test data
//   "Codes"             codes.svg: test codes in 2-D (the code itself when K = 2, else its
//                       first two principal components, eval/code_plane.hpp), coloured by
//                       class; an encoder with K >= 2
//   "Linear probe"      softmax probe (eval/softmax_probe.hpp) fitted on the codes of at most
//                       kProbeRows training rows (a seeded random subset), scored on the test
//                       codes; an encoder and labels on both sets, not for a classifier
//                       (its own accuracy is in its "Classification" section)
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include "aekit/data/scaling.hpp"
#include "aekit/models/model.hpp"
#include "aekit/report/html_report.hpp"

namespace aekit::app {

inline constexpr Index kExampleRows = 10;   // test rows shown as pictures
inline constexpr Index kProbeRows = 10000;   // ~1 s of L-BFGS for 32-value codes
inline constexpr Index kPlaneRows = 5000;    // dots in the codes' scatter plot

// The data the analysis reads, scaled like the model's input.
struct AnalysisData {
  const FloatMatrix& train_x;          // [N, D] the training rows
  std::span<const int> train_labels;   // N labels, or empty
  const FloatMatrix& test_x;           // [M, D] the test rows
  std::span<const int> test_labels;    // M labels, or empty
  std::vector<std::string> class_names;  // by label; empty: "class k"
};

struct AnalysisInput {
  models::Model& model;  // PCA itself (kind "pca") gets no comparison with PCA
  const data::Scaling& scaling;
  Shape input_shape;
  std::uint64_t seed;  // of the probe's subset
};

std::vector<report::ReportSection> analysis_sections(const std::filesystem::path& folder,
                                                     const AnalysisInput& in,
                                                     const AnalysisData& data);

}  // namespace aekit::app
