// Cross-check of PCA against scikit-learn (tests/oracle/pca_oracle.py).
//
// The script writes a small data set with 8 well-separated directions over noise and
// sklearn.decomposition.PCA(8, whiten=True) fitted with svd_solver='full' and 'randomized'.
// Here PCA is fitted with the matching solver (exact, randomized) and must agree:
//   mean                      |ours - theirs| <= 1e-5 (offsets up to 5)
//   explained variance        relative 1e-4;  explained-variance ratio: 1e-5
//   components                up to sign: |v_ours . v_theirs| >= 1 - 1e-6, then entries 1e-3
//   whitened codes            (the same sign per component) entries within 1e-3
// If /usr/bin/python3 or scikit-learn is missing the test FAILS (it never skips): install
// python3-sklearn (scripts/install-deps).
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <string>

#include "aekit/models/linear/pca.hpp"
#include "oracle/oracle_support.hpp"
#include "support/test_support.hpp"

namespace aekit::models {
namespace {

double max_abs_difference(const Matrix& ours, const FloatMatrix& theirs) {
  return (ours - theirs.cast<Scalar>()).cwiseAbs().maxCoeff();
}

TEST(PcaOracle, MatchesScikitLearnWithBothSolvers) {
  test::TempDir dir;
  const test::ScriptRun script = test::run_oracle_script("pca_oracle.py", dir.path());
  ASSERT_TRUE(script.ok) << "the scikit-learn oracle script failed; it needs /usr/bin/python3 "
                            "with numpy and scikit-learn (Debian python3-sklearn, see "
                            "scripts/install-deps)\n" << script.report;
  const FloatMatrix x = test::load_npy(dir / "x.npy");
  for (const auto& [folder, solver] : {std::pair{"full", PcaSolver::exact},
                                       std::pair{"randomized", PcaSolver::randomized}}) {
    SCOPED_TRACE(folder);
    // A path, not `folder`: clang 14 cannot capture a structured binding in a lambda.
    const std::filesystem::path solver_dir = dir / folder;
    const auto theirs = [&](const char* name) {
      return test::load_npy(solver_dir / (std::string(name) + ".npy"));
    };
    PcaConfig config;
    config.components = 8;
    config.whiten = true;
    config.solver = solver;
    const Pca pca = Pca::fit(x, config);

    EXPECT_LT(max_abs_difference(pca.mean(), theirs("mean").transpose()), 1e-5);
    const FloatMatrix variance = theirs("explained_variance"), ratio = theirs("explained_variance_ratio");
    ASSERT_EQ(variance.rows(), 8);
    double worst_variance = 0;
    for (Index i = 0; i < 8; ++i) {
      const double relative = std::abs(pca.explained_variance()[i] - variance(i, 0)) / variance(i, 0);
      worst_variance = std::max(worst_variance, relative);
      EXPECT_LT(relative, 1e-4) << "explained variance " << i;
      EXPECT_NEAR(pca.explained_variance_ratio()[i], ratio(i, 0), 1e-5) << "ratio " << i;
    }

    // Signs differ by convention (ours: largest |entry| positive; scikit-learn 1.2: from U).
    const FloatMatrix components = theirs("components"), whitened = theirs("whitened");
    Matrix flipped = pca.components(), codes = pca.encode(x);
    double worst_alignment = 0;
    for (Index i = 0; i < 8; ++i) {
      const double dot = double(pca.components().row(i).dot(components.row(i).cast<Scalar>()));
      worst_alignment = std::max(worst_alignment, 1 - std::abs(dot));
      EXPECT_GE(std::abs(dot), 1 - 1e-6) << "component " << i;
      if (dot < 0) {
        flipped.row(i) *= -1;
        codes.col(i) *= -1;
      }
    }
    const double component_diff = max_abs_difference(flipped, components);
    const double code_diff = max_abs_difference(codes, whitened);
    EXPECT_LT(component_diff, 1e-3);
    EXPECT_LT(code_diff, 1e-3);
    std::printf("[ oracle   ] %s vs scikit-learn: explained variance within %.1e (relative), "
                "components 1 - |cos| <= %.1e (entries %.1e), whitened codes within %.1e\n",
                folder, worst_variance, worst_alignment, component_diff, code_diff);
  }
}

}  // namespace
}  // namespace aekit::models
