#pragma once
// The capability a task needs from a model (models/model.hpp), or a one-line UsageError
// naming the model and what it lacks:
//   "model 'g.aek' (kind gan_test) cannot encode: it has no encoder"
// `name` is how the user knows the model (its file); empty: "a gan_test model cannot ...".
// What the model can do, as the verbs of `aekit`: capability_names.
#include <string>
#include <string_view>
#include <vector>

#include "aekit/models/model.hpp"

namespace aekit::models {

Encoder& require_encoder(Model& model, std::string_view name = {});
Decoder& require_decoder(Model& model, std::string_view name = {});
Reconstructor& require_reconstructor(Model& model, std::string_view name = {});
Sampler& require_sampler(Model& model, std::string_view name = {});
Classifier& require_classifier(Model& model, std::string_view name = {});
Likelihood& require_likelihood(Model& model, std::string_view name = {});
const FilterSource& require_filter_source(const Model& model, std::string_view name = {});

// e.g. {"encode", "decode", "reconstruct", "filters"}, "classify", "likelihood"; a row scorer as "score (<its name>)".
std::vector<std::string> capability_names(const Model& model);

}  // namespace aekit::models
