#include "oracle/oracle_support.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <memory>

#include "aekit/data/npy.hpp"
#include "aekit/optim/optimizer.hpp"
#include "support/test_support.hpp"

namespace aekit::test {

FloatMatrix load_npy(const std::filesystem::path& path) { return data::read_npy(path).x; }

ScriptRun run_oracle_script(const std::string& script, const std::filesystem::path& outdir) {
  const std::string command = std::string(AEKIT_PYTHON) + " " + AEKIT_SOURCE_DIR +
                              "/tests/oracle/" + script + " " + outdir.string();
  const auto result = run_command(command);
  return {result.exit_code == 0, "command: " + command + "\nexit code: " +
                                     std::to_string(result.exit_code) + "\noutput:\n" +
                                     result.output};
}

const OracleOutput& oracle_output(const std::string& script) {
  static std::map<std::string, std::pair<std::unique_ptr<TempDir>, OracleOutput>> runs;
  auto [it, fresh] = runs.try_emplace(script);
  if (fresh) {
    it->second.first = std::make_unique<TempDir>();
    const ScriptRun run = run_oracle_script(script, it->second.first->path());
    it->second.second = {run.ok, run.report, it->second.first->path()};
  }
  return it->second.second;
}

std::string oracle_failure(const OracleOutput& run) {
  return "the oracle script failed; it needs /usr/bin/python3 with numpy and torch or scikit-image (Debian "
         "python3-torch, python3-skimage: scripts/install-deps)\n" + run.report;
}

nlohmann::json oracle_cases(const std::filesystem::path& folder) {
  return nlohmann::json::parse(read_file(folder / "results.json")).at("cases");
}

std::vector<ImagePairCase> image_pair_cases(const std::filesystem::path& folder) {
  std::vector<ImagePairCase> cases;
  const nlohmann::json all = oracle_cases(folder);
  for (const auto& c : all) {
    const std::string name = c.at("name").get<std::string>();
    const Shape shape{c.at("c").get<Index>(), c.at("h").get<Index>(), c.at("w").get<Index>()};
    cases.push_back({c, name, shape, load_npy(folder / (name + ".npy"))});
  }
  return cases;
}

::testing::AssertionResult all_close(const std::string& what, const Scalar* ours,
                                     const float* theirs, Index n, double rtol, double atol,
                                     double& worst) {
  Index bad = 0;
  std::string report;
  for (Index i = 0; i < n; ++i) {
    const double a = ours[i], b = theirs[i];
    const double scale = std::max(std::abs(a), std::abs(b));
    const double diff = std::abs(a - b);
    if (scale > 0) worst = std::max(worst, diff / scale);
    if (!(diff <= rtol * scale + atol)) {
      if (bad++ < 5)
        report += "\n  [" + std::to_string(i) + "] aekit " + std::to_string(a) + "  torch " +
                  std::to_string(b) + "  (|diff| " + std::to_string(diff) + ")";
    }
  }
  if (bad == 0) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << what << ": " << bad << " of " << n
                                       << " entries differ from PyTorch" << report;
}

::testing::AssertionResult read_parameters(const nn::Parameters& params,
                                           const std::filesystem::path& folder,
                                           std::vector<FloatMatrix>& out) {
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(folder))
    files += entry.path().extension() == ".npy";
  if (files != params.slices().size())
    return ::testing::AssertionFailure() << folder << " holds " << files
                                         << " parameter files, the model has "
                                         << params.slices().size() << " parameters";
  out.clear();
  for (const auto& slice : params.slices()) {
    out.push_back(load_npy(folder / (slice.name + ".npy")));
    if (out.back().size() != slice.rows * slice.cols)
      return ::testing::AssertionFailure() << folder << ": " << slice.name << " has "
                                           << out.back().size() << " entries, expected "
                                           << slice.rows * slice.cols;
  }
  return ::testing::AssertionSuccess();
}

::testing::AssertionResult load_parameters(nn::Parameters& params, const std::filesystem::path& folder) {
  std::vector<FloatMatrix> values;
  const auto read = read_parameters(params, folder, values);
  if (!read) return read;
  for (std::size_t i = 0; i < values.size(); ++i)
    std::copy(values[i].data(), values[i].data() + values[i].size(), params.values().data() + params.slices()[i].offset);
  return ::testing::AssertionSuccess();
}

void expect_slices_close(const std::string& what, const nn::Parameters& params,
                         std::span<const Scalar> ours, const std::vector<FloatMatrix>& theirs,
                         double rtol, double atol, double& worst) {
  for (std::size_t i = 0; i < theirs.size(); ++i) {
    const nn::NamedSlice& slice = params.slices()[i];
    EXPECT_TRUE(all_close(what + slice.name, ours.data() + slice.offset, theirs[i].data(),
                          theirs[i].size(), rtol, atol, worst));
  }
}

OracleDifferences expect_matches_pytorch(models::Autoencoder& model,
                                         const std::filesystem::path& dir, int steps, double lr,
                                         const std::function<double(Index)>& objective_at) {
  OracleDifferences worst;
  auto& params = model.parameters();
  std::vector<FloatMatrix> grads, finals;
  EXPECT_TRUE(load_parameters(params, dir / "initial"));
  EXPECT_TRUE(read_parameters(params, dir / "grad", grads));
  EXPECT_TRUE(read_parameters(params, dir / "final", finals));
  if (::testing::Test::HasFailure()) return worst;

  // The gradient check's forward pass moves BatchNorm running statistics; the Adam run starts
  // from the initial ones, as the script's (which checks gradients on a copy).
  const Vector initial_buffers = model.buffer_values();
  const Scalar ours_loss = Scalar(objective_at(0));
  const FloatMatrix torch_loss = load_npy(dir / "loss.npy");
  EXPECT_EQ(torch_loss.size(), 1);
  EXPECT_TRUE(all_close("objective", &ours_loss, torch_loss.data(), 1, 1e-4, 1e-6,
                        worst.objective));
  expect_slices_close("gradient of ", params, params.grads(), grads, 1e-4, 1e-6, worst.gradients);
  model.set_buffer_values({initial_buffers.data(), std::size_t(initial_buffers.size())});

  optim::OptimizerConfig adam;
  adam.kind = "adam";
  adam.beta1 = 0.9;
  adam.beta2 = 0.999;
  adam.eps = 1e-8;
  auto optimizer = optim::make_optimizer(adam);
  Vector trace(steps);
  for (int t = 0; t < steps; ++t) {
    trace[t] = Scalar(objective_at(t));
    optimizer->step(params.values(), params.grads(), lr);
  }
  const FloatMatrix torch_trace = load_npy(dir / "trace.npy");
  EXPECT_EQ(torch_trace.size(), steps);
  if (torch_trace.size() == steps)
    EXPECT_TRUE(all_close("Adam trace of the objective", trace.data(), torch_trace.data(), steps,
                          1e-4, 1e-6, worst.trace));
  expect_slices_close("after the Adam steps, ", params, params.values(), finals, 1e-3, 1e-4,
                      worst.final_parameters);
  return worst;
}

void expect_step_matches_oracle(const std::string& name, const std::filesystem::path& dir, nn::Parameters& params,
                                train::ParameterGroup& group, const std::function<std::array<Scalar, 3>()>& evaluate) {
  params.zero_grads();
  const std::array<Scalar, 3> parts = evaluate();
  double worst_loss = 0, worst_gradient = 0, worst_final = 0;
  std::vector<FloatMatrix> grads, final_values;
  EXPECT_TRUE(all_close("parts", parts.data(), load_npy(dir / "loss.npy").data(), 3, 1e-4, 1e-5, worst_loss));
  ASSERT_TRUE(read_parameters(params, dir / "grad", grads));
  expect_slices_close("gradient ", params, params.grads(), grads, 1e-4, 1e-5, worst_gradient);
  for (int t = 0; t < 10; ++t) {
    params.zero_grads();
    evaluate();
    group.optimizer->step(group.values, group.grads, group.learning_rate);
  }
  ASSERT_TRUE(read_parameters(params, dir / "final", final_values));
  expect_slices_close("final ", params, params.values(), final_values, 1e-3, 1e-4, worst_final);
  std::printf("[ oracle   ] %s: largest relative difference to PyTorch: parts %.1e, gradients %.1e, "
              "parameters after 10 Adam steps %.1e\n", name.c_str(), worst_loss, worst_gradient, worst_final);
}

}  // namespace aekit::test
