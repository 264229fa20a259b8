// Ctrl-C (SIGINT) and SIGTERM during `aekit train` at random moments (app/stop_signals.hpp).
// Whatever the moment, the process ends by itself; a run stopped before training leaves no
// folder, one stopped while training stops between two batches with its checkpoint saved, a
// message that says how to resume and no temporary files; `--resume` then ends exactly (bit
// for bit) where the same run ends without an interruption.
#include <gtest/gtest.h>
#include <signal.h>

#include <chrono>
#include <cstring>
#include <filesystem>

#include "aekit/data/npy.hpp"
#include "aekit/store/autoencoder_file.hpp"
#include "aekit/tensor/rng.hpp"
#include "support/cli_runner.hpp"
#include "support/random_data.hpp"
#include "support/signal_runner.hpp"
#include "support/test_support.hpp"

namespace aekit::test {
namespace {

namespace fs = std::filesystem;

std::vector<Scalar> weights_of(const fs::path& run) {
  const auto saved = store::load_autoencoder(run / "model.aek");
  const auto values = saved.model->parameters().values();
  return {values.begin(), values.end()};
}

class CliInterrupt : public ::testing::Test {
 protected:
  void SetUp() override {
    data::write_npy(dir_ / "x.npy", uniform_data(12000, 64, 1));
    data::write_npy(dir_ / "t.npy", uniform_data(100, 64, 2));
  }
  // 10 800 training rows in batches of 8: 1 350 batches per epoch, about 0.2 s an epoch on
  // the 2-core development machine, so most moments of a run fall inside an epoch.
  std::string train_args(const fs::path& out, const std::string& epochs = "6") const {
    return "train --data npy:" + (dir_ / "x.npy").string() + " --test-data npy:" + (dir_ / "t.npy").string() +
           " --dims 64,256,8 --batch 8 --epochs " + epochs +
           " --patience 0 --noise gaussian:0.1 --seed 3 --threads 2 --out " + out.string();
  }
  TempDir dir_;
};

TEST_F(CliInterrupt, AtRandomMomentsARunStopsCleanlyAndResumesExactly) {
  const fs::path straight = dir_ / "straight";
  const auto start = std::chrono::steady_clock::now();
  const auto r = run_aekit(train_args(straight), dir_);
  const auto run_time = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto expected = weights_of(straight);

  Rng moments(11);
  int stopped_while_training = 0;
  for (int trial = 0; trial < 8; ++trial) {
    const int signal_number = trial % 4 == 3 ? SIGTERM : SIGINT;
    const auto delay = std::chrono::milliseconds(long(moments.uniform(0.0, 1.1) * double(run_time.count())));
    const fs::path run = dir_ / ("run" + std::to_string(trial));
    SCOPED_TRACE("trial " + std::to_string(trial) + ", signal " + std::to_string(signal_number) +
                 " after " + std::to_string(delay.count()) + " ms of a " + std::to_string(run_time.count()) + " ms run");
    const Ended ended = run_and_signal(train_args(run), dir_, delay, signal_number);
    EXPECT_TRUE(temporaries_in(run).empty());
    if (ended.killed_by != 0) {  // before aekit installed its handlers: nothing was started
      EXPECT_EQ(ended.killed_by, signal_number);
      EXPECT_FALSE(fs::exists(run));
      continue;
    }
    if (ended.exit_code == 0) {  // the signal came after the run's end
      EXPECT_EQ(weights_of(run), expected);
      continue;
    }
    ASSERT_EQ(ended.exit_code, 128 + signal_number) << ended.err;
    EXPECT_TRUE(contains(ended.err, "stopping after the current step")) << ended.err;
    if (!fs::exists(run / "checkpoint.aek")) {
      EXPECT_TRUE(contains(ended.err, "interrupted before training started; nothing was written")) << ended.err;
      EXPECT_FALSE(fs::exists(run)) << "no empty run folder";
      continue;
    }
    ++stopped_while_training;
    EXPECT_TRUE(contains(ended.err, "interrupted ")) << ended.err;
    EXPECT_TRUE(contains(ended.err, "continue with: aekit train --out " + run.string() + " --resume")) << ended.err;
    EXPECT_FALSE(fs::exists(run / "model.aek")) << "an unfinished run has no model yet";
    const auto resumed = run_aekit("train --resume --out " + run.string(), dir_);
    ASSERT_EQ(resumed.exit_code, 0) << resumed.out << resumed.err;
    EXPECT_TRUE(temporaries_in(run).empty());
    const auto weights = weights_of(run);
    ASSERT_EQ(weights.size(), expected.size());
    EXPECT_EQ(std::memcmp(weights.data(), expected.data(), weights.size() * sizeof(Scalar)), 0)
        << "the resumed run ends where the uninterrupted one does";
  }
  EXPECT_GE(stopped_while_training, 3) << "too few trials landed while training to test resuming";
}

// A temporary a killed process left beside the checkpoint is cleaned up by --resume.
TEST_F(CliInterrupt, ResumeRemovesTemporariesAKilledRunLeft) {
  const fs::path run = dir_ / "run";
  auto r = run_aekit(train_args(run, "1"), dir_);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  write_file(run / ".checkpoint.aek.tmp-12345-0", "half a checkpoint");
  r = run_aekit("train --resume --epochs 2 --out " + run.string(), dir_);
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_TRUE(temporaries_in(run).empty());
}

}  // namespace
}  // namespace aekit::test
