#pragma once
// One layer written as text, as in a config's layer list, and the layer it builds.
//
//   conv OUT K [stride=S] [pad=P] [dilation=D] [ACT]   Conv2d, OUT channels, K x K kernel
//   deconv OUT K [stride=S] [pad=P] [outpad=Q] [ACT]   ConvTranspose2d
//   maxpool K [stride=S]    avgpool K [stride=S]       pooling (stride defaults to K)
//   upsample F [nearest|bilinear]                      upsampling by F (default nearest)
//   dense OUT [ACT]                                    Dense on the flattened row
//   flatten    reshape CxHxW    batchnorm    dropout P
//   ACT                                                a stand-alone activation
// K may be written "3" or "3x3" (square kernels only); ACT is an activation name
// (tensor/activation.hpp); without one a conv/deconv/dense layer is linear.
// Words are separated by spaces, e.g. "conv 32 3x3 stride=2 pad=1 relu".
//
// Shapes: a layer maps a row of shape [C, H, W] to its output shape; dense, flatten give
// [1, 1, OUT]; batchnorm normalizes per channel (C channels of H*W values) on images and per
// feature on flat rows [1, 1, D] (PyTorch's BatchNorm2d and BatchNorm1d).
#include <optional>
#include <string>
#include <string_view>

#include "aekit/nn/init.hpp"
#include "aekit/nn/layer.hpp"
#include "aekit/nn/upsample.hpp"
#include "aekit/tensor/activation.hpp"
#include "aekit/tensor/im2col.hpp"

namespace aekit::nn {

struct LayerSpec {
  enum class Kind {
    conv, deconv, maxpool, avgpool, upsample, dense, flatten, reshape, batchnorm, dropout,
    activation
  };
  Kind kind = Kind::activation;
  Index size = 0;           // conv/deconv: out channels; dense: features; upsample: factor
  ConvKernel kernel;        // conv, deconv, pooling
  Index output_padding = 0; // deconv
  UpsampleMode mode = UpsampleMode::nearest;
  Shape shape;              // reshape target
  double drop = 0;          // dropout probability
  std::optional<Activation> activation;  // conv, deconv, dense, activation
  std::string text;         // as written, for messages
};

std::string shape_text(Shape s);  // "[C, H, W]"

// Throws UsageError naming the text, the word that is wrong and the expected grammar.
LayerSpec parse_layer_spec(std::string_view text);

struct BuiltLayer {
  LayerPtr layer;
  Shape output;
};

// The layer `spec` describes for rows of shape `input`. Throws UsageError when it does not
// fit (a kernel larger than the padded input, a reshape of another size, ...), naming the
// layer and the shape it was given.
BuiltLayer build_layer(const LayerSpec& spec, Shape input, Init init);

}  // namespace aekit::nn
