// The regularized autoencoders through the CLI: each regularizer is recorded in the run and
// does what it is for, measured against a plain run with the same seed:
//   --noise        the model denoises (denoised MSE below the noisy input's)
//   --l1           more exact zeros in a ReLU code
//   --contractive  a smaller encoder Jacobian
//   --code-noise   a more binary sigmoid code
// and eval --noise, denoise and bad hyper-parameters behave as documented.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "aekit/data/dataset.hpp"
#include "aekit/data/npy.hpp"
#include "support/cli_runner.hpp"
#include "support/random_data.hpp"
#include "support/test_support.hpp"

namespace aekit::test {
namespace {

namespace fs = std::filesystem;

class CliRegularized : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    data::write_npy(*dir_ / "x.npy", manifold_data(1200, 49, 1));
    data::write_npy(*dir_ / "t.npy", manifold_data(300, 49, 2));
  }
  static void TearDownTestSuite() { delete dir_; }

  // Trains 49 -> 32 (one layer) with `extra` flags; returns summary.json's "test" object.
  static nlohmann::json train(const std::string& name, const std::string& extra) {
    const fs::path out = *dir_ / name;
    const auto r = run_aekit("train --data " + spec("x") + " --test-data " + spec("t") +
                                 " --dims 49,32 --epochs 30 --batch 32 --lr 0.005 --patience 0 "
                                 "--threads 1 --seed 3 --out " + out.string() + " " + extra,
                             *dir_);
    EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
    return nlohmann::json::parse(read_file(out / "summary.json")).at("test");
  }
  static std::string spec(const std::string& name) {
    return "npy:" + (*dir_ / (name + ".npy")).string();
  }
  static TempDir* dir_;
};
TempDir* CliRegularized::dir_ = nullptr;

TEST_F(CliRegularized, DenoisingTrainingLearnsToRemoveTheNoise) {
  const auto dae = train("dae", "--noise mask:0.3");
  EXPECT_EQ(dae.at("noise"), "mask:0.3");
  EXPECT_LT(dae.at("denoised_mse").get<double>(), 0.6 * dae.at("noisy_mse").get<double>()) << dae;
  EXPECT_TRUE(contains(read_file(*dir_ / "dae" / "config.toml"), "noise = \"mask:0.3\""));

  // eval --noise scores the same thing on demand; denoise writes the data and the figure.
  const std::string model = (*dir_ / "dae" / "model.aek").string();
  auto r = run_aekit("eval --json -m " + model + " -d " + spec("t") + " --noise mask:0.3", *dir_);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto e = nlohmann::json::parse(r.out);
  for (const char* key : {"mse", "bce", "jacobian_fro", "code", "noisy_mse", "denoised_mse"})
    EXPECT_TRUE(e.contains(key)) << key << " in " << e;
  EXPECT_LT(e.at("denoised_mse").get<double>(), e.at("noisy_mse").get<double>());
  r = run_aekit("denoise -m " + model + " -i " + spec("t") + " -o " + (*dir_ / "d.npy").string() +
                    " --noise mask:0.3 --grid " + (*dir_ / "d.png").string(),
                *dir_);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(contains(r.out, "noisy")) << r.out;
  EXPECT_EQ(data::load_dataset(spec("d")).x.rows(), 300);
  EXPECT_TRUE(fs::exists(*dir_ / "d.png"));
  // Both a noise to add and a clean reference: refused before anything is written.
  r = run_aekit("denoise -m " + model + " -i " + spec("t") + " -o " + (*dir_ / "e.npy").string() +
                    " --noise mask:0.3 --clean " + spec("t"),
                *dir_);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "not both")) << r.err;
  EXPECT_FALSE(fs::exists(*dir_ / "e.npy"));
}

TEST_F(CliRegularized, EachPenaltyMovesItsStatisticTheRightWay) {
  const auto plain = train("plain", "");
  const auto sparse = train("sparse", "--l1 0.003");
  EXPECT_GT(sparse.at("code").at("zero_fraction").get<double>(),
            plain.at("code").at("zero_fraction").get<double>() + 0.1) << sparse << plain;

  const auto plain_sigmoid = train("plain_sigmoid", "--activation sigmoid");
  const auto cae = train("cae", "--activation sigmoid --contractive 0.05");
  EXPECT_LT(cae.at("jacobian_fro").get<double>(),
            0.7 * plain_sigmoid.at("jacobian_fro").get<double>()) << cae << plain_sigmoid;
  const auto hashing = train("hashing", "--activation sigmoid --code-noise 4");
  EXPECT_GT(hashing.at("code").at("binary_fraction").get<double>(),
            plain_sigmoid.at("code").at("binary_fraction").get<double>() + 0.2)
      << hashing << plain_sigmoid;
}

TEST_F(CliRegularized, BadHyperParametersAreUsageErrorsAndCreateNothing) {
  const struct {
    const char* flags;
    const char* message;
  } cases[] = {
      {"--noise mask:1.5", "nu must be in [0, 1)"},
      {"--noise gaussian:-1", "sigma must be >= 0"},
      {"--l1 -0.1", "lambda"},
      {"--kl 0:3 --code-activation sigmoid", "rho"},
      {"--kl 0.05:3", "sigmoid"},  // the default relu code is not in (0, 1)
      {"--l1 0.1 --kl 0.05:3 --code-activation sigmoid", "choose one"},
      {"--contractive -1", "contractive"},
      {"--code-noise -0.5", "code_noise"},
  };
  for (const auto& c : cases) {
    const fs::path out = *dir_ / "bad";
    const auto r = run_aekit("train --data " + spec("x") + " --dims 49,8 --out " + out.string() +
                                 " " + c.flags, *dir_);
    EXPECT_EQ(r.exit_code, 2) << c.flags;
    EXPECT_TRUE(contains(r.err, c.message)) << c.flags << ": " << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    EXPECT_FALSE(fs::exists(out)) << c.flags;
  }
  const std::string model = (*dir_ / "bad_model.aek").string();
  auto r = run_aekit("denoise -m " + model + " -i " + spec("t") + " -o never.npy", *dir_);
  EXPECT_EQ(r.exit_code, 1) << "a missing model is an error";
  EXPECT_FALSE(fs::exists(*dir_ / "never.npy"));
}

}  // namespace
}  // namespace aekit::test
