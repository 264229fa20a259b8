#pragma once
// How much samples of a generative model look like the data, through a classifier trained on
// the data (`aekit sample-quality`; issue "8 ·"'s FD-FMNIST with aekit's own Fashion-MNIST
// classifier): with features = the classifier's encoder codes (its penultimate layer),
//   fd               the Fréchet distance (eval/frechet_distance.hpp) between the features of
//                    the reference rows (the test images) and those of the samples
//   mean_confidence  the mean over samples of the classifier's largest class probability
//   class_histogram  how many samples it assigns to each class (a collapse onto few modes
//                    shows as a lopsided histogram)
#include <nlohmann/json.hpp>
#include <vector>

#include "aekit/models/model.hpp"

namespace aekit::eval {

struct SampleQuality {
  Index references = 0, samples = 0;
  double fd = 0, mean_confidence = 0;
  std::vector<Index> class_histogram;

  nlohmann::json to_json() const;  // {"fd", "mean_confidence", "class_histogram", "samples", "references"}
};

// reference_rows and sample_rows scaled for the classifier; UsageError for a model that is not a
// classifier with an encoder.
SampleQuality sample_quality(models::Model& classifier, const FloatMatrix& reference_rows, const FloatMatrix& sample_rows,
                             std::string_view name = {});

}  // namespace aekit::eval
