// aekit classify end to end: a softmax head on an encoder learns labelled clusters, from
// random weights or from a trained autoencoder (--init-from), with the data set's labels or a
// file, with few labelled rows and the hybrid objective; accuracy and the confusion matrix
// reach summary.json, the printed summary and the report; --resume is bit-identical; bad
// input fails with one line and writes nothing.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <numeric>
#include <string>

#include "aekit/data/npy.hpp"
#include "aekit/store/saved_model.hpp"
#include "support/cli_runner.hpp"
#include "support/random_data.hpp"
#include "support/test_support.hpp"

namespace aekit::test {
namespace {

namespace fs = std::filesystem;

class CliClassify : public ::testing::Test {
 protected:
  void SetUp() override {
    write_clusters(dir_.path(), "train", 300, 1, 16);
    write_clusters(dir_.path(), "test", 90, 2, 16);
  }
  std::string spec(const std::string& name) const {
    return "npy:" + (dir_ / (name + ".npy")).string() + "?labels=" + (dir_ / (name + "_labels.npy")).string();
  }
  CliResult classify(const std::string& flags, const std::string& out) {
    return run_aekit("classify --data " + spec("train") + " --test-data " + spec("test") +
                         " --dims 16,8,4 --activation sigmoid --threads 1 --batch 20 " + flags +
                         " --out " + (dir_ / out).string(),
                     dir_);
  }
  nlohmann::json summary(const std::string& run) const {
    return nlohmann::json::parse(read_file(dir_ / run / "summary.json"));
  }
  // The run failed with one line naming every phrase, and left no folder behind.
  void expect_refused(const CliResult& r, std::initializer_list<std::string> phrases, const std::string& run) {
    expect_failure(r, 2, phrases);
    EXPECT_FALSE(fs::exists(dir_ / run)) << "a refused run created " << (dir_ / run);
  }
  TempDir dir_;
};

TEST_F(CliClassify, LearnsTheClustersAndReportsAccuracyAndConfusion) {
  const auto r = classify("--epochs 8 --lr 0.02", "run");
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_TRUE(contains(r.out, "test (90 rows): accuracy ")) << r.out;
  const auto s = summary("run");
  EXPECT_GT(s["test_accuracy"].get<double>(), 0.9) << s;
  const auto confusion = s["classification"]["confusion"].get<std::vector<std::vector<std::int64_t>>>();
  ASSERT_EQ(confusion.size(), 3u);
  std::int64_t total = 0, diagonal = 0;
  for (std::size_t t = 0; t < 3; ++t) {
    total += std::accumulate(confusion[t].begin(), confusion[t].end(), std::int64_t(0));
    diagonal += confusion[t][t];
  }
  EXPECT_EQ(total, 90);
  EXPECT_NEAR(double(diagonal) / 90, s["test_accuracy"].get<double>(), 1e-12);
  EXPECT_TRUE(s["test_mse"].is_null()) << "a classifier without a trained decoder reports no reconstruction";
  const std::string report = read_file(dir_ / "run" / "report.html");
  EXPECT_TRUE(contains(report, "<h2>Classification</h2>") || contains(report, ">Classification<")) << "no section";
  EXPECT_TRUE(contains(report, "test accuracy"));
  EXPECT_TRUE(contains(report, "cross-entropy adam lr 0.02")) << "the training row names the objective";
  EXPECT_FALSE(contains(report, "test MSE")) << "no reconstruction rows without a decoder";
  EXPECT_TRUE(fs::exists(dir_ / "run" / "confusion.svg"));
  EXPECT_FALSE(fs::exists(dir_ / "run" / "reconstructions.png"));
  const auto info = run_aekit("info " + (dir_ / "run" / "model.aek").string(), dir_);
  EXPECT_TRUE(contains(info.out, "classify")) << info.out;
  EXPECT_FALSE(contains(info.out, "reconstruct")) << info.out;
  // aekit eval scores the model again on the same rows: the same accuracy and matrix.
  const auto eval = run_aekit("eval --json --model " + (dir_ / "run" / "model.aek").string() + " --data " + spec("test"), dir_);
  ASSERT_EQ(eval.exit_code, 0) << eval.err;
  const auto e = nlohmann::json::parse(eval.out);
  EXPECT_EQ(e["accuracy"], s["test_accuracy"]);
  EXPECT_EQ(e["classification"]["confusion"], s["classification"]["confusion"]);
  const auto unlabelled = run_aekit("eval --model " + (dir_ / "run" / "model.aek").string() + " --data npy:" +
                                        (dir_ / "test.npy").string(), dir_);
  expect_failure(unlabelled, 1, {"has no labels", "classifier"});
}

TEST_F(CliClassify, StartsFromATrainedAutoencodersEncoder) {
  ASSERT_EQ(run_aekit("train --data " + spec("train") + " --test-data none --dims 16,8,4 --activation sigmoid "
                      "--threads 1 --epochs 2 --batch 20 --out " + (dir_ / "ae").string(), dir_).exit_code, 0);
  const auto ae = store::load_model(dir_ / "ae" / "model.aek");
  // One epoch at a learning rate too small to move anything: the encoder is the autoencoder's.
  const auto r = classify("--epochs 1 --lr 1e-12 --init-from " + (dir_ / "ae" / "model.aek").string(), "fine");
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  const auto classifier = store::load_model(dir_ / "fine" / "model.aek");
  const FloatMatrix x = data::read_npy(dir_ / "test.npy").x;
  const Matrix a = ae.model->encoder()->encode(x.cast<Scalar>());
  const Matrix b = classifier.model->encoder()->encode(x.cast<Scalar>());
  EXPECT_LT((a - b).cwiseAbs().maxCoeff(), 1e-6);
  const auto wrong = classify("--tied true --epochs 1 --init-from " + (dir_ / "ae" / "model.aek").string(), "bad");
  expect_refused(wrong, {"init_from", "expected a model like this run's", "16-8-4"}, "bad");
}

TEST_F(CliClassify, FewLabelsWithTheHybridObjectiveTrainTheDecoderToo) {
  const auto r = classify("--lr 0.02 --epochs 6 --labelled 30 --reconstruction-weight 1 --loss bce --val-split 0", "hybrid");
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_TRUE(contains(r.out, "30 of them labelled")) << r.out;
  const auto s = summary("hybrid");
  EXPECT_TRUE(s["test_mse"].is_number()) << "a trained decoder reconstructs";
  const auto metrics = read_file(dir_ / "hybrid" / "metrics.jsonl");
  EXPECT_TRUE(contains(metrics, "train_reconstruction")) << metrics;
  EXPECT_TRUE(contains(read_file(dir_ / "hybrid" / "report.html"), "cross-entropy + 1 * bce adam"));
  const auto info = run_aekit("info " + (dir_ / "hybrid" / "model.aek").string(), dir_);
  EXPECT_TRUE(contains(info.out, "reconstruct")) << info.out;
}

TEST_F(CliClassify, LabelsFromAFile) {
  // The file's labels replace the data set's: here every label shifted by one class.
  FloatMatrix labels = data::read_npy(dir_ / "train_labels.npy").x;
  for (Index i = 0; i < labels.size(); ++i) labels.data()[i] = float((int(labels.data()[i]) + 1) % 3);
  data::write_npy(dir_ / "shifted.npy", labels);
  const auto r = classify("--lr 0.02 --epochs 8 --labels " + (dir_ / "shifted.npy").string(), "shifted");
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_LT(summary("shifted")["test_accuracy"].get<double>(), 0.2) << "the test labels were not shifted";
}

TEST_F(CliClassify, ResumedRunIsBitIdentical) {
  const std::string flags = "--labelled 100 --reconstruction-weight 0.5 --loss bce ";
  ASSERT_EQ(classify(flags + "--epochs 4", "straight").exit_code, 0);
  ASSERT_EQ(classify(flags + "--epochs 2", "resumed").exit_code, 0);
  const auto r = run_aekit("classify --resume --epochs 4 --out " + (dir_ / "resumed").string(), dir_);
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(store::load_model(dir_ / "straight" / "model.aek").model->state(),
            store::load_model(dir_ / "resumed" / "model.aek").model->state());
}

TEST_F(CliClassify, BadInputIsRefusedInOneLineAndWritesNothing) {
  data::write_npy(dir_ / "short.npy", FloatMatrix::Zero(10, 1));
  expect_refused(classify("--labels " + (dir_ / "short.npy").string(), "a"),
                 {"labels", "short.npy", "300 rows", "found 10"}, "a");
  expect_refused(classify("--labelled 5000", "b"), {"labelled", "270 training rows", "5000"}, "b");
  FloatMatrix negative = FloatMatrix::Zero(300, 1);
  negative(7, 0) = -1;
  data::write_npy(dir_ / "negative.npy", negative);
  expect_refused(classify("--labels " + (dir_ / "negative.npy").string(), "c"), {"labels", ">= 0", "-1"}, "c");
  expect_refused(classify("--model mlp", "d"), {"aekit classify trains --model classifier", "mlp"}, "d");
  expect_refused(classify("--noise mask:0.2", "e"), {"noise", "classifier"}, "e");
  data::write_npy(dir_ / "unlabelled.npy", data::read_npy(dir_ / "train.npy").x);
  const auto r = run_aekit("classify --data npy:" + (dir_ / "unlabelled.npy").string() +
                               " --test-data none --dims 16,4 --out " + (dir_ / "f").string(), dir_);
  expect_refused(r, {"classifier", "label", "none"}, "f");
  const auto g = run_aekit("classify --data " + spec("train") + " --test-data npy:" + (dir_ / "test.npy").string() +
                               " --dims 16,4 --out " + (dir_ / "g").string(), dir_);
  expect_refused(g, {"test data", "no labels", "--test-data none"}, "g");
}

}  // namespace
}  // namespace aekit::test
