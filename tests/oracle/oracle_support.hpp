#pragma once
// What the PyTorch oracle tests of whole autoencoders share (mlp_oracle_test.cpp,
// conv_oracle_test.cpp). A script writes, per case folder:
//   initial/<name>.npy, grad/<name>.npy, final/<name>.npy   one file per parameter (aekit names)
//   loss.npy [1]   trace.npy [steps]
// and the test checks, for the same model and objective loaded with the same initial values:
//   objective and gradients on batch 0   |a - b| <= 1e-4 max(|a|, |b|) + 1e-6
//   the objective before each Adam step  the same, step by step
//   parameters after the Adam steps      |a - b| <= 1e-3 max(|a|, |b|) + 1e-4  (drift: Adam
//                                        moves every parameter by about lr = 1e-2 per step,
//                                        also one whose gradient is rounding noise)
#include <gtest/gtest.h>

#include <array>
#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>
#include <span>
#include <string>
#include <vector>

#include "aekit/models/autoencoder/autoencoder.hpp"
#include "aekit/train/training_step.hpp"

namespace aekit::test {

FloatMatrix load_npy(const std::filesystem::path& path);

// Runs `script` (under tests/oracle/) with /usr/bin/python3 into `outdir`.
struct ScriptRun {
  bool ok = false;
  std::string report;  // command, exit code and output, for a failure message
};
ScriptRun run_oracle_script(const std::string& script, const std::filesystem::path& outdir);

// `script`'s output for a whole suite: run on the first call into a temporary folder that lives
// until the test binary exits, the same run returned after. A test asserts
//   ASSERT_TRUE(run.ok) << oracle_failure(run);  and reads run.folder / <case>.
struct OracleOutput {
  bool ok = false;
  std::string report;
  std::filesystem::path folder;
};
const OracleOutput& oracle_output(const std::string& script);
// The failure message of a script that did not run: what it needs and what it printed.
std::string oracle_failure(const OracleOutput& run);

// The "cases" array of `folder`/results.json, as a script wrote it.
nlohmann::json oracle_cases(const std::filesystem::path& folder);

// The cases of an image-pair oracle (ssim_oracle.py, ms_ssim_oracle.py) in `folder`: each entry
// of results.json's "cases" with its two images as rows [2, C*H*W] from <name>.npy.
struct ImagePairCase {
  nlohmann::json facts;  // the script's entry: name, c, h, w, data_range and its scores
  std::string name;
  Shape shape;
  FloatMatrix pair;
};
std::vector<ImagePairCase> image_pair_cases(const std::filesystem::path& folder);

// Counts and reports entries of `ours` that differ from `theirs` beyond rtol/atol; `worst`
// collects the largest relative difference seen.
::testing::AssertionResult all_close(const std::string& what, const Scalar* ours,
                                     const float* theirs, Index n, double rtol, double atol,
                                     double& worst);

// Reads folder/<name>.npy for every slice of `params` in slice order; fails unless the folder
// holds exactly those files, each of its slice's size.
::testing::AssertionResult read_parameters(const nn::Parameters& params,
                                           const std::filesystem::path& folder,
                                           std::vector<FloatMatrix>& out);

// Reads folder/<name>.npy for every slice of `params` (as read_parameters) into its values.
::testing::AssertionResult load_parameters(nn::Parameters& params, const std::filesystem::path& folder);

// all_close for each slice of the flat array `ours` (values or gradients) against `theirs`.
void expect_slices_close(const std::string& what, const nn::Parameters& params,
                         std::span<const Scalar> ours, const std::vector<FloatMatrix>& theirs,
                         double rtol, double atol, double& worst);

// A training step's three parts against a script's case folder `dir`: `evaluate` (called with
// the gradients zeroed) returns the parts, e.g. {term 1, term 2, objective}, and leaves the
// objective's gradients in `group`; checked against loss.npy [3] and grad/ (rtol 1e-4, atol
// 1e-5), then after 10 steps of the group's optimizer against final/ (1e-3, 1e-4). Prints the
// largest relative differences under `name`.
void expect_step_matches_oracle(const std::string& name, const std::filesystem::path& dir, nn::Parameters& params,
                                train::ParameterGroup& group, const std::function<std::array<Scalar, 3>()>& evaluate);

struct OracleDifferences {
  double objective = 0, gradients = 0, trace = 0, final_parameters = 0;  // largest relative
};

// Loads dir/initial into `model`, checks objective_at(0) and the gradients it leaves against
// dir/loss.npy and dir/grad, then runs `steps` Adam steps (lr, betas 0.9/0.999, eps 1e-8) with
// objective_at(t) before step t, from the initial buffers (BatchNorm statistics), and checks
// the trace and dir/final.
OracleDifferences expect_matches_pytorch(models::Autoencoder& model,
                                         const std::filesystem::path& dir, int steps, double lr,
                                         const std::function<double(Index)>& objective_at);

}  // namespace aekit::test
