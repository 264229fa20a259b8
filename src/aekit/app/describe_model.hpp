#pragma once
// What `aekit info` prints about a model file, one "name  value" line each:
//   model        PATH (KIND)
//   architecture the model's one-line description
//   can          what it can do, e.g. "encode, decode, reconstruct, filters"
//   code size    K (models with an encoder only)
//   state        N values
//   input shape  CxHxW
//   scaling, aekit version, and the training results when the file has them
#include <string>

#include "aekit/store/saved_model.hpp"

namespace aekit::app {

std::string describe_model(const std::string& path, const store::SavedModel& saved);

}  // namespace aekit::app
