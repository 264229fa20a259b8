// Greedy layer-wise pre-training through the CLI: `aekit train --model stack` trains each
// layer (RBMs or denoising autoencoders) on the codes of the one below, saves the unrolled deep
// autoencoder with a report section per layer, and `--init-from` starts an mlp run from it;
// bad settings fail with one line before anything is written.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "aekit/data/npy.hpp"
#include "support/cli_runner.hpp"
#include "support/random_data.hpp"
#include "support/test_support.hpp"

namespace aekit::test {
namespace {

namespace fs = std::filesystem;

class CliStack : public ::testing::Test {
 protected:
  void SetUp() override {
    data::write_npy(dir_ / "x.npy", manifold_data(300, 16, 1));
    data::write_npy(dir_ / "t.npy", manifold_data(60, 16, 2));
  }
  CliResult train(const std::string& flags, const std::string& out) {
    return run_aekit("train --data npy:" + (dir_ / "x.npy").string() + " --test-data npy:" + (dir_ / "t.npy").string() +
                         " --threads 1 --batch 20 " + flags + " --out " + (dir_ / out).string(),
                     dir_);
  }
  nlohmann::json summary(const std::string& run) const {
    return nlohmann::json::parse(read_file(dir_ / run / "summary.json"));
  }
  TempDir dir_;
};

TEST_F(CliStack, PretrainsEachLayerAndUnrollsIntoADeepAutoencoder) {
  for (const char* trainer : {"rbm", "denoising"}) {
    SCOPED_TRACE(trainer);
    const std::string run = std::string("stack-") + trainer;
    const auto r = train(std::string("--model stack --dims 16,10,6,3 --linear-code true --layer-epochs 3,2,2 "
                                     "--optimizer sgd --lr 0.1 --layer-trainer ") + trainer, run);
    ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
    EXPECT_TRUE(contains(r.out + r.err, "layer 3: ")) << r.out << r.err;
    const auto s = summary(run);
    ASSERT_EQ(s["stages"].size(), 3u) << s;
    EXPECT_EQ(s["stages"][0]["epochs"].size(), 3u);
    EXPECT_EQ(s["stages"][2]["epochs"].size(), 2u);
    const std::string report = read_file(dir_ / run / "report.html");
    EXPECT_TRUE(contains(report, "Pre-training")) << "no section per layer";
    const auto info = run_aekit("info " + (dir_ / run / "model.aek").string(), dir_);
    EXPECT_TRUE(contains(info.out, "mlp 16-10-6-3 (mirrored), sigmoid / code identity / output sigmoid")) << info.out;
  }
}

TEST_F(CliStack, FineTuningStartsFromTheUnrolledStack) {
  ASSERT_EQ(train("--model stack --dims 16,10,4 --epochs 3 --optimizer sgd --lr 0.1", "stack").exit_code, 0);
  const std::string flags = "--dims 16,10,4 --activation sigmoid --loss bce --epochs 1 --optimizer sgd --lr 1e-12 ";
  const auto r = train(flags + "--init-from " + (dir_ / "stack" / "model.aek").string(), "fine");
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  // At a rate of 1e-12 the fine-tuned model is still the stack: the same test error.
  EXPECT_NEAR(summary("fine")["test_mse"].get<double>(), summary("stack")["test_mse"].get<double>(), 1e-7);
  ASSERT_EQ(train(flags, "random").exit_code, 0);
  EXPECT_NE(summary("fine")["test_mse"].get<double>(), summary("random")["test_mse"].get<double>());

  expect_failure(train("--dims 16,10,5 --activation sigmoid --init-from " + (dir_ / "stack" / "model.aek").string(), "a"), 2,
                 {"init_from: expected a model like this run's, mlp 16-10-5", "found mlp 16-10-4"});
  expect_failure(train("--dims 16,10,4 --activation sigmoid --init-from " + (dir_ / "none.aek").string(), "b"), 1,
                 {"none.aek"});
  EXPECT_FALSE(fs::exists(dir_ / "a"));
  EXPECT_FALSE(fs::exists(dir_ / "b"));
}

TEST_F(CliStack, BadSettingsFailWithOneLineAndWriteNothing) {
  expect_failure(train("--model stack --dims 16,10,4 --layer-epochs 3", "a"), 2,
                 {"layer_epochs: expected one value per layer (2 layers from dims) or none, found 1"});
  expect_failure(train("--model stack --dims 20,10,4", "b"), 2, {"dims: the first size must be the data's 16 features, found 20"});
  expect_failure(train("--model stack --dims 16,10 --scaling standardize", "c"), 2,
                 {"layer_trainer = rbm (binary first-layer units) needs data in [0, 1]"});
  expect_failure(train("--model stack --dims 16", "d"), 2, {"a stack needs at least two sizes"});
  expect_failure(train("--model stack --dims 16,8 --layer-trainer denoising --layer-noise mask:2", "e"), 2, {"mask"});
  expect_failure(train("--model stack --dims 16,8 --layer-lr 0.1,0", "f"), 2, {"layer_lr"});
  for (const char* out : {"a", "b", "c", "d", "e", "f"}) EXPECT_FALSE(fs::exists(dir_ / out)) << out;
}

}  // namespace
}  // namespace aekit::test
