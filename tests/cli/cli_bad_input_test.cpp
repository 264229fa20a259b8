// Every bad input a user can give the CLI: a one-line "aekit: ..." message on stderr that
// names what is wrong, exit code 1 (runtime) or 2 (usage), and no file of the user's changed.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <iostream>
#include <memory>
#include <limits>
#include <string>

#include "aekit/data/idx.hpp"
#include "aekit/data/npy.hpp"
#include "support/cli_runner.hpp"
#include "support/random_data.hpp"
#include "support/test_support.hpp"

namespace aekit::test {
namespace {

namespace fs = std::filesystem;

// A data set, a test set and a model trained on them, shared by the suite.
class CliBadInput : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    data::write_npy(*dir_ / "x.npy", uniform_data(200, 64, 1));
    data::write_npy(*dir_ / "x32.npy", uniform_data(50, 32, 2));
    const auto r = run_aekit("train --data " + x() + " --test-data none --dims 64,16,4 --epochs 1 "
                         "--threads 1 --out " + run().string(), *dir_);
    trained_ = r.exit_code == 0;
    if (!trained_) std::cerr << r.out << r.err;
  }
  static void TearDownTestSuite() { delete dir_; }
  void SetUp() override {
    ASSERT_TRUE(trained_);
    work_ = std::make_unique<TempDir>();
  }

  static std::string x() { return "npy:" + (*dir_ / "x.npy").string(); }
  static fs::path run() { return *dir_ / "run"; }
  static std::string model() { return (run() / "model.aek").string(); }
  fs::path work(const std::string& name) const { return *work_ / name; }
  CliResult cli(const std::string& args) const { return run_aekit(args, *work_); }
  // `aekit train` on x.npy into a fresh folder, plus `extra` flags.
  // `dims` is left out when `extra` sets --dims (a flag given twice is an error of its own).
  CliResult train(const std::string& extra) const {
    const bool has_dims = extra.find("--dims") != std::string::npos;
    return cli("train --data " + x() + " --test-data none " + (has_dims ? "" : "--dims 64,16,4 ") +
               "--epochs 1 --threads 1 --out " + work("new-run").string() + " " + extra);
  }

  static TempDir* dir_;
  static bool trained_;
  std::unique_ptr<TempDir> work_;
};
TempDir* CliBadInput::dir_ = nullptr;
bool CliBadInput::trained_ = false;

TEST_F(CliBadInput, MissingDataFile) {
  const std::string missing = work("no-such-file.npy").string();
  expect_failure(cli("train --data npy:" + missing + " --test-data none --dims 64,16,4 --out " +
                     work("run").string()),
                 1, {"no-such-file.npy"});
  EXPECT_FALSE(fs::exists(work("run"))) << "a failed run left a folder behind";

  write_file(work("out.npy"), "precious");
  expect_failure(cli("encode --model " + model() + " --input npy:" + missing + " --output " +
                     work("out.npy").string()),
                 1, {"no-such-file.npy"});
  EXPECT_EQ(read_file(work("out.npy")), "precious");

  expect_failure(cli("eval --model " + work("no-model.aek").string() + " --data " + x()), 1,
                 {"no-model.aek"});
}

TEST_F(CliBadInput, ModelThatIsReallyAPngKeepsTheOutput) {
  std::string png("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
  png += std::string(100, '\0');
  write_file(work("fake.aek"), png);
  write_file(work("existing.npy"), "my old codes");
  expect_failure(cli("encode --model " + work("fake.aek").string() + " --input " + x() +
                     " --output " + work("existing.npy").string()),
                 1, {"fake.aek", "not an aekit model", "AEK1"});
  EXPECT_EQ(read_file(work("existing.npy")), "my old codes");
  expect_failure(cli("info " + work("fake.aek").string()), 1, {"fake.aek", "not an aekit model"});
}

TEST_F(CliBadInput, DamagedModelIsRefusedByItsChecksum) {
  std::string bytes = read_file(model());
  bytes[bytes.size() / 2] ^= 0x10;  // one bit in the blob
  write_file(work("damaged.aek"), bytes);
  expect_failure(cli("eval --model " + work("damaged.aek").string() + " --data " + x()), 1,
                 {"damaged.aek", "CRC-32"});
  write_file(work("cut.aek"), bytes.substr(0, bytes.size() - 40));
  expect_failure(cli("eval --model " + work("cut.aek").string() + " --data " + x()), 1,
                 {"cut.aek", "truncated"});
}

TEST_F(CliBadInput, NpyWithGarbage) {
  write_file(work("garbage.npy"), "this is not an array at all, just text\n");
  expect_failure(cli("train --data npy:" + work("garbage.npy").string() +
                     " --test-data none --dims 64,16,4 --out " + work("run").string()),
                 1, {"garbage.npy", "not an NPY file"});
  EXPECT_FALSE(fs::exists(work("run")));
  write_file(work("out.npy"), "keep me");
  expect_failure(cli("reconstruct --model " + model() + " --input npy:" + work("garbage.npy").string() +
                     " --output " + work("out.npy").string()),
                 1, {"garbage.npy"});
  EXPECT_EQ(read_file(work("out.npy")), "keep me");
}

TEST_F(CliBadInput, TruncatedNpy) {
  const std::string whole = read_file(*dir_ / "x.npy");
  write_file(work("cut.npy"), whole.substr(0, whole.size() - 100));
  expect_failure(cli("eval --model " + model() + " --data npy:" + work("cut.npy").string()), 1,
                 {"cut.npy", "truncated"});
  write_file(work("cut-header.npy"), whole.substr(0, 20));
  expect_failure(cli("eval --model " + model() + " --data npy:" + work("cut-header.npy").string()), 1,
                 {"cut-header.npy", "truncated"});
}

TEST_F(CliBadInput, TruncatedIdx) {
  FloatMatrix images = (uniform_data(30, 64, 3) * 255.0f).array().floor().matrix();
  data::write_idx_images(work("images.idx"), images, Shape{1, 8, 8});
  const std::string whole = read_file(work("images.idx"));
  // The intact file is read: 64 columns fit the model.
  auto ok = cli("eval --model " + model() + " --data idx:" + work("images.idx").string() + " --json");
  EXPECT_EQ(ok.exit_code, 0) << ok.err;
  write_file(work("cut.idx"), whole.substr(0, whole.size() - 10));
  expect_failure(cli("eval --model " + model() + " --data idx:" + work("cut.idx").string()), 1,
                 {"cut.idx", "truncated"});
  write_file(work("cut-header.idx"), whole.substr(0, 6));
  expect_failure(cli("eval --model " + model() + " --data idx:" + work("cut-header.idx").string()), 1,
                 {"cut-header.idx", "truncated"});
  write_file(work("wrong-magic.idx"), "\x01\x02\x03\x04" + whole.substr(4));
  expect_failure(cli("eval --model " + model() + " --data idx:" + work("wrong-magic.idx").string()), 1,
                 {"wrong-magic.idx", "not an IDX file"});
}

TEST_F(CliBadInput, ModelAndDataSizesDiffer) {
  const std::string x32 = "npy:" + (*dir_ / "x32.npy").string();
  expect_failure(cli("eval --model " + model() + " --data " + x32), 1, {"64", "32", "model.aek"});
  write_file(work("codes.npy"), "old");
  expect_failure(cli("encode --model " + model() + " --input " + x32 + " --output " +
                     work("codes.npy").string()),
                 1, {"64", "32"});
  EXPECT_EQ(read_file(work("codes.npy")), "old");
  // decode wants codes of size 4.
  expect_failure(cli("decode --model " + model() + " --input " + x32 + " --output " +
                     work("codes.npy").string()),
                 1, {"4", "32"});
  EXPECT_EQ(read_file(work("codes.npy")), "old");
  // train: dims do not fit the data.
  expect_failure(cli("train --data " + x32 + " --test-data none --dims 64,16,4 --out " +
                     work("run").string()),
                 1, {"64", "32", "--dims 32"});
  EXPECT_FALSE(fs::exists(work("run")));
}

TEST_F(CliBadInput, NanInDataNamesRowAndColumn) {
  FloatMatrix bad = uniform_data(40, 64, 4);
  bad(3, 17) = std::numeric_limits<float>::quiet_NaN();
  data::write_npy(work("nan.npy"), bad);
  expect_failure(cli("train --data npy:" + work("nan.npy").string() +
                     " --test-data none --dims 64,16,4 --out " + work("run").string()),
                 1, {"NaN", "row 3", "column 17", "nan.npy"});
  EXPECT_FALSE(fs::exists(work("run")));
  bad(3, 17) = std::numeric_limits<float>::infinity();
  data::write_npy(work("inf.npy"), bad);
  expect_failure(cli("eval --model " + model() + " --data npy:" + work("inf.npy").string()), 1,
                 {"Inf", "row 3", "column 17"});
}

TEST_F(CliBadInput, ProbeOnDataWithoutLabels) {
  expect_failure(cli("probe --model " + model() + " --train " + x() + " --test " + x()), 1,
                 {"x.npy", "has no labels", "?labels=FILE"});
}

TEST_F(CliBadInput, ValidationSplitThatLeavesNoTrainingRows) {
  data::write_npy(work("two.npy"), uniform_data(2, 64, 5));
  expect_failure(cli("train --data npy:" + work("two.npy").string() +
                     " --test-data none --dims 64,16,4 --val-split 0.9 --out " + work("run").string()),
                 2, {"val_split", "no training rows"});
  EXPECT_FALSE(fs::exists(work("run"))) << "a failed run left a folder behind";
}

TEST_F(CliBadInput, UnknownConfigKey) {
  write_file(work("cfg.toml"), "epochs = 2\nlearning_rate = 0.1\n");
  expect_failure(train("--config " + work("cfg.toml").string()), 2,
                 {"learning_rate", "valid options are", "lr", "epochs"});
  EXPECT_FALSE(fs::exists(work("new-run")));
}

TEST_F(CliBadInput, BadHyperParameters) {
  expect_failure(train("--lr=-0.1"), 2, {"lr", "-0.1"});
  expect_failure(train("--lr -0.1"), 2, {"lr"});
  expect_failure(train("--lr abc"), 2, {"lr", "abc"});
  expect_failure(train("--batch 0"), 2, {"batch", "0"});
  expect_failure(train("--epochs 0"), 2, {"epochs"});
  expect_failure(train("--val-split 1"), 2, {"val_split"});
  expect_failure(train("--dims 64,100000000"), 2, {"dims", "100000000"});
  expect_failure(train("--dims 64"), 2, {"dims"});
  expect_failure(train("--loss bce --output-activation identity"), 2, {"bce", "identity"});
  expect_failure(train("--activation swish"), 2, {"swish"});
  expect_failure(train("--optimizer adagrad"), 2, {"adagrad", "adam"});
  expect_failure(train("--optimizer adma"), 2,
                 {"optimizer: expected sgd, adam or rmsprop, found 'adma'; did you mean 'adam'?"});
  expect_failure(cli("train --data " + x() + " --model psd --alpha 0.1 --tied true"), 2,
                 {"tied = true applies to models mlp, classifier, not to model psd"});
  expect_failure(train("--scaling log"), 2, {"log", "unit"});
  EXPECT_FALSE(fs::exists(work("new-run")));
}

TEST_F(CliBadInput, ArgumentErrorsAreUsageErrors) {
  // CLI11's own parse errors follow the same convention: exit 2, one line, "aekit:".
  expect_failure(cli("train --no-such-flag 3"), 2, {"unknown option '--no-such-flag'"});
  expect_failure(train("--epoch 3"), 2, {"unknown option '--epoch': did you mean '--epochs'?"});
  expect_failure(train("--val-splt=0.2"), 2, {"unknown option '--val-splt': did you mean '--val-split'?"});
  expect_failure(train("stray"), 2, {"unexpected argument 'stray'"});
  expect_failure(cli("encode --model " + model()), 2, {"--input"});
  expect_failure(cli("frobnicate"), 2, {"frobnicate", "train", "encode", "info"});
  expect_failure(cli(""), 2, {"train"});
  expect_failure(train("--lr 0.1 --lr 0.2"), 2, {"--lr"});
  expect_failure(cli("train --config " + work("no-such.toml").string()), 2, {"no-such.toml"});
  EXPECT_EQ(cli("--version").exit_code, 0);
}

TEST_F(CliBadInput, SecondTrainIntoARunFolderNeedsResume) {
  const std::string before_model = read_file(model());
  const std::string before_config = read_file(run() / "config.toml");
  const std::string before_metrics = read_file(run() / "metrics.jsonl");
  const auto r = cli("train --data " + x() + " --test-data none --dims 64,16,4 --epochs 1 "
                     "--threads 1 --out " + run().string());
  expect_failure(r, 2, {"--resume", run().string()});
  EXPECT_EQ(read_file(model()), before_model);
  EXPECT_EQ(read_file(run() / "config.toml"), before_config);
  EXPECT_EQ(read_file(run() / "metrics.jsonl"), before_metrics);
}

TEST_F(CliBadInput, ResumeWithoutACheckpoint) {
  fs::create_directories(work("empty-run"));
  expect_failure(cli("train --resume --data " + x() + " --test-data none --dims 64,16,4 --out " +
                     work("empty-run").string()),
                 2, {"--resume", "checkpoint"});
  expect_failure(cli("train --resume --data " + x()), 2, {"--resume", "--out"});
}

}  // namespace
}  // namespace aekit::test
