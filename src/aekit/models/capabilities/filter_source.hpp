#pragma once
// A model whose weights make the lectures' filter pictures, one picture per unit. It hands
// out plain matrices, so whatever draws them needs nothing of the model's layers:
//   encoder  the weights from the input to the first layer's units (row j: what unit j
//            responds to), e.g. an autoencoder's first W[H,D], PCA's components
//   decoder  the weights from the last layer's units to the output (row j: what unit j adds
//            to the output), e.g. an autoencoder's last W'^T, a dictionary's atoms
#include <optional>
#include <string>

#include "aekit/tensor/matrix.hpp"

namespace aekit::models {

enum class FilterLayer { encoder, decoder };

struct Filters {
  FloatMatrix rows;            // [F, P]: one filter per row
  std::optional<Shape> shape;  // of one filter when it is not a data row (a conv kernel
                               // [C, k, k]); unset: one weight per input value (P = D)
  std::string caption;         // what they are, e.g. "Principal components, largest variance first"
};

class FilterSource {
 public:
  virtual ~FilterSource() = default;

  virtual bool offers(FilterLayer layer) const = 0;
  // Throws UsageError saying why when !offers(layer).
  virtual Filters filters(FilterLayer layer) const = 0;
  // The layer drawn when none is asked for: the encoder's if offered, else the decoder's.
  FilterLayer default_layer() const {
    return offers(FilterLayer::encoder) ? FilterLayer::encoder : FilterLayer::decoder;
  }
};

}  // namespace aekit::models
