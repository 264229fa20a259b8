// Sparse coding as a Model: its LASSO encoder and linear decoder through the Model interface,
// and a rebuild from its JSON and state.
#include "aekit/models/sparse/sparse_coding_model.hpp"

#include <gtest/gtest.h>

#include "aekit/models/registry.hpp"
#include "support/random_data.hpp"

namespace aekit::models {
namespace {

TEST(SparseCodingModel, EncodesLikeTheLassoAndRebuildsFromJsonAndState) {
  const Matrix x = test::manifold_data(40, 6, 2).cast<Scalar>();
  LassoOptions lasso;
  lasso.solver = LassoSolver::fista;
  SparseCodingModel model(SparseCoding(Matrix::Identity(6, 6), 0.1, lasso));
  EXPECT_EQ(model.kind(), "sparse_coding");
  EXPECT_EQ(model.description(), "sparse coding 6 -> 6 atoms, LASSO alpha 0.1 (fista)");
  // With orthonormal atoms the LASSO is soft thresholding: h = sign(x) max(|x| - alpha, 0).
  const Matrix expected = (x.array().abs() - Scalar(0.1)).max(0) * x.array().sign();
  EXPECT_TRUE(Matrix(model.encode(x)).isApprox(expected, 1e-4f));
  EXPECT_EQ(Matrix(model.decode(expected)), expected);

  auto rebuilt = make_model(model.to_json());
  rebuilt->set_state(model.state());
  EXPECT_EQ(rebuilt->to_json(), model.to_json());
  EXPECT_EQ(Matrix(rebuilt->encoder()->encode(x)), Matrix(model.encode(x)));
}

}  // namespace
}  // namespace aekit::models
