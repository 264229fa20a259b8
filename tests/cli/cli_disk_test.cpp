// Full and read-only disks under `aekit train`. A preloaded library (support/fault_injection_shim.cpp)
// makes the file system fill up after a byte budget or refuse writes under a folder, at every
// stage of a run (first checkpoint, later ones, the model, the report); where the test may
// mount file systems, a real 1 MiB tmpfs fills up too. Each time the run fails with one clear
// line, the previous checkpoint and model stay whole (they load, byte for byte as before), no
// temporary is left, and the run, continued on a disk with room, ends bit for bit where it
// ends without the failure.
#include <gtest/gtest.h>
#include <sys/mount.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "aekit/data/npy.hpp"
#include "support/cli_runner.hpp"
#include "support/random_data.hpp"
#include "support/run_files.hpp"
#include "support/signal_runner.hpp"
#include "support/test_support.hpp"

namespace aekit::test {
namespace {

namespace fs = std::filesystem;

const std::string kShim = std::string("LD_PRELOAD=") + AEKIT_FAULT_SHIM_PATH + " ASAN_OPTIONS=verify_asan_link_order=0";

class CliDisk : public ::testing::Test {
 protected:
  void SetUp() override {
    data::write_npy(dir_ / "x.npy", uniform_data(300, 64, 1));
    data::write_npy(dir_ / "t.npy", uniform_data(40, 64, 2));
  }
  std::string train_args(const fs::path& out, int epochs = 4, const std::string& dims = "64,256,8") const {
    return "train --data npy:" + (dir_ / "x.npy").string() + " --test-data npy:" + (dir_ / "t.npy").string() +
           " --dims " + dims + " --batch 30 --epochs " + std::to_string(epochs) +
           " --patience 0 --seed 4 --threads 1 --out " + out.string();
  }
  // After a failed run in `run`: one line naming the error, whole files, no temporaries; then
  // the run continued without the fault ends as `expected`.
  void expect_recovers(const CliResult& failed, const fs::path& run, const std::string& reason,
                       const ModelBits& expected) {
    expect_failure(failed, 1, {"cannot write '", reason});
    EXPECT_TRUE(temporaries_in(run).empty()) << "a partial file was left";
    expect_files_load(run);
    const bool has_checkpoint = fs::exists(run / "checkpoint.aek");
    const auto again = run_aekit(has_checkpoint ? "train --resume --out " + run.string() : train_args(run), dir_);
    ASSERT_EQ(again.exit_code, 0) << again.err;
    EXPECT_EQ(model_bits(run), expected) << "the continued run ends where the uninterrupted one does";
  }
  TempDir dir_;
};

std::uintmax_t bytes_in(const fs::path& folder) {
  std::uintmax_t total = 0;
  for (const auto& entry : fs::recursive_directory_iterator(folder))
    if (entry.is_regular_file()) total += entry.file_size();
  return total;
}

TEST_F(CliDisk, ADiskThatFillsUpAtAnyStageLosesNothing) {
  const fs::path straight = dir_ / "straight";
  ASSERT_EQ(run_aekit(train_args(straight), dir_).exit_code, 0);
  const ModelBits expected = model_bits(straight);
  const std::uintmax_t checkpoint = fs::file_size(straight / "checkpoint.aek");
  const std::uintmax_t folder = bytes_in(straight);
  // Budgets from nothing to past the folder's size: the first checkpoint, later ones (each
  // epoch rewrites it), the model and the report each meet a full disk in some of them.
  int failed = 0, budgets = 0;
  for (std::uintmax_t budget = 0; budget < 6 * checkpoint + folder; budget += checkpoint / 2 + 997) {
    const fs::path run = dir_ / ("full_" + std::to_string(budget));
    SCOPED_TRACE("disk full after " + std::to_string(budget) + " bytes");
    ++budgets;
    const auto r = run_aekit(train_args(run), dir_, kShim + " AEKIT_FAULT_DISK_BYTES=" + std::to_string(budget));
    if (r.exit_code == 0) {
      EXPECT_EQ(model_bits(run), expected);
      continue;
    }
    ++failed;
    expect_recovers(r, run, "No space left on device", expected);
  }
  std::printf("[ disk test ] %d disk sizes from 0 to %ju bytes: %d runs met a full disk, stopped cleanly and "
              "were continued to the uninterrupted result\n", budgets, 6 * checkpoint + folder, failed);
  EXPECT_GE(failed, 8) << "too few budgets ran out before the run's end";
}

TEST_F(CliDisk, AReadOnlyFolderKeepsTheRunThatIsThere) {
  const fs::path run = dir_ / "run";
  ASSERT_EQ(run_aekit(train_args(run, 2), dir_).exit_code, 0);
  const std::string model = read_file(run / "model.aek"), checkpoint = read_file(run / "checkpoint.aek"),
                    config = read_file(run / "config.toml");
  const std::string read_only = kShim + " AEKIT_FAULT_READ_ONLY=" + run.string();
  const auto r = run_aekit("train --resume --epochs 4 --out " + run.string(), dir_, read_only);
  // The first file an epoch writes is the config (a checkpoint is never on disk without it).
  expect_failure(r, 1, {"cannot write '" + (run / "config.toml").string() + "'", "Read-only file system"});
  EXPECT_EQ(read_file(run / "config.toml"), config);
  EXPECT_EQ(read_file(run / "model.aek"), model);
  EXPECT_EQ(read_file(run / "checkpoint.aek"), checkpoint);
  EXPECT_TRUE(temporaries_in(run).empty());

  const fs::path fresh = dir_ / "locked" / "run";
  const auto f = run_aekit(train_args(fresh), dir_, kShim + " AEKIT_FAULT_READ_ONLY=" + (dir_ / "locked").string());
  expect_failure(f, 1, {"Read-only file system"});
  EXPECT_FALSE(fs::exists(fresh));
}

// A real file system that fills up: a 1 MiB tmpfs, mounted by the test when it may (root with
// CAP_SYS_ADMIN); otherwise the test says why it did not run.
TEST_F(CliDisk, ARealTmpfsThatFillsUp) {
  const fs::path mount_point = dir_ / "tmpfs";
  fs::create_directories(mount_point);
  if (::mount("tmpfs", mount_point.c_str(), "tmpfs", 0, "size=1m") != 0)
    GTEST_SKIP() << "SKIPPED: cannot mount a tmpfs here (" << std::strerror(errno)
                 << "; needs root with CAP_SYS_ADMIN); the injected full-disk test above covers the same paths";
  const fs::path run = mount_point / "run";
  // 64-1536-8: a checkpoint of about 3 MB, more than the tmpfs holds.
  const auto r = run_aekit(train_args(run, 3, "64,1536,8"), dir_);
  expect_failure(r, 1, {"cannot write '", "No space left on device"});
  EXPECT_TRUE(temporaries_in(run).empty());
  expect_files_load(run);
  std::error_code ignored;
  fs::remove_all(run, ignored);
  EXPECT_EQ(::umount(mount_point.c_str()), 0) << std::strerror(errno);
}

}  // namespace
}  // namespace aekit::test
