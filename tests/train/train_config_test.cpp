#include "aekit/train/train_config.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>

#include "support/expect_error.hpp"
#include "support/test_support.hpp"

namespace aekit::train {
namespace {

using test::expect_error;

TEST(TrainConfig, DefaultsAreTheTablesDefaults) {
  const TrainConfig c = TrainConfig::defaults();
  for (const auto& o : train_options()) {
    if (std::string_view(o.name) == "code_activation") {
      EXPECT_EQ(c.get(o.name), c.get("activation"));  // empty default: follows activation
      continue;
    }
    EXPECT_EQ(c.get(o.name), o.default_value) << o.name;
  }
  // And the typed fields agree with the documented defaults.
  EXPECT_EQ(c.model.dims, (std::vector<Index>{784, 256, 32}));
  EXPECT_EQ(c.model.hidden, Activation::relu);
  EXPECT_EQ(c.model.code, Activation::relu);
  EXPECT_EQ(c.model.output, Activation::sigmoid);
  EXPECT_FALSE(c.model.tied);
  EXPECT_EQ(c.loss, models::LossKind::mse);
  EXPECT_EQ(c.optimizer.kind, "adam");
  EXPECT_DOUBLE_EQ(c.lr, 1e-3);
  EXPECT_EQ(c.epochs, 10);
  EXPECT_EQ(c.batch, 128);
  EXPECT_DOUBLE_EQ(c.val_split, 0.1);
  EXPECT_EQ(c.patience, 5);
  EXPECT_EQ(c.seed, 42u);
  EXPECT_EQ(c.threads, 0);
  EXPECT_EQ(c.data, "fashion-mnist:train");
  EXPECT_EQ(c.test_data, "fashion-mnist:test");
  EXPECT_EQ(c.out, "");
  EXPECT_TRUE(c.code_follows_activation);
  EXPECT_NO_THROW(c.validate());
}

TEST(TrainConfig, OptionNamesAreUniqueAndDocumented) {
  std::set<std::string> names;
  for (const auto& o : train_options()) {
    EXPECT_TRUE(names.insert(o.name).second) << "duplicate option " << o.name;
    EXPECT_GT(std::string_view(o.help).size(), 5u) << o.name;
    EXPECT_EQ(std::string(o.name).find('-'), std::string::npos) << o.name << ": keys use '_'";
  }
}

TEST(TrainConfig, BadValuesNameTheOption) {
  TrainConfig c = TrainConfig::defaults();
  expect_error<UsageError>([&] { c.set("lr", "abc"); }, {"lr", "abc"});
  expect_error<UsageError>([&] { c.set("lr", "0.1x"); }, {"lr", "0.1x"});
  expect_error<UsageError>([&] { c.set("lr", ""); }, {"lr"});
  expect_error<UsageError>([&] { c.set("lr", "nan"); }, {"lr", "finite"});
  expect_error<UsageError>([&] { c.set("lr", "inf"); }, {"lr", "finite"});
  expect_error<UsageError>([&] { c.set("epochs", "2.5"); }, {"epochs", "2.5"});
  expect_error<UsageError>([&] { c.set("batch", "many"); }, {"batch", "many"});
  expect_error<UsageError>([&] { c.set("seed", "-1"); }, {"seed", "-1"});
  expect_error<UsageError>([&] { c.set("tied", "maybe"); }, {"tied", "maybe"});
  expect_error<UsageError>([&] { c.set("dims", "784,abc,32"); }, {"dims", "abc"});
  expect_error<UsageError>([&] { c.set("activation", "swish"); }, {"swish"});
  expect_error<UsageError>([&] { c.set("loss", "l1"); }, {"l1", "mse"});
  expect_error<UsageError>([&] { c.set("scaling", "log"); }, {"log"});
  // Regularizers: bad hyper-parameters are named with what was expected.
  expect_error<UsageError>([&] { c.set("noise", "mask:1.2"); }, {"nu must be in [0, 1)", "1.2"});
  expect_error<UsageError>([&] { c.set("noise", "mask:1"); }, {"nu must be in [0, 1)"});
  expect_error<UsageError>([&] { c.set("noise", "gaussian:-0.1"); }, {"sigma must be >= 0", "-0.1"});
  expect_error<UsageError>([&] { c.set("noise", "speckle:0.1"); }, {"speckle", "gaussian:SIGMA"});
  expect_error<UsageError>([&] { c.set("l1", "-1e-3"); }, {"l1", "lambda", ">= 0"});
  expect_error<UsageError>([&] { c.set("kl", "1.5:3"); }, {"rho", "(0, 1)"});
  expect_error<UsageError>([&] { c.set("kl", "0.05"); }, {"kl:RHO:BETA"});
  expect_error<UsageError>([&] { c.set("contractive", "-2"); }, {"contractive", ">= 0"});
  expect_error<UsageError>([&] { c.set("code_noise", "x"); }, {"code_noise", "x"});
  const std::string message =
      expect_error<UsageError>([&] { c.set("learning_rate", "0.1"); }, {"learning_rate", "valid options are"});
  for (const auto& o : train_options()) EXPECT_NE(message.find(o.name), std::string::npos) << o.name;
  expect_error<UsageError>([&] { (void)c.get("learning_rate"); }, {"learning_rate"});
  // A failed set leaves the value as it was.
  EXPECT_DOUBLE_EQ(c.lr, 1e-3);
  EXPECT_EQ(c.model.dims, (std::vector<Index>{784, 256, 32}));
}

TEST(TrainConfig, ValidateNamesTheBadOption) {
  const auto invalid = [](const char* name, const char* value, std::initializer_list<std::string_view> phrases) {
    TrainConfig c = TrainConfig::defaults();
    c.set(name, value);  // parses fine
    expect_error<UsageError>([&] { c.validate(); }, phrases);
  };
  invalid("epochs", "-1", {"epochs", "-1"});
  invalid("epochs", "0", {"epochs", "at least 1"});
  invalid("batch", "0", {"batch", "0"});
  invalid("lr", "-0.1", {"lr", "-0.1"});
  invalid("lr", "0", {"lr"});
  invalid("val_split", "1.0", {"val_split", "1"});
  invalid("val_split", "-0.1", {"val_split"});
  invalid("patience", "-2", {"patience"});
  invalid("clip_norm", "-1", {"clip_norm"});
  invalid("threads", "-3", {"threads"});
  invalid("dims", "784", {"dims"});
  invalid("dims", "784,0", {"dims", "0"});
  invalid("dims", "64,100000000", {"dims", "100000000"});
  invalid("momentum", "1.5", {"momentum"});
  invalid("optimizer", "adagrad", {"adagrad"});
  invalid("schedule", "exponential", {"exponential"});
  TrainConfig c = TrainConfig::defaults();
  c.set("loss", "bce");
  c.set("output_activation", "identity");
  expect_error<UsageError>([&] { c.validate(); }, {"bce", "identity"});
  c.set("output_activation", "sigmoid");
  EXPECT_NO_THROW(c.validate());
  invalid("code_noise", "-1", {"code_noise", ">= 0", "-1"});
  TrainConfig sparse = TrainConfig::defaults();
  sparse.set("kl", "0.05:3");  // the default code is relu: not in (0, 1)
  expect_error<UsageError>([&] { sparse.validate(); }, {"sigmoid", "relu"});
  sparse.set("code_activation", "sigmoid");
  EXPECT_NO_THROW(sparse.validate());
  sparse.set("l1", "1e-4");
  expect_error<UsageError>([&] { sparse.validate(); }, {"l1", "kl", "choose one"});
}


TEST(TrainConfig, CodeActivationFollowsActivationUntilSet) {
  TrainConfig c = TrainConfig::defaults();
  c.set("activation", "tanh");
  EXPECT_EQ(c.get("code_activation"), "tanh");
  EXPECT_EQ(c.model.code, Activation::tanh);
  c.set("code_activation", "identity");
  c.set("activation", "sigmoid");
  EXPECT_EQ(c.get("activation"), "sigmoid");
  EXPECT_EQ(c.get("code_activation"), "identity");  // set explicitly: stays
  c.set("code_activation", "");                     // back to following
  EXPECT_EQ(c.get("code_activation"), "sigmoid");
  c.set("activation", "relu");
  EXPECT_EQ(c.get("code_activation"), "relu");
  // Set before activation: still stays (order of keys in a TOML file must not matter).
  TrainConfig d = TrainConfig::defaults();
  d.set("code_activation", "identity");
  d.set("activation", "tanh");
  EXPECT_EQ(d.get("code_activation"), "identity");
}

// Every option set to a value that differs from its default.
std::map<std::string, std::string> unusual_values() {
  return {{"data", "npy:/tmp/some dir/x.npy?limit=100"},
          {"test_data", "none"},
          {"scaling", "standardize"},
          {"dims", "32,16,8,2"},
          {"activation", "tanh"},
          {"code_activation", "identity"},
          {"output_activation", "identity"},
          {"tied", "true"},
          {"init", "uniform:0.05"},
          {"loss", "mse"},
          {"noise", "uniform:0.2:clip"},
          {"l1", "0.001"},
          {"kl", "none"},
          {"contractive", "0.1"},
          {"code_noise", "0.5"},
          {"optimizer", "sgd"},
          {"lr", "0.0123"},
          {"momentum", "0.9"},
          {"nesterov", "true"},
          {"weight_decay", "1e-05"},
          {"clip_norm", "2.5"},
          {"schedule", "step"},
          {"step_size", "3"},
          {"gamma", "0.5"},
          {"min_lr", "1e-06"},
          {"epochs", "7"},
          {"batch", "33"},
          {"val_split", "0.25"},
          {"patience", "2"},
          {"seed", "1234567890123"},
          {"threads", "3"},
          {"out", "runs/my run"}};
}

void expect_round_trip(const TrainConfig& c) {
  test::TempDir dir;
  test::write_file(dir / "c.toml", c.to_toml());
  TrainConfig back = TrainConfig::defaults();
  ASSERT_NO_THROW(back.merge_toml_file(dir / "c.toml")) << c.to_toml();
  for (const auto& o : train_options()) EXPECT_EQ(back.get(o.name), c.get(o.name)) << o.name << "\n" << c.to_toml();
}

// The options of a conv model, set to values that differ from their defaults (tied and the
// contractive penalty above are mlp only, so these go in a config of their own).
std::map<std::string, std::string> unusual_conv_values() {
  return {{"model", "conv"},
          {"conv_preset", "denoiser"},
          {"encoder_layers", "conv 8 3x3 pad=1 relu, maxpool 2, flatten, dense 10 sigmoid"},
          {"decoder_layers", "dense 196 relu, reshape 1x14x14, upsample 2 bilinear, conv 1 3 pad=1"}};
}

// The options of the baseline models, away from their defaults.
std::map<std::string, std::string> unusual_baseline_values() {
  return {{"model", "psd"},         {"code", "50"},           {"alpha", "0.25"},
          {"psd_gamma", "2"},       {"whiten", "true"},       {"pca_solver", "randomized"},
          {"lasso_solver", "fista"}};
}

TEST(TrainConfig, TomlRoundTripKeepsEveryOption) {
  expect_round_trip(TrainConfig::defaults());
  const auto mlp = unusual_values(), conv = unusual_conv_values(), baseline = unusual_baseline_values();
  std::set<std::string> covered;
  for (const auto& values : {mlp, conv, baseline})
    for (const auto& entry : values) covered.insert(entry.first);
  ASSERT_EQ(covered.size(), train_options().size());
  for (const auto& values : {mlp, conv, baseline}) {
    TrainConfig c = TrainConfig::defaults();
    for (const auto& [name, value] : values) c.set(name, value);
    for (const auto& [name, value] : values) EXPECT_EQ(c.get(name), value) << name;
    EXPECT_NO_THROW(c.validate());
    expect_round_trip(c);
  }
}

TEST(TrainConfig, LayerListsBelongToConvModels) {
  TrainConfig c = TrainConfig::defaults();
  c.set("encoder_layers", "conv 8 3 pad=1, maxpool 2");
  c.set("decoder_layers", "deconv 1 2 stride=2");
  test::expect_error<UsageError>([&] { c.validate(); }, {"encoder_layers", "model conv"});
  c.set("model", "conv");
  EXPECT_NO_THROW(c.validate());
  EXPECT_EQ(c.model.encoder_layers, (std::vector<std::string>{"conv 8 3 pad=1", "maxpool 2"}));
  c.set("tied", "true");
  test::expect_error<UsageError>([&] { c.validate(); }, {"tied weights need model mlp"});
  c.set("tied", "false");
  c.set("decoder_layers", "deconv 1 2 stride=2 sigmoid");
  test::expect_error<UsageError>([&] { c.validate(); }, {"must have no activation"});
  test::expect_error<UsageError>([&] { c.set("model", "cnn"); }, {"model: expected mlp, conv, pca, sparse_coding or psd, found 'cnn'"});
}

TEST(TrainConfig, CodeSetsTheMlpCodeAndTheBaselinesSize) {
  TrainConfig c = TrainConfig::defaults();
  c.set("code", "8");
  EXPECT_EQ(c.model.dims, (std::vector<Index>{784, 256, 8}));
  c.set("dims", "100,50,20");  // either order
  EXPECT_EQ(c.model.dims, (std::vector<Index>{100, 50, 8}));
  c.set("model", "pca");
  EXPECT_EQ(c.pca_config().components, 8);
  c.set("code", "0");
  EXPECT_EQ(c.sparse_coding_config().atoms, 8);  // the last entry of dims
  c.set("model", "conv");
  c.set("code", "16");
  test::expect_error<UsageError>([&] { c.validate(); }, {"code 16 applies to mlp, pca"});
}

TEST(TrainConfig, BaselinesRefuseAutoencoderOptionsAndBadSettings) {
  for (const auto& [option, value] : std::map<std::string, std::string>{
           {"l1", "0.1"}, {"kl", "0.05:1"}, {"contractive", "0.1"}, {"code_noise", "2"},
           {"tied", "true"}, {"encoder_layers", "conv 2 3"}}) {
    TrainConfig c = TrainConfig::defaults();
    c.set("model", "sparse_coding");
    c.set(option, value);
    test::expect_error<UsageError>([&] { c.validate(); },
                                   {option, "applies to autoencoders, not to model sparse_coding"});
  }
  TrainConfig c = TrainConfig::defaults();
  c.set("model", "psd");
  c.set("alpha", "-1");
  test::expect_error<UsageError>([&] { c.validate(); }, {"alpha", "-1"});
  c.set("alpha", "1");
  c.set("psd_gamma", "0");
  test::expect_error<UsageError>([&] { c.validate(); }, {"gamma", "0"});
  c.set("model", "sparse_coding");
  c.set("batch", "0");  // the batch algorithm
  EXPECT_NO_THROW(c.validate());
  c.set("model", "mlp");
  test::expect_error<UsageError>([&] { c.validate(); }, {"batch must be at least 1"});
}

TEST(TrainConfig, RegularizationFollowsTheOptions) {
  TrainConfig c = TrainConfig::defaults();
  EXPECT_FALSE(c.regularization().corruption.active());
  EXPECT_FALSE(c.regularization().sparsity.active());
  EXPECT_FALSE(c.regularization().contractive.active());
  c.set("noise", "saltpepper:0.2");
  c.set("code_activation", "sigmoid");
  c.set("kl", "0.1:2");
  c.set("contractive", "0.3");
  auto r = c.regularization();
  EXPECT_EQ(r.corruption.name(), "saltpepper:0.2");
  EXPECT_EQ(r.corruption.low, 0);
  EXPECT_EQ(r.sparsity.name(), "kl:0.1:2");
  EXPECT_DOUBLE_EQ(r.contractive.weight, 0.3);
  expect_round_trip(c);
  c.set("scaling", "symmetric");  // salt is 1, pepper -1 in symmetric units
  EXPECT_EQ(c.regularization().corruption.low, -1);
  c.set("kl", "none");
  c.set("l1", "0.01");
  EXPECT_EQ(c.regularization().sparsity.name(), "l1:0.01");
}

TEST(TrainConfig, TomlRoundTripOfStringsThatLookLikeNumbersOrNeedEscapes) {
  // Strings are strings: a run folder named 001 or 1e5, a Windows path, a quote.
  for (const std::string out : {"001", "1e5", "2024", "C:\\runs\\a", "say \"hi\"", "true"}) {
    TrainConfig c = TrainConfig::defaults();
    c.set("out", out);
    c.set("data", "npy:" + out + ".npy");
    SCOPED_TRACE(out);
    expect_round_trip(c);
  }
}

TEST(TrainConfig, TomlRoundTripOfTheLargestSeed) {
  TrainConfig c = TrainConfig::defaults();
  c.set("seed", "18446744073709551615");  // any uint64 is a valid seed
  EXPECT_EQ(c.seed, 18446744073709551615ull);
  expect_round_trip(c);
}

TEST(TrainConfig, MergeTomlAcceptsTomlTypesAndReportsErrors) {
  test::TempDir dir;
  test::write_file(dir / "ok.toml",
                   "dims = [64, 16, 4]\nlr = 0.5\nepochs = 3\ntied = true\nactivation = \"tanh\"\n"
                   "val_split = 0\n");
  TrainConfig c = TrainConfig::defaults();
  c.merge_toml_file(dir / "ok.toml");
  EXPECT_EQ(c.model.dims, (std::vector<Index>{64, 16, 4}));
  EXPECT_DOUBLE_EQ(c.lr, 0.5);
  EXPECT_EQ(c.epochs, 3);
  EXPECT_TRUE(c.model.tied);
  EXPECT_EQ(c.get("code_activation"), "tanh");
  EXPECT_DOUBLE_EQ(c.val_split, 0.0);
  EXPECT_EQ(c.batch, 128);  // untouched

  test::write_file(dir / "unknown.toml", "epochs = 3\nlearning_rate = 0.1\n");
  expect_error<UsageError>([&] { c.merge_toml_file(dir / "unknown.toml"); },
                           {"unknown.toml", "learning_rate", "valid options are", "lr"});
  test::write_file(dir / "bad-value.toml", "epochs = \"many\"\n");
  expect_error<UsageError>([&] { c.merge_toml_file(dir / "bad-value.toml"); },
                           {"bad-value.toml", "epochs", "many"});
  test::write_file(dir / "syntax.toml", "epochs = 3\nlr = = 1\n");
  expect_error<UsageError>([&] { c.merge_toml_file(dir / "syntax.toml"); }, {"syntax.toml", "line 2"});
  test::write_file(dir / "table.toml", "[model]\ndims = [1, 2]\n");
  expect_error<UsageError>([&] { c.merge_toml_file(dir / "table.toml"); }, {"table.toml", "model"});
  expect_error<UsageError>([&] { c.merge_toml_file(dir / "missing.toml"); }, {"missing.toml"});
}

}  // namespace
}  // namespace aekit::train
