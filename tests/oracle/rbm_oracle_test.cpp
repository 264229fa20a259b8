// Cross-check of the RBM's closed forms against scikit-learn's BernoulliRBM
// (tests/oracle/rbm_oracle.py): with the same parameters, the hidden means (transform), the
// free energy and the pseudo-log-likelihood (score_samples, with the units it flipped) agree
// to float32 rounding: relative 1e-5 (free energies up to ~30).
// If /usr/bin/python3 or scikit-learn is missing the test FAILS (it never skips): install
// python3-sklearn (scripts/install-deps).
#include <gtest/gtest.h>

#include <cmath>

#include "aekit/models/rbm/rbm.hpp"
#include "oracle/oracle_support.hpp"
#include "support/test_support.hpp"

namespace aekit::models {
namespace {

TEST(RbmOracle, ClosedFormsMatchScikitLearn) {
  test::TempDir dir;
  const test::ScriptRun script = test::run_oracle_script("rbm_oracle.py", dir.path());
  ASSERT_TRUE(script.ok) << "the scikit-learn oracle script failed; it needs /usr/bin/python3 "
                            "with numpy and scikit-learn (Debian python3-sklearn, see "
                            "scripts/install-deps)\n" << script.report;
  const auto theirs = [&](const char* name) { return test::load_npy(dir / (std::string(name) + ".npy")); };
  const FloatMatrix x = theirs("x"), weight = theirs("weight");
  const Index n = x.rows(), d = x.cols(), h = weight.rows();
  Rbm rbm({d, h});
  rbm.weight() = weight.cast<Scalar>();
  rbm.visible_bias() = theirs("visible_bias").transpose().cast<Scalar>();
  rbm.hidden_bias() = theirs("hidden_bias").transpose().cast<Scalar>();

  Matrix hidden(n, h);
  rbm.hidden_means(x.cast<Scalar>(), hidden);
  EXPECT_LT((hidden - theirs("hidden").cast<Scalar>()).cwiseAbs().maxCoeff(), 1e-6);

  std::vector<double> free(static_cast<std::size_t>(n)), flipped_free(static_cast<std::size_t>(n));
  Matrix scratch(n, h);
  rbm.free_energy(x.cast<Scalar>(), scratch, free);
  const FloatMatrix free_theirs = theirs("free_energy"), units = theirs("flipped"), pll = theirs("pseudo_ll");
  Matrix flipped = x.cast<Scalar>();
  for (Index r = 0; r < n; ++r) {
    EXPECT_NEAR(free[std::size_t(r)], free_theirs(r, 0), 1e-5 * std::max(1.0, std::abs(double(free_theirs(r, 0)))));
    const Index i = Index(units(r, 0));
    flipped(r, i) = 1 - flipped(r, i);
  }
  rbm.free_energy(flipped, scratch, flipped_free);
  for (Index r = 0; r < n; ++r) {
    const double ours = double(d) * -softplus(free[std::size_t(r)] - flipped_free[std::size_t(r)]);
    EXPECT_NEAR(ours, pll(r, 0), 1e-4 * std::max(1.0, std::abs(double(pll(r, 0))))) << "row " << r;
  }
}

}  // namespace
}  // namespace aekit::models
