#pragma once
// The JSON every convolution-like layer's config() starts from: kind, input shape [C, H, W]
// and the kernel geometry (size, stride, padding, dilation).
#include <nlohmann/json.hpp>
#include <string>

#include "aekit/tensor/im2col.hpp"

namespace aekit::nn {

inline nlohmann::json shape_json(Shape shape) { return {shape.c, shape.h, shape.w}; }

inline nlohmann::json conv_config(const std::string& kind, Shape input, ConvKernel kernel) {
  return {{"kind", kind},          {"input", shape_json(input)},
          {"kernel", kernel.size}, {"stride", kernel.stride},
          {"padding", kernel.padding}, {"dilation", kernel.dilation}};
}

}  // namespace aekit::nn
