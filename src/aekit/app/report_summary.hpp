#pragma once
// The key | value table at the top of a run's report: what was trained on what, how, and
// the test metrics that fit the model (summary.json's, eval::ModelMetrics::to_json under
// "test"):
//   data, test data, model, learned values, training   always
//   test accuracy        a classifier with labelled test data
//   test MSE, test BCE   models that reconstruct
//   test -log p(x)       a likelihood model (a VAE): importance-sampled, with the ELBO and KL
//   denoised test MSE (and the noisy input's)   a denoising run
//   code statistics      models with an encoder: mean and exact zeros, plus what fits the
//                        code's activation (near 0 or 1: sigmoid; saturated: tanh; std)
//   encoder Jacobian norm                       a contractive run
//   PCA-K test MSE       summary.json's pca_test_mse is a number (null: no comparison),
//                        the code is smaller than the input and the model is not PCA
//   throughput           runs of the training loop (a one-shot fit has no epochs)
#include <string>
#include <utility>
#include <vector>

#include "aekit/app/run_report.hpp"

namespace aekit::app {

std::vector<std::pair<std::string, std::string>> report_summary(const RunReportInput& in);

}  // namespace aekit::app
