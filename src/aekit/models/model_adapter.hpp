#pragma once
// The Model interface (model.hpp) for a model class whose inference is const and returns
// owned matrices (Pca, SparseCoding, Psd): an encoder, a decoder and a reconstructor. The
// results are kept so that the views handed out stay valid until the next call of the same
// kind.
#include <utility>

#include "aekit/models/model.hpp"

namespace aekit::models {

template <typename Algorithm>
class ModelAdapter : public Model, public Encoder, public Decoder, public Reconstructor {
 public:
  explicit ModelAdapter(Algorithm algorithm) : algorithm_(std::move(algorithm)) {}

  Index input_size() const override { return algorithm_.input_size(); }
  Index code_size() const override { return algorithm_.code_size(); }
  ConstMatrixRef encode(ConstMatrixRef x) override { return codes_ = algorithm_.encode(x); }
  Activation code_activation() const override {
    if constexpr (requires { algorithm_.code_activation(); }) return algorithm_.code_activation();
    return Activation::identity;
  }
  ConstMatrixRef decode(ConstMatrixRef codes) override { return decoded_ = algorithm_.decode(codes); }
  ConstMatrixRef reconstruct(ConstMatrixRef x) override {
    return reconstructed_ = algorithm_.reconstruct(x);
  }

  Encoder* encoder() override { return this; }
  Decoder* decoder() override { return this; }
  Reconstructor* reconstructor() override { return this; }

  const Algorithm& algorithm() const { return algorithm_; }

 protected:
  Algorithm algorithm_;

 private:
  Matrix codes_, decoded_, reconstructed_;
};

}  // namespace aekit::models
