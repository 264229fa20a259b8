#include "aekit/models/capabilities/reconstructor.hpp"

#include "aekit/error.hpp"

namespace aekit::models {

ConstMatrixRef Reconstructor::reconstruction_logits(ConstMatrixRef) {
  throw Error("reconstruction_logits: expected a model whose outputs are sigmoids of logits, "
              "found one without logits");
}

ConstMatrixRef Reconstructor::output_from_logits(ConstMatrixRef) {
  throw Error("output_from_logits: expected a model whose outputs are sigmoids of logits, "
              "found one without logits");
}

}  // namespace aekit::models
