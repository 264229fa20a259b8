#pragma once
// The default layer lists of a GAN (gan.hpp) for data rows of shape [C, H, W], used where a
// config leaves a list empty. OUT is the generator's last activation (sigmoid for data in
// [0, 1], tanh for [-1, 1]).
//   mlp    lecture 000's GAN, the layer sizes of the common PyTorch MNIST GAN (trains on
//          Fashion-MNIST with Adam lr 2e-4, adam_beta1 0.5):
//            generator      dense 256, 512, 1024 leaky_relu, dense C*H*W OUT (+ reshape CxHxW)
//            discriminator  dense 1024, 512, 256 leaky_relu, dense 1
//   dcgan  Radford et al. 2016 at Fashion-MNIST's scale (H and W multiples of 4): no pooling,
//          strided convs in D and fractionally-strided (transposed) convs in G, batch norm in
//          both (not on G's output nor D's input), ReLU in G, leaky ReLU of slope 0.2 in D:
//            generator      dense 128*H/4*W/4, reshape 128xH/4xW/4, batchnorm, relu,
//                           deconv 64 4 stride=2 pad=1, batchnorm, relu,      -> [64, H/2, W/2]
//                           deconv C 4 stride=2 pad=1 OUT                     -> [C, H, W]
//            discriminator  conv 64 4 stride=2 pad=1 leaky_relu_0.2,          -> [64, H/2, W/2]
//                           conv 128 4 stride=2 pad=1, batchnorm, leaky_relu_0.2, dense 1
//          with weights from N(0, 0.02^2) (GanArchitecture's init).
#include <string>
#include <string_view>
#include <vector>

#include "aekit/nn/init.hpp"
#include "aekit/tensor/activation.hpp"
#include "aekit/tensor/matrix.hpp"

namespace aekit::models {

enum class GanArchitecture { mlp, dcgan };
GanArchitecture parse_gan_architecture(std::string_view name);  // "mlp" | "dcgan"
std::string gan_architecture_name(GanArchitecture architecture);

struct GanLayers {
  std::vector<std::string> generator, discriminator;
};

// UsageError for a dcgan on rows that are not images with H and W multiples of 4.
GanLayers default_gan_layers(GanArchitecture architecture, Shape data, Activation out);
nn::Init default_gan_init(GanArchitecture architecture);  // glorot | normal:0.02

}  // namespace aekit::models
