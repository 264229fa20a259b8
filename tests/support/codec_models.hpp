#pragma once
// Small codec model files for the codec tests: a learned codec (models/codec) with a few
// filters, and lecture 000's kind of patch autoencoder, both randomly initialized (a codec's
// exactness does not depend on training), and random images to code.
#include <cstdint>
#include <filesystem>

#include "aekit/image/image.hpp"
#include "aekit/tensor/activation.hpp"

namespace aekit::test {

// A learned codec for `channels`-channel 16x16 rows (4 filters, 4 latent channels), scaled
// by unit scaling over 0..255, saved at `path`.
void write_learned_codec_file(const std::filesystem::path& path, int channels, std::uint64_t seed = 1);

// An MLP autoencoder (C*P*P)-`code`, hidden and output tanh, code activation `code_activation`,
// on C x P x P patches scaled symmetric over 0..255, saved at `path`.
void write_patch_codec_file(const std::filesystem::path& path, int channels, int patch, int code,
                            Activation code_activation = Activation::tanh, std::uint64_t seed = 1);

// Uniform random pixels.
image::Image random_image(int width, int height, int channels, std::uint64_t seed);
// A smooth picture (gradients and a disc) with a little noise: what a codec is meant for.
image::Image smooth_image(int width, int height, int channels, std::uint64_t seed);

}  // namespace aekit::test
