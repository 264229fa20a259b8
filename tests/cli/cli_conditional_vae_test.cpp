// aekit train --model vae --conditional true end to end, and a gaussian decoder with a learned
// variance: a conditional VAE learns labelled clusters, its samples come in class-major blocks
// that look like their class, -log p(x|y) is scored with the test labels, --resume is
// bit-identical; missing labels and impossible settings fail in one line with nothing written.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "aekit/data/npy.hpp"
#include "aekit/store/saved_model.hpp"
#include "support/cli_runner.hpp"
#include "support/random_data.hpp"
#include "support/test_support.hpp"

namespace aekit::test {
namespace {

namespace fs = std::filesystem;

class CliConditionalVae : public ::testing::Test {
 protected:
  void SetUp() override {
    write_clusters(dir_.path(), "train", 300, 1, 16);
    write_clusters(dir_.path(), "test", 60, 2, 16);
  }
  std::string spec(const std::string& name, bool labelled = true) const {
    const std::string rows = "npy:" + (dir_ / (name + ".npy")).string();
    return labelled ? rows + "?labels=" + (dir_ / (name + "_labels.npy")).string() : rows;
  }
  CliResult train(const std::string& flags, const std::string& out, bool labelled_test = true) {
    return run_aekit("train --model vae --data " + spec("train") + " --test-data " + spec("test", labelled_test) +
                         " --dims 16,12,2 --activation tanh --threads 1 --batch 20 --lr 0.01 --patience 0 " + flags +
                         " --out " + (dir_ / out).string(),
                     dir_);
  }
  TempDir dir_;
};

TEST_F(CliConditionalVae, SamplesOfEachBlockLookLikeTheirClass) {
  const auto r = train("--conditional true --epochs 30", "cvae");
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  const auto model = run_aekit("info " + (dir_ / "cvae" / "model.aek").string(), dir_);
  EXPECT_TRUE(contains(model.out, "conditional (3 classes) vae 16-12-2")) << model.out;
  const auto summary = nlohmann::json::parse(read_file(dir_ / "cvae" / "summary.json"));
  EXPECT_EQ(summary["test_likelihood"]["rows"], 60) << summary;
  // The report's sample grid: 10 samples of each of the 3 classes, a grid row per class.
  EXPECT_TRUE(contains(read_file(dir_ / "cvae" / "report.html"), "30 rows drawn from the model (seed 42), one class per row"));

  const auto s = run_aekit("sample -n 300 --model " + (dir_ / "cvae" / "model.aek").string() + " -o " +
                               (dir_ / "s.npy").string(), dir_);
  ASSERT_EQ(s.exit_code, 0) << s.err;
  ASSERT_EQ(data::read_npy(dir_ / "s.npy").x.rows(), 300);
  EXPECT_EQ(cluster_block_classes(dir_ / "s.npy", dir_ / "train.npy"), (std::vector<int>{0, 1, 2}))
      << "block k of the samples (rows 100k .. 100k+99) looks like class k";

  const std::string model_file = (dir_ / "cvae" / "model.aek").string();
  const auto scored = run_aekit("eval --json --importance-samples 20 --model " + model_file + " --data " + spec("test"), dir_);
  ASSERT_EQ(scored.exit_code, 0) << scored.err;
  EXPECT_TRUE(nlohmann::json::parse(scored.out)["nll"].is_number()) << scored.out;
  expect_failure(run_aekit("eval --importance-samples 20 --model " + model_file + " --data " + spec("test", false), dir_),
                 2, {"conditional model", "no labels"});
  expect_failure(run_aekit("eval --model " + model_file + " --data " + spec("test"), dir_), 2, {"cannot"});
}

TEST_F(CliConditionalVae, ResumedRunIsBitIdentical) {
  ASSERT_EQ(train("--conditional true --epochs 4", "straight").exit_code, 0);
  ASSERT_EQ(train("--conditional true --epochs 2", "resumed").exit_code, 0);
  const auto r = run_aekit("train --resume --epochs 4 --out " + (dir_ / "resumed").string(), dir_);
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(store::load_model(dir_ / "straight" / "model.aek").model->state(),
            store::load_model(dir_ / "resumed" / "model.aek").model->state());
}

TEST_F(CliConditionalVae, ALearnedVarianceTrainsAndItsNegativeElboFalls) {
  const auto r = train("--loss mse --learn-variance true --epochs 6", "learned");
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  std::istringstream lines(read_file(dir_ / "learned" / "metrics.jsonl"));
  std::vector<double> elbo;
  for (std::string line; std::getline(lines, line);) elbo.push_back(nlohmann::json::parse(line)["val_neg_elbo"]);
  ASSERT_EQ(elbo.size(), 6u);
  EXPECT_LT(elbo.back(), elbo.front());
  const auto info = run_aekit("info " + (dir_ / "learned" / "model.aek").string(), dir_);
  EXPECT_TRUE(contains(info.out, "learned variance")) << info.out;
  const auto reconstructed = run_aekit("eval --json --model " + (dir_ / "learned" / "model.aek").string() +
                                           " --data " + spec("test"), dir_);
  EXPECT_EQ(reconstructed.exit_code, 0) << reconstructed.err;
}

TEST_F(CliConditionalVae, MissingLabelsAndImpossibleSettingsAreRefusedInOneLine) {
  const auto refused = [&](const CliResult& r, std::initializer_list<std::string> phrases) {
    expect_failure(r, 2, phrases);
    EXPECT_FALSE(fs::exists(dir_ / "bad"));
  };
  refused(run_aekit("train --model vae --conditional true --data " + spec("train", false) +
                        " --test-data none --dims 16,12,2 --threads 1 --out " + (dir_ / "bad").string(), dir_),
          {"conditional = true needs a class label per training row"});
  refused(train("--conditional true --epochs 1", "bad", false), {"no labels", "conditional model"});
  refused(train("--loss bce --learn-variance true --epochs 1", "bad"), {"learn_variance", "loss = mse"});
}

}  // namespace
}  // namespace aekit::test
