#pragma once
// Binary codes of data rows under a trained model (semantic hashing, Salakhutdinov & Hinton
// 2009): the model's real-valued codes h[N,K] (its encoder, on the rows scaled as in training),
// then one threshold per code unit, bit = [h > t]. The hash index of `aekit index` keeps the
// codes, the thresholds and the model's identity, so `aekit search` codes its queries the same way
// and refuses another model.
#include <string>
#include <vector>

#include "aekit/data/dataset.hpp"
#include "aekit/retrieval/hash_index_file.hpp"
#include "aekit/store/saved_model.hpp"

namespace aekit::app {

// The model's codes of raw rows x[N,D] (scaled first): h[N,K]. UsageError when it has no encoder.
FloatMatrix model_codes(store::SavedModel& saved, const FloatMatrix& x, const std::string& model_name);

// One threshold per column of codes[N,K], by `rule`:
//   "auto"    by the code's activation: sigmoid 0.5 (near-binary codes trained with code noise),
//             tanh 0, any other each unit's median over the rows (half the rows on each side)
//   "median"  each unit's median over the rows
//   a number  that value for every unit
// UsageError for any other text, or "auto"/"median" over no rows.
std::vector<float> code_thresholds(const FloatMatrix& codes, Activation code_activation, const std::string& rule);

// Codes, thresholds and labels of `data` under `saved`, the model loaded from `model_file`.
retrieval::HashIndex build_hash_index(store::SavedModel& saved, const std::string& model_file,
                                      const data::Dataset& data, const std::string& data_spec,
                                      const std::string& threshold_rule);

// Error unless `saved` is the model the index was built with.
void check_index_model(const retrieval::HashIndex& index, const store::SavedModel& saved,
                       const std::string& index_file, const std::string& model_file);

}  // namespace aekit::app
