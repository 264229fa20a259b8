#include "aekit/store/model_identity.hpp"

#include "aekit/io/sha256.hpp"

namespace aekit::store {

ModelIdentity model_identity(const models::Model& model, const data::Scaling& scaling, Shape input_shape) {
  io::Sha256 hash;
  hash.update(model.to_json().dump());
  hash.update(scaling.to_json().dump());
  const std::int64_t shape[3] = {input_shape.c, input_shape.h, input_shape.w};
  hash.update(shape, sizeof shape);
  const std::vector<float> state = model.state();
  hash.update(state.data(), state.size() * sizeof(float));
  return hash.digest();
}

ModelIdentity model_identity(const SavedModel& saved) {
  return model_identity(*saved.model, saved.scaling, saved.input_shape);
}

}  // namespace aekit::store
