// The rules every command follows for its outputs and a resumed run's settings, and the
// messages that guess what a user meant:
//   - missing output folders are created, in every command, and removed again on failure
//     (io/output_folder.hpp); a failed run leaves no empty run folder;
//   - --resume keeps the run's settings, except epochs, patience, threads and test_data;
//   - --threads beyond the usable cores is warned about;
//   - a misspelt command, flag (of any command) or config key gets "did you mean".
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "aekit/data/npy.hpp"
#include "support/cli_runner.hpp"
#include "support/random_data.hpp"
#include "support/test_support.hpp"

namespace aekit::test {
namespace {

namespace fs = std::filesystem;

class CliRunRules : public ::testing::Test {
 protected:
  void SetUp() override { data::write_npy(dir_ / "x.npy", uniform_data(200, 64, 1)); }
  std::string x() const { return "npy:" + (dir_ / "x.npy").string(); }
  // One epoch on 1 thread unless `extra` sets --epochs or --threads.
  CliResult train(const fs::path& out, const std::string& extra = "") const {
    std::string defaults;
    if (extra.find("--epochs") == std::string::npos) defaults += " --epochs 1";
    if (extra.find("--threads") == std::string::npos) defaults += " --threads 1";
    return run_aekit("train --data " + x() + " --test-data none --dims 64,16,4" + defaults + " --out " +
                         out.string() + " " + extra, dir_);
  }
  TempDir dir_;
};

TEST_F(CliRunRules, OutputFoldersAreCreatedByEveryCommandAndRemovedOnFailure) {
  const fs::path run = dir_ / "runs" / "deep" / "run";
  ASSERT_EQ(train(run).exit_code, 0);
  const std::string model = (run / "model.aek").string();
  auto r = run_aekit("encode --model " + model + " --input " + x() + " -o " + (dir_ / "codes" / "a" / "c.npy").string(), dir_);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::exists(dir_ / "codes" / "a" / "c.npy"));
  r = run_aekit("filters --model " + model + " -o " + (dir_ / "figures" / "f.png").string(), dir_);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::exists(dir_ / "figures" / "f.png"));

  // Failures leave none of the folders they would have made.
  write_file(dir_ / "bad.npy", "not an npy file");
  r = run_aekit("encode --model " + model + " --input npy:" + (dir_ / "bad.npy").string() + " -o " +
                    (dir_ / "never" / "c.npy").string(), dir_);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_FALSE(fs::exists(dir_ / "never"));
  r = train(dir_ / "diverged" / "run", "--epochs 3 --optimizer sgd --lr 1e30 --output-activation identity");
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_TRUE(contains(r.err, "diverged")) << r.err;
  EXPECT_FALSE(fs::exists(dir_ / "diverged")) << "no empty run folder after a failure";
}

TEST_F(CliRunRules, ResumeRefusesChangedSettingsAndNamesTheAllowedChanges) {
  const fs::path run = dir_ / "run";
  ASSERT_EQ(train(run).exit_code, 0);
  const std::string checkpoint = read_file(run / "checkpoint.aek"), config = read_file(run / "config.toml");
  auto r = run_aekit("train --resume --epochs 2 --lr 0.1 --out " + run.string(), dir_);
  expect_failure(r, 2, {"--resume: training.lr was 0.001 in this run, 0.1 now", "except epochs, patience, threads and test_data", "--lr"});
  r = run_aekit("train --resume --epochs 2 --batch 32 --out " + run.string(), dir_);
  expect_failure(r, 2, {"training.batch was 128 in this run, 32 now"});
  EXPECT_EQ(read_file(run / "checkpoint.aek"), checkpoint);
  EXPECT_EQ(read_file(run / "config.toml"), config);

  r = run_aekit("train --resume --epochs 2 --threads 2 --out " + run.string(), dir_);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(contains(r.out, "resuming with training.epochs 2 (was 1)")) << r.out;
  EXPECT_TRUE(contains(r.out, "resuming with training.threads 2 (was 1)")) << r.out;
  EXPECT_TRUE(contains(read_file(run / "config.toml"), "epochs = 2"));
}

TEST_F(CliRunRules, ThreadsBeyondTheUsableCoresAreWarnedAbout) {
  auto r = train(dir_ / "many", "--threads 4096");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(contains(r.out, "warning: --threads 4096 is more than the")) << r.out;
  r = train(dir_ / "one", "");
  EXPECT_FALSE(contains(r.out, "warning")) << r.out;
}

TEST_F(CliRunRules, MisspeltNamesGetTheClosestValidOne) {
  expect_failure(run_aekit("trian", dir_), 2, {"unknown command 'trian': did you mean 'train'?"});
  expect_failure(run_aekit("encdoe", dir_), 2, {"did you mean 'encode'?"});
  expect_failure(run_aekit("encode --modle m.aek --input x -o y", dir_), 2,
                 {"unknown option '--modle' for 'aekit encode': did you mean '--model'?"});
  expect_failure(run_aekit("eval --model m.aek --data x --jsno", dir_), 2,
                 {"unknown option '--jsno' for 'aekit eval': did you mean '--json'?"});
  expect_failure(run_aekit("info m.aek --jsn", dir_), 2, {"did you mean '--json'?"});
  expect_failure(run_aekit("--verison", dir_), 2, {"unknown option '--verison' for 'aekit': did you mean '--version'?"});
  expect_failure(run_aekit("train --epoch 3", dir_), 2, {"unknown option '--epoch': did you mean '--epochs'?"});
  write_file(dir_ / "c.toml", "epoch = 3\n");
  expect_failure(run_aekit("train --config " + (dir_ / "c.toml").string(), dir_), 2,
                 {"unknown option 'epoch': did you mean 'epochs'?"});
  write_file(dir_ / "t.toml", "[trainig]\nepochs = 3\n");
  expect_failure(run_aekit("train --config " + (dir_ / "t.toml").string(), dir_), 2, {"did you mean 'training'?"});
}

TEST_F(CliRunRules, InfoNamesItsModelOnceEitherWay) {
  const fs::path run = dir_ / "run";
  ASSERT_EQ(train(run).exit_code, 0);
  const std::string model = (run / "model.aek").string();
  const auto bare = run_aekit("info " + model, dir_), named = run_aekit("info --model " + model, dir_);
  ASSERT_EQ(bare.exit_code, 0) << bare.err;
  EXPECT_EQ(bare.out, named.out);
  EXPECT_TRUE(contains(bare.out, "can ")) << bare.out;
  const auto json = run_aekit("info --json " + model, dir_);
  ASSERT_EQ(json.exit_code, 0) << json.err;
  EXPECT_EQ(json.out.front(), '{');
  expect_failure(run_aekit("info", dir_), 2, {"info needs a model file"});
  expect_failure(run_aekit("info " + model + " --model " + model, dir_), 2, {"one model file"});
  const auto help = run_aekit("info --help", dir_);
  EXPECT_EQ(count_occurrences(help.out, "REQUIRED"), 0u) << help.out;
}

}  // namespace
}  // namespace aekit::test
