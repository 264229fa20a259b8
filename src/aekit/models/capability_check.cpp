#include "aekit/models/capability_check.hpp"

#include <fmt/format.h>

#include "aekit/error.hpp"

namespace aekit::models {
namespace {

// *capability, or UsageError "<model> cannot <task>: it has no <what>".
template <typename Capability>
Capability& require(Capability* capability, const Model& model, std::string_view name,
                    std::string_view task, std::string_view what) {
  if (capability) return *capability;
  const std::string who = name.empty() ? fmt::format("a {} model", model.kind())
                                       : fmt::format("model '{}' (kind {})", name, model.kind());
  throw UsageError(fmt::format("{} cannot {}: it has no {}", who, task, what));
}

}  // namespace

Encoder& require_encoder(Model& model, std::string_view name) {
  return require(model.encoder(), model, name, "encode", "encoder");
}

Decoder& require_decoder(Model& model, std::string_view name) {
  return require(model.decoder(), model, name, "decode", "decoder");
}

Reconstructor& require_reconstructor(Model& model, std::string_view name) {
  return require(model.reconstructor(), model, name, "reconstruct", "reconstructor");
}

Sampler& require_sampler(Model& model, std::string_view name) {
  return require(model.sampler(), model, name, "sample", "sampler");
}

Classifier& require_classifier(Model& model, std::string_view name) {
  return require(model.classifier(), model, name, "classify", "classifier");
}

Likelihood& require_likelihood(Model& model, std::string_view name) {
  return require(model.likelihood(), model, name, "estimate a likelihood", "likelihood estimator");
}

const FilterSource& require_filter_source(const Model& model, std::string_view name) {
  return require(model.filter_source(), model, name, "draw filters", "filter source");
}

std::vector<std::string> capability_names(const Model& model) {
  std::vector<std::string> names;
  if (model.encoder()) names.push_back("encode");
  if (model.decoder()) names.push_back("decode");
  if (model.reconstructor()) names.push_back("reconstruct");
  if (model.sampler()) names.push_back("sample");
  if (const auto* scorer = model.row_scorer())
    names.push_back(fmt::format("score ({})", scorer->score_name()));
  if (model.filter_source()) names.push_back("filters");
  if (model.classifier()) names.push_back("classify");
  if (model.likelihood()) names.push_back("likelihood");
  return names;
}

}  // namespace aekit::models
