#pragma once
// A decoder that is a chain of fully connected layers, handed out as plain matrices so that
// code outside the model can run it (the run report's in-page decoder, report/latent_explorer):
//   a_0 = h[N,K]
//   a_{l+1} = f_l(a_l W_l^T + b_l)      W_l [out_l, in_l] (PyTorch's nn.Linear layout), b_l [1, out_l]
//   x^[N,D] = f_out(a_L)                the output activation, applied after the last layer
// Tied weights are handed out as they act: the decoder layer's W_l is its encoder layer's W^T.
// x^ is in the units the model trains on (the data's scaling applied), as Decoder::decode's.
#include <vector>

#include "aekit/tensor/activation.hpp"
#include "aekit/tensor/matrix.hpp"

namespace aekit::models {

struct DenseLayer {
  FloatMatrix weight;  // W [out, in]
  FloatMatrix bias;    // b [1, out]
  Activation activation;
};

struct DenseChain {
  std::vector<DenseLayer> layers;  // first: takes the code h[N,K]; last: gives the logits [N,D]
  Activation output;               // f_out
};

class DenseDecoder {
 public:
  virtual ~DenseDecoder() = default;

  virtual DenseChain dense_layers() const = 0;
};

}  // namespace aekit::models
