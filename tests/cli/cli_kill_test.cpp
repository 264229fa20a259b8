// SIGKILL during `aekit train` at random moments, over five model kinds (an MLP denoising
// autoencoder, a conv autoencoder, an RBM, a VAE, a GAN): nothing can run at a SIGKILL, so
// what is on disk must be whole at every instant. After each kill, every model and checkpoint
// in the run folder loads (magic, header, CRC-32), and the run goes on: `--resume` from its
// checkpoint, or a fresh start when it died before the first one. Either way it ends bit for
// bit where the same run ends without a kill, with no temporary files left. The models are
// wide and the data small, so writing the checkpoint (values, best values, optimizer state)
// is a large part of each epoch and many kills land while a file is being written; those
// leave a temporary (io/atomic_write.hpp), which the test counts. The last kill of each kind
// waits for a checkpoint write, so that some land there whatever the build's speed.
#include <gtest/gtest.h>
#include <signal.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>

#include "aekit/data/npy.hpp"
#include "aekit/tensor/rng.hpp"
#include "support/cli_runner.hpp"
#include "support/random_data.hpp"
#include "support/run_files.hpp"
#include "support/signal_runner.hpp"
#include "support/test_support.hpp"

namespace aekit::test {
namespace {

namespace fs = std::filesystem;
using std::chrono::milliseconds;

// Whether `run` holds the temporary of a checkpoint being written.
bool writing_checkpoint(const fs::path& run) {
  const auto temporaries = temporaries_in(run);
  return std::any_of(temporaries.begin(), temporaries.end(),
                     [](const std::string& name) { return name.starts_with(".checkpoint.aek.tmp-"); });
}

struct ModelKind {
  std::string name;
  std::string flags;  // everything but --out
};

class CliKill : public ::testing::Test {
 protected:
  void SetUp() override {
    data::write_npy(dir_ / "x.npy", uniform_data(400, 64, 1), Shape{1, 8, 8});
    data::write_npy(dir_ / "t.npy", uniform_data(50, 64, 2), Shape{1, 8, 8});
    data::write_npy(dir_ / "flat.npy", uniform_data(400, 64, 1));  // the GAN's: rows without an image shape
  }
  std::string data_flags() const {
    return " --data npy:" + (dir_ / "x.npy").string() + " --test-data npy:" + (dir_ / "t.npy").string() + common_flags;
  }
  std::string flat_data_flags() const {
    return " --data npy:" + (dir_ / "flat.npy").string() + " --test-data none" + common_flags;
  }
  const std::string common_flags = " --seed 5 --threads 2 --batch 40 --patience 0 ";
  std::vector<ModelKind> kinds() const {
    return {
        {"mlp", "train --model mlp --dims 64,1536,8 --noise gaussian:0.1 --epochs 12" + data_flags()},
        {"conv", "train --model conv --encoder-layers 'conv 64 3x3 pad=1 relu, maxpool 2' "
                 "--decoder-layers 'deconv 64 2x2 stride=2 relu, conv 1 3x3 pad=1' --epochs 6" + data_flags()},
        {"rbm", "train --model rbm --code 1536 --optimizer sgd --lr 0.05 --momentum 0.5 --epochs 12" + data_flags()},
        {"vae", "train --model vae --dims 64,1536,4 --loss bce --lr 0.001 --epochs 12" + data_flags()},
        {"gan", "train --model gan --latent 8 --generator-layers 'dense 1024 relu, dense 64 sigmoid' "
                "--discriminator-layers 'dense 1024 leaky_relu, dense 1' --val-split 0 --lr 0.0005 --epochs 12" +
                    flat_data_flags()},
    };
  }
  TempDir dir_;
};

TEST_F(CliKill, FiftyKillsAcrossModelKindsLoseNothing) {
  constexpr int kKillsPerKind = 10;
  Rng moments(2026);
  int trials = 0, kills = 0, during_write = 0, during_checkpoint_write = 0, resumed = 0, restarted = 0;
  for (const auto& kind : kinds()) {
    SCOPED_TRACE("model " + kind.name);
    const fs::path straight = dir_ / (kind.name + "_straight");
    const auto start = std::chrono::steady_clock::now();
    const auto r = run_aekit(kind.flags + " --out " + straight.string(), dir_);
    const auto run_time = std::chrono::duration_cast<milliseconds>(std::chrono::steady_clock::now() - start);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const ModelBits expected = model_bits(straight);
    // A run that ends before its kill (a busy machine can make it faster than the timed one)
    // is checked as well and does not count: trials go on until this kind has its kills.
    for (int trial = 0, kind_kills = 0; kind_kills < kKillsPerKind; ++trial, ++trials) {
      ASSERT_LT(trial, 3 * kKillsPerKind) << "most runs ended before their kill";
      const fs::path run = dir_ / (kind.name + "_" + std::to_string(trial));
      const milliseconds delay(long(moments.uniform(0.02, 0.9) * double(run_time.count())));
      SCOPED_TRACE("kill " + std::to_string(trial) + " after " + std::to_string(delay.count()) + " ms of a " +
                   std::to_string(run_time.count()) + " ms run");
      // The last trial of a kind waits, after its delay, for a checkpoint being written: what
      // share of a run that takes depends on the build (under the sanitizers, far less).
      const bool at_checkpoint_write = kind_kills == kKillsPerKind - 1;
      const Ended ended = run_and_signal(kind.flags + " --out " + run.string(), dir_, delay, SIGKILL,
                                         [&] { return !at_checkpoint_write || writing_checkpoint(run); });
      if (ended.killed_by == SIGKILL) {
        ++kills;
        ++kind_kills;
        during_write += !temporaries_in(run).empty();
        during_checkpoint_write += writing_checkpoint(run);
      } else {
        ASSERT_EQ(ended.exit_code, 0) << "the run ended before the kill" << ended.err;
      }
      expect_files_load(run);
      const bool has_checkpoint = fs::exists(run / "checkpoint.aek");
      const auto again = run_aekit(has_checkpoint ? "train --resume --out " + run.string()
                                                  : kind.flags + " --out " + run.string(),
                                   dir_);
      ASSERT_EQ(again.exit_code, 0) << again.out << again.err;
      ++(has_checkpoint ? resumed : restarted);
      expect_files_load(run);
      EXPECT_TRUE(temporaries_in(run).empty()) << "a temporary of the killed run is still there";
      EXPECT_EQ(model_bits(run), expected) << "the continued run ends where the uninterrupted one does";
      fs::remove_all(run);
    }
  }
  std::printf("[ kill test ] %d SIGKILLs in %d trials, %d while a file was being written (%d the checkpoint); %d runs resumed, "
              "%d restarted (killed before their first checkpoint)\n",
              kills, trials, during_write, during_checkpoint_write, resumed, restarted);
  EXPECT_GE(during_checkpoint_write, 3) << "too few kills landed while a checkpoint was being written";
}

}  // namespace
}  // namespace aekit::test
