// aekit train --model gan --conditional true end to end: a conditional GAN learns labelled
// clusters, its samples come in class-major blocks that look like their class (the report's
// grid a class per row), it offers no decoder of codes alone; missing labels fail in one line
// with nothing written.
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

class CliConditionalGan : public ::testing::Test {
 protected:
  void SetUp() override { write_clusters(dir_.path(), "train", 300, 1, 16); }
  CliResult train(const std::string& data, const std::string& out) {
    return run_aekit("train --model gan --conditional true --data " + data +
                         " --test-data none --val-split 0 --threads 1 --batch 20 --lr 0.002 --adam-beta1 0.5 "
                         "--latent 4 --epochs 40 --generator-layers 'dense 32 relu, dense 16 sigmoid' "
                         "--discriminator-layers 'dense 32 leaky_relu, dense 1' --out " + (dir_ / out).string(),
                     dir_);
  }
  TempDir dir_;
};

TEST_F(CliConditionalGan, SamplesOfEachBlockLookLikeTheirClass) {
  const std::string labelled =
      "npy:" + (dir_ / "train.npy").string() + "?labels=" + (dir_ / "train_labels.npy").string();
  const auto r = train(labelled, "cgan");
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_TRUE(contains(r.out, "conditional on 3 classes")) << r.out;
  EXPECT_TRUE(contains(read_file(dir_ / "cgan" / "report.html"), "30 rows drawn from the model (seed 42), one class per row"));

  const std::string model = (dir_ / "cgan" / "model.aek").string();
  const auto s = run_aekit("sample -n 300 --model " + model + " -o " + (dir_ / "s.npy").string(), dir_);
  ASSERT_EQ(s.exit_code, 0) << s.err;
  ASSERT_EQ(data::read_npy(dir_ / "s.npy").x.rows(), 300);
  EXPECT_EQ(cluster_block_classes(dir_ / "s.npy", dir_ / "train.npy"), (std::vector<int>{0, 1, 2}))
      << "block k of the samples (rows 100k .. 100k+99) looks like class k";
  // Codes alone do not make a row: the class is missing.
  expect_failure(run_aekit("interpolate --model " + model + " --data " + labelled + " --rows 0,1 --steps 3 -o " +
                               (dir_ / "i.png").string(), dir_),
                 2, {"cannot"});

  expect_failure(train("npy:" + (dir_ / "train.npy").string(), "unlabelled"), 2,
                 {"conditional = true needs a class label per training row"});
  EXPECT_FALSE(fs::exists(dir_ / "unlabelled"));
}

}  // namespace
}  // namespace aekit::test
