// Cross-check of sparse coding against scikit-learn (tests/oracle/sparse_coding_oracle.py).
//
//   LASSO       our codes (cd and fista, tight tolerance) vs Lasso solved one row at a time
//               to tol 1e-12: |ours - theirs| <= 1e-4 per entry; and vs sparse_encode
//               (lasso_cd, its default tol 1e-4) within what that tolerance allows
//   batch       DictionaryLearning(fit_algorithm='cd') and ours, both from the script's
//               initial atoms: the objective per iteration (error_ / N) within 0.5%, the
//               final F within 2%
//   online      MiniBatchDictionaryLearning(cd, batch 256, 10 epochs) from its own start,
//               ours from data rows: our F at most 2% above theirs
// F(D) = 1/N sum_n min_h 1/2 ||x_n - h D||^2 + alpha ||h||_1 is computed for both
// dictionaries with our LASSO; for theirs it must agree with the script's F (sparse_encode)
// within 0.1%, which checks our encoder on a learned dictionary.
// If /usr/bin/python3 or scikit-learn is missing the test FAILS (it never skips).
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "aekit/models/sparse/dictionary_learning.hpp"
#include "aekit/models/sparse/sparse_coding.hpp"
#include "oracle/oracle_support.hpp"
#include "support/test_support.hpp"

namespace aekit::models {
namespace {

class SparseCodingOracle : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new test::TempDir;
    const test::ScriptRun run = test::run_oracle_script("sparse_coding_oracle.py", dir_->path());
    ok_ = run.ok;
    report_ = run.report;
    if (ok_) results_ = nlohmann::json::parse(test::read_file(*dir_ / "results.json"));
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  void SetUp() override {
    ASSERT_TRUE(ok_) << "the scikit-learn oracle script failed; it needs /usr/bin/python3 with "
                        "numpy and scikit-learn (Debian python3-sklearn, scripts/install-deps)\n"
                     << report_;
  }
  static Matrix load(const std::string& name) {
    return test::load_npy(*dir_ / (name + ".npy")).cast<Scalar>();
  }
  // F(D) with our encoder, solved tightly.
  static double objective(const Matrix& x, const Matrix& dictionary, double alpha) {
    LassoOptions tight;
    tight.tolerance = 1e-6;
    return SparseCoding(dictionary, alpha, tight).objective(x);
  }

  static inline test::TempDir* dir_ = nullptr;
  static inline bool ok_ = false;
  static inline std::string report_;
  static inline nlohmann::json results_;
};

TEST_F(SparseCodingOracle, LassoCodesMatchScikitLearn) {
  const Matrix x = load("lasso_x"), dictionary = load("lasso_dictionary");
  const Matrix exact = load("lasso_codes"), encoded = load("sparse_encode_codes");
  const double alpha = results_.at("lasso_alpha").get<double>();
  for (const LassoSolver solver : {LassoSolver::cd, LassoSolver::fista}) {
    LassoOptions options;
    options.solver = solver;
    // FISTA's float steps jitter at a relative gap of about 1e-7 (models/lasso.hpp).
    options.tolerance = solver == LassoSolver::cd ? 1e-7 : 1e-6;
    options.max_iterations = 100000;
    Matrix codes = Matrix::Zero(x.rows(), dictionary.rows());
    const LassoReport report = lasso(x, dictionary, alpha, options, codes);
    const double to_exact = (codes - exact).cwiseAbs().maxCoeff();
    const double to_encoded = (codes - encoded).cwiseAbs().maxCoeff();
    EXPECT_LT(to_exact, 1e-4) << lasso_solver_name(solver);
    EXPECT_LT(to_encoded, 1e-2) << lasso_solver_name(solver);
    // The same support wherever the exact code is clearly nonzero or zero.
    for (Index i = 0; i < codes.size(); ++i) {
      if (std::abs(exact.data()[i]) > 1e-3) {
        EXPECT_NE(codes.data()[i], 0) << i;
      }
    }
    std::printf("[ oracle   ] LASSO %s: max |ours - Lasso(tol 1e-12)| %.2e, max |ours - "
                "sparse_encode| %.2e, %.1f iterations a row\n",
                lasso_solver_name(solver).c_str(), to_exact, to_encoded, report.mean_iterations);
  }
}

TEST_F(SparseCodingOracle, BatchLearningFollowsDictionaryLearning) {
  const Matrix x = load("digits"), init = load("dl_init"), theirs = load("dl_dictionary");
  const auto& dl = results_.at("dl");
  SparseCodingConfig config;
  config.atoms = dl.at("atoms").get<Index>();
  config.alpha = dl.at("alpha").get<double>();
  config.iterations = dl.at("iterations").get<int>();
  const DictionaryLearningResult ours = learn_dictionary(x, config, init);
  const auto trace = dl.at("trace").get<std::vector<double>>();
  ASSERT_EQ(trace.size(), ours.objective.size());
  for (std::size_t i = 0; i < trace.size(); ++i)
    EXPECT_NEAR(ours.objective[i], trace[i], 5e-3 * trace[i]) << "iteration " << i;
  const double f_ours = objective(x, ours.dictionary, config.alpha);
  const double f_theirs = objective(x, theirs, config.alpha);
  const double f_script = dl.at("objective").get<double>();
  EXPECT_NEAR(f_theirs, f_script, 1e-3 * f_script) << "our encoder on their dictionary";
  EXPECT_NEAR(f_ours, f_theirs, 0.02 * f_theirs);
  std::printf("[ oracle   ] DictionaryLearning (cd, same start, %d iterations): last objective "
              "%.6f vs %.6f; F %.6f vs %.6f (ratio %.4f)\n",
              config.iterations, ours.objective.back(), trace.back(), f_ours, f_theirs,
              f_ours / f_theirs);
}

TEST_F(SparseCodingOracle, OnlineLearningIsAsGoodAsMiniBatchDictionaryLearning) {
  const Matrix x = load("digits"), theirs = load("mb_dictionary");
  const auto& mb = results_.at("mb");
  SparseCodingConfig config;
  config.atoms = mb.at("atoms").get<Index>();
  config.alpha = mb.at("alpha").get<double>();
  config.iterations = mb.at("iterations").get<int>();
  config.batch_size = mb.at("batch_size").get<Index>();
  const SparseCoding model = SparseCoding::fit(x, config);
  const double f_ours = objective(x, model.dictionary(), config.alpha);
  const double f_theirs = objective(x, theirs, config.alpha);
  const double f_script = mb.at("objective").get<double>();
  EXPECT_NEAR(f_theirs, f_script, 1e-3 * f_script) << "our encoder on their dictionary";
  EXPECT_LT(f_ours, 1.02 * f_theirs);
  EXPECT_LE(model.dictionary().rowwise().norm().maxCoeff(), 1 + 1e-5);
  std::printf("[ oracle   ] MiniBatchDictionaryLearning (cd, batch %ld, %d epochs): F %.6f vs "
              "%.6f (ratio %.4f)\n",
              long(config.batch_size), config.iterations, f_ours, f_theirs, f_ours / f_theirs);
}

}  // namespace
}  // namespace aekit::models
