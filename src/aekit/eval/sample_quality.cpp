#include "aekit/eval/sample_quality.hpp"

#include <cmath>

#include "aekit/data/row_chunks.hpp"
#include "aekit/eval/frechet_distance.hpp"
#include "aekit/models/capability_check.hpp"

namespace aekit::eval {

nlohmann::json SampleQuality::to_json() const {
  return {{"fd", fd}, {"mean_confidence", mean_confidence}, {"class_histogram", class_histogram},
          {"samples", samples}, {"references", references}};
}

SampleQuality sample_quality(models::Model& classifier_model, const FloatMatrix& reference_rows, const FloatMatrix& sample_rows,
                             std::string_view name) {
  models::Classifier& classifier = models::require_classifier(classifier_model, name);
  models::Encoder& encoder = models::require_encoder(classifier_model, name);
  const auto features = [&](const FloatMatrix& rows) {
    return map_in_chunks(rows, encoder.code_size(), [&](ConstMatrixRef x) { return encoder.encode(x); });
  };
  SampleQuality q;
  q.references = reference_rows.rows();
  q.samples = sample_rows.rows();
  q.fd = frechet_distance(gaussian_stats(features(reference_rows)), gaussian_stats(features(sample_rows)));
  q.class_histogram.assign(std::size_t(classifier.class_count()), 0);
  double confidence = 0;
  const FloatMatrix scores = map_in_chunks(sample_rows, classifier.class_count(),
                                      [&](ConstMatrixRef x) { return classifier.class_scores(x); });
  for (Index r = 0; r < scores.rows(); ++r) {
    Index best = 0;
    const double top = scores.row(r).maxCoeff(&best);
    confidence += 1 / (scores.row(r).array().cast<double>() - top).exp().sum();  // softmax of the top class
    ++q.class_histogram[std::size_t(best)];
  }
  q.mean_confidence = q.samples > 0 ? confidence / double(q.samples) : 0;
  return q;
}

}  // namespace aekit::eval
