// aekit train --model vae end to end: it trains (the negative ELBO falls), --resume is
// bit-identical, `aekit eval --importance-samples` gives the keys users script against, the
// model samples, a conv VAE (layer lists) trains, resumes and samples, and bad settings fail in
// one line with nothing written.
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

class CliVae : public ::testing::Test {
 protected:
  void SetUp() override {
    data::write_npy(dir_ / "x.npy", manifold_data(300, 16, 1));
    data::write_npy(dir_ / "t.npy", manifold_data(60, 16, 2));
  }
  // shape: the encoder sizes and the decoder's loss.
  CliResult train(const std::string& flags, const std::string& out, const std::string& shape = "--dims 16,12,3 --loss bce") {
    return run_aekit("train --model vae --data npy:" + (dir_ / "x.npy").string() + " --test-data npy:" +
                         (dir_ / "t.npy").string() + " --activation tanh --threads 1 --batch 20 --lr 0.01 " + shape +
                         " " + flags + " --out " + (dir_ / out).string(),
                     dir_);
  }
  std::vector<nlohmann::json> metrics(const std::string& run) const {
    std::vector<nlohmann::json> lines;
    std::istringstream in(read_file(dir_ / run / "metrics.jsonl"));
    for (std::string line; std::getline(in, line);) lines.push_back(nlohmann::json::parse(line));
    return lines;
  }
  TempDir dir_;
};

TEST_F(CliVae, TrainsAndItsNegativeElboFalls) {
  const auto r = train("--epochs 6 --binarize true --patience 0", "vae");
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  const auto m = metrics("vae");
  ASSERT_EQ(m.size(), 6u);
  EXPECT_LT(m.back()["val_neg_elbo"].get<double>(), m.front()["val_neg_elbo"].get<double>());
  EXPECT_NEAR(m.back()["val_neg_elbo"].get<double>(),
              m.back()["val_reconstruction"].get<double>() + m.back()["val_kl"].get<double>(), 1e-9);
  EXPECT_TRUE(contains(r.out, "-log p(x)")) << r.out;
  const auto summary = nlohmann::json::parse(read_file(dir_ / "vae" / "summary.json"));
  const auto& l = summary["test_likelihood"];
  ASSERT_TRUE(l.is_object()) << summary;
  EXPECT_EQ(l["rows"], 60);
  EXPECT_LE(l["nll"].get<double>(), -l["elbo"].get<double>() + 1e-6);
  EXPECT_TRUE(contains(read_file(dir_ / "vae" / "report.html"), "test -log p(x)"));
  const auto info = run_aekit("info " + (dir_ / "vae" / "model.aek").string(), dir_);
  EXPECT_TRUE(contains(info.out, "sample")) << info.out;
  EXPECT_TRUE(contains(info.out, "likelihood")) << info.out;
  const auto e = run_aekit("eval --json --importance-samples 50 --model " + (dir_ / "vae" / "model.aek").string() +
                               " --data npy:" + (dir_ / "t.npy").string(), dir_);
  ASSERT_EQ(e.exit_code, 0) << e.err;
  const auto j = nlohmann::json::parse(e.out);
  for (const char* key : {"elbo", "kl", "nll"}) EXPECT_TRUE(j[key].is_number()) << key << " in " << e.out;
  EXPECT_LE(j["nll"].get<double>(), -j["elbo"].get<double>() + 1e-6) << "the estimate is above the ELBO's bound";
  EXPECT_GT(j["kl"].get<double>(), 0);
  EXPECT_TRUE(j["binarized"].get<bool>());
}

TEST_F(CliVae, ResumedRunIsBitIdentical) {
  ASSERT_EQ(train("--epochs 4 --patience 0 --beta 0.5 --kl-warmup 20", "straight").exit_code, 0);
  ASSERT_EQ(train("--epochs 2 --patience 0 --beta 0.5 --kl-warmup 20", "resumed").exit_code, 0);
  const auto r = run_aekit("train --resume --epochs 4 --out " + (dir_ / "resumed").string(), dir_);
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(store::load_model(dir_ / "straight" / "model.aek").model->state(),
            store::load_model(dir_ / "resumed" / "model.aek").model->state());
}

// 4x4 images; a conv trunk and an upsampling decoder from the layer grammar, latent size `code`.
TEST_F(CliVae, AConvVaeTrainsResumesAndSamples) {
  data::write_npy(dir_ / "images.npy", manifold_data(300, 16, 1), Shape{1, 4, 4});
  data::write_npy(dir_ / "test_images.npy", manifold_data(60, 16, 2), Shape{1, 4, 4});
  const auto conv = [&](const std::string& flags, const std::string& out,
                        const std::string& decoder = "dense 16 relu, reshape 4x2x2, upsample 2, conv 1 3x3 pad=1") {
    return run_aekit("train --model vae --data npy:" + (dir_ / "images.npy").string() + " --test-data npy:" +
                         (dir_ / "test_images.npy").string() + " --loss bce --binarize true --code 3 --threads 1 "
                         "--batch 20 --lr 0.01 --patience 0 --encoder-layers 'conv 4 3x3 pad=1 relu, maxpool 2' "
                         "--decoder-layers '" + decoder + "' " + flags +
                         " --out " + (dir_ / out).string(), dir_);
  };
  const auto r = conv("--epochs 4", "straight");
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_TRUE(contains(r.out, "vae conv [1, 4, 4]: conv 4 3x3 pad=1 relu, maxpool 2 -> latent 3")) << r.out;
  const auto m = metrics("straight");
  EXPECT_LT(m.back()["val_neg_elbo"].get<double>(), m.front()["val_neg_elbo"].get<double>());
  ASSERT_EQ(conv("--epochs 2", "resumed").exit_code, 0);
  const auto resumed = run_aekit("train --resume --epochs 4 --out " + (dir_ / "resumed").string(), dir_);
  ASSERT_EQ(resumed.exit_code, 0) << resumed.out << resumed.err;
  const auto saved = store::load_model(dir_ / "straight" / "model.aek");
  EXPECT_EQ(saved.model->state(), store::load_model(dir_ / "resumed" / "model.aek").model->state());
  const auto s = run_aekit("sample --count 12 --model " + (dir_ / "straight" / "model.aek").string() + " -o " +
                               (dir_ / "samples.npy").string(), dir_);
  ASSERT_EQ(s.exit_code, 0) << s.err;
  const FloatMatrix samples = data::read_npy(dir_ / "samples.npy").x;
  EXPECT_EQ(samples.rows(), 12);
  EXPECT_EQ(samples.cols(), 16);
  EXPECT_GE(samples.minCoeff(), 0.f);
  EXPECT_LE(samples.maxCoeff(), 1.f);
  const auto bad = conv("--epochs 1", "bad", "dense 16 relu, reshape 4x2x2, conv 1 3x3 pad=1");
  expect_failure(bad, 2, {"decoder_layers end in shape [1, 2, 2], expected [1, 4, 4]"});
  EXPECT_FALSE(fs::exists(dir_ / "bad"));
}

TEST_F(CliVae, ANaNInTheLossStopsTheRunAndKeepsTheLastGoodCheckpoint) {
  ASSERT_EQ(train("--epochs 1 --optimizer sgd", "run").exit_code, 0);
  const std::string checkpoint_before = read_file(dir_ / "run" / "checkpoint.aek");
  // A learning rate edited into config.toml makes epoch 2 blow up.
  std::string config = read_file(dir_ / "run" / "config.toml");
  const auto lr = config.find("lr = 0.01");
  ASSERT_NE(lr, std::string::npos) << config;
  write_file(dir_ / "run" / "config.toml", config.replace(lr, 9, "lr = 1e30"));
  const auto r = run_aekit("train --resume --epochs 3 --out " + (dir_ / "run").string(), dir_);
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << "one line: " << r.err;
  EXPECT_TRUE(contains(r.err, "diverged at epoch 2")) << r.err;
  EXPECT_TRUE(contains(r.err, "(epoch 1) is kept")) << r.err;
  EXPECT_EQ(read_file(dir_ / "run" / "checkpoint.aek"), checkpoint_before);
  EXPECT_NO_THROW(store::load_model(dir_ / "run" / "model.aek"));
}

TEST_F(CliVae, BadSettingsAreRefusedInOneLine) {
  const auto refused = [&](const std::string& flags, std::initializer_list<std::string> phrases) {
    const auto r = train(flags, "bad", "");
    expect_failure(r, 2, phrases);
    EXPECT_FALSE(fs::exists(dir_ / "bad"));
  };
  refused("--dims 16,12,3 --binarize true --loss mse", {"binarize", "loss = bce"});
  refused("--dims 16,3", {"dims", "hidden layer"});
  refused("--dims 16,12,3 --beta -1", {"beta"});
  refused("--dims 16,12,3 --loss mse --vae-variance 0", {"vae_variance", "> 0"});
  refused("--dims 16,12,3 --code-activation sigmoid", {"code_activation", "not to model vae"});
  refused("--dims 16,12,3 --loss bce --scaling standardize", {"[0, 1]", "bce"});
  ASSERT_EQ(run_aekit("train --data npy:" + (dir_ / "x.npy").string() + " --test-data none --dims 16,4 --epochs 1 "
                      "--threads 1 --out " + (dir_ / "ae").string(), dir_).exit_code, 0);
  const auto e = run_aekit("eval --importance-samples 10 --model " + (dir_ / "ae" / "model.aek").string() +
                               " --data npy:" + (dir_ / "t.npy").string(), dir_);
  expect_failure(e, 2, {"cannot estimate a likelihood", "autoencoder"});
}

}  // namespace
}  // namespace aekit::test
