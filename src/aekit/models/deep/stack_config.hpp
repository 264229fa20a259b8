#pragma once
// Greedy layer-wise pre-training of a stack (--model stack, Hinton & Salakhutdinov 2006;
// Bengio et al. 2007; Vincent et al. 2010): with dims [D_0, H_1, ..., H_L], layer k learns
// H_k units on the codes of layer k - 1 (the data for k = 1), by
//   rbm          an RBM (its settings: [rbm]; hidden units bernoulli, the top one gaussian
//                with linear_code)
//   autoencoder  a one-layer autoencoder, sigmoid code and output, cross-entropy loss
//   denoising    the same trained on inputs corrupted by `noise` (Vincent et al. 2010)
// then the stack unrolls into one deep autoencoder (unroll.hpp), which `--model mlp
// --init FILE` fine-tunes.
#include <string>
#include <vector>

#include "aekit/tensor/matrix.hpp"

namespace aekit::models {

enum class LayerTrainer { rbm, autoencoder, denoising };

LayerTrainer parse_layer_trainer(const std::string& name);  // UsageError naming the valid ones
std::string layer_trainer_name(LayerTrainer trainer);

struct StackConfig {
  LayerTrainer trainer = LayerTrainer::rbm;
  std::vector<int> epochs;     // per layer; empty: the run's epochs for every layer
  std::vector<double> lr;      // per layer; empty: the run's lr for every layer
  bool linear_code = false;    // the top layer's code is linear (gaussian hidden units)
  std::string noise = "mask:0.25";  // the corruption of denoising layers

  // UsageError unless the per-layer lists are empty or have one entry per layer (`layers`),
  // every epoch count >= 1 and every rate > 0.
  void validate(Index layers) const;
  int layer_epochs(Index layer, int all) const { return epochs.empty() ? all : epochs[std::size_t(layer)]; }
  double layer_lr(Index layer, double all) const { return lr.empty() ? all : lr[std::size_t(layer)]; }
};

}  // namespace aekit::models
