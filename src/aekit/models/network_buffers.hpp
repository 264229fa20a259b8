#pragma once
// The running statistics (nn::Buffer: batch norm's mean and variance) of a model's networks,
// under one list of prefixed names ("encoder.1.running_mean"). They are state, not
// parameters: the optimizer never moves them, and a model's state holds them after its
// parameters (state_with_buffers below), so model files and checkpoints keep them.
#include <span>
#include <string>
#include <vector>

#include "aekit/models/model.hpp"
#include "aekit/nn/layer.hpp"
#include "aekit/nn/parameters.hpp"

namespace aekit::models {

class NetworkBuffers {
 public:
  // Adds `network`'s buffers, named "<prefix>.<its name>"; the network must outlive this.
  void add(const std::string& prefix, nn::Layer& network);
  const std::vector<nn::Buffer>& list() const { return buffers_; }
  // All values one after another (empty without batch norm layers), and back.
  Vector values() const;
  void set_values(std::span<const Scalar> values);  // values.size() == values().size()

 private:
  std::vector<nn::Buffer> buffers_;
};

// A model's state: every parameter, then every buffer (model_state.hpp for models without).
std::vector<StateBlock> layout_with_buffers(const nn::Parameters& parameters, const NetworkBuffers& buffers);
std::vector<float> state_with_buffers(const nn::Parameters& parameters, const NetworkBuffers& buffers);
void set_state_with_buffers(const Model& model, nn::Parameters& parameters, NetworkBuffers& buffers,
                            std::span<const float> values);  // check_state_size first

}  // namespace aekit::models
