#include "aekit/models/gan/gan_architectures.hpp"

#include <fmt/format.h>

#include "aekit/error.hpp"
#include "aekit/nn/layer_spec.hpp"

namespace aekit::models {
namespace {

GanLayers mlp_layers(Shape s, Activation out) {
  GanLayers layers{{"dense 256 leaky_relu", "dense 512 leaky_relu", "dense 1024 leaky_relu",
                    fmt::format("dense {} {}", s.size(), activation_name(out))},
                   {"dense 1024 leaky_relu", "dense 512 leaky_relu", "dense 256 leaky_relu", "dense 1"}};
  if (s.c != 1 || s.h != 1) layers.generator.push_back(fmt::format("reshape {}x{}x{}", s.c, s.h, s.w));
  return layers;
}

GanLayers dcgan_layers(Shape s, Activation out) {
  if (s.h == 1 || s.h % 4 != 0 || s.w % 4 != 0)
    throw UsageError(fmt::format("a dcgan's default layers need image rows [C, H, W] with H and W multiples of 4, "
                                 "found {}; give the data's shape (--shape CxHxW) or generator_layers and "
                                 "discriminator_layers", nn::shape_text(s)));
  const Index h = s.h / 4, w = s.w / 4;
  return {{fmt::format("dense {}", 128 * h * w), fmt::format("reshape 128x{}x{}", h, w), "batchnorm", "relu",
           "deconv 64 4 stride=2 pad=1", "batchnorm", "relu",
           fmt::format("deconv {} 4 stride=2 pad=1 {}", s.c, activation_name(out))},
          {"conv 64 4 stride=2 pad=1 leaky_relu_0.2", "conv 128 4 stride=2 pad=1", "batchnorm", "leaky_relu_0.2",
           "dense 1"}};
}

}  // namespace

GanArchitecture parse_gan_architecture(std::string_view name) {
  if (name == "mlp") return GanArchitecture::mlp;
  if (name == "dcgan") return GanArchitecture::dcgan;
  throw UsageError(fmt::format("unknown gan architecture '{}': expected mlp or dcgan", name));
}

std::string gan_architecture_name(GanArchitecture architecture) {
  return architecture == GanArchitecture::mlp ? "mlp" : "dcgan";
}

GanLayers default_gan_layers(GanArchitecture architecture, Shape data, Activation out) {
  return architecture == GanArchitecture::mlp ? mlp_layers(data, out) : dcgan_layers(data, out);
}

nn::Init default_gan_init(GanArchitecture architecture) {
  return architecture == GanArchitecture::mlp ? nn::Init{} : nn::Init{nn::Init::Kind::normal, 0.02};
}

}  // namespace aekit::models
