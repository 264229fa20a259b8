#include "aekit/models/sparse/sparse_coding.hpp"

#include <fmt/format.h>


#include "aekit/error.hpp"
#include "aekit/tensor/gemm.hpp"

namespace aekit::models {

SparseCoding::SparseCoding(Matrix dictionary, double alpha, const LassoOptions& lasso)
    : dictionary_(std::move(dictionary)), alpha_(alpha), lasso_(lasso) {
  if (dictionary_.rows() < 1 || dictionary_.cols() < 1)
    throw UsageError(fmt::format("a dictionary needs at least one atom and one feature, found "
                                 "[{}, {}]",
                                 dictionary_.rows(), dictionary_.cols()));
  validate_l1_weight(alpha, "alpha");
  lasso_.validate();
}

SparseCoding SparseCoding::fit(ConstMatrixRef x, const SparseCodingConfig& config,
                               DictionaryLearningResult* history) {
  DictionaryLearningResult result = learn_dictionary(x, config);
  SparseCoding model(std::move(result.dictionary), config.alpha, config.lasso);
  if (history) *history = std::move(result);
  return model;
}

void SparseCoding::check_input(ConstMatrixRef x) const {
  if (x.cols() != input_size())
    throw Error(fmt::format("sparse coding model expects {} inputs, data has {} columns",
                            input_size(), x.cols()));
}

Matrix SparseCoding::encode(ConstMatrixRef x) const {
  Matrix codes = Matrix::Zero(x.rows(), code_size());
  encode(x, codes);
  return codes;
}

LassoReport SparseCoding::encode(ConstMatrixRef x, MatrixRef codes) const {
  check_input(x);
  if (codes.rows() != x.rows() || codes.cols() != code_size())
    throw Error(fmt::format("codes for {} rows of a {}-atom model must be [{}, {}], found "
                            "[{}, {}]",
                            x.rows(), code_size(), x.rows(), code_size(), codes.rows(),
                            codes.cols()));
  return lasso(x, dictionary_, alpha_, lasso_, codes);
}

Matrix SparseCoding::decode(ConstMatrixRef codes) const {
  if (codes.cols() != code_size())
    throw Error(fmt::format("sparse coding model has {} atoms, codes have {} columns",
                            code_size(), codes.cols()));
  Matrix x(codes.rows(), input_size());
  gemm_nn(codes, dictionary_, x);
  return x;
}

double SparseCoding::objective(ConstMatrixRef x) const {
  check_input(x);
  if (x.rows() == 0) return 0;
  const Matrix codes = encode(x);
  return sparse_coding_objective(x, dictionary_, codes, alpha_);
}

}  // namespace aekit::models
