#include "aekit/settings/train_config.hpp"

#include <gtest/gtest.h>
#include <toml++/toml.h>

#include <map>
#include <set>
#include <string>

#include "aekit/settings/bindings.hpp"
#include "aekit/settings/registry.hpp"
#include "support/expect_error.hpp"
#include "support/test_support.hpp"

namespace aekit::train {
namespace {

using test::expect_error;

const std::vector<std::string> kBuiltInFamilies = {"mlp", "conv", "classifier", "vae", "pca", "sparse_coding", "psd"};

// The options aekit defines (a test below registers a family of its own).
// The options of the library's sections: not those that tests register at runtime ("tiny"
// here, "tied_linear" in tests/app/tiny_family_test.cpp), which one test binary shares.
std::vector<const Option*> built_in_options() {
  std::vector<const Option*> options;
  for (const auto& [section, option] : settings_options())
    if (section->name != "tiny" && section->name != "tied_linear") options.push_back(option);
  return options;
}

TEST(TrainConfig, DefaultsAreTheDefinitionsDefaults) {
  const TrainConfig c = TrainConfig::defaults();
  for (const auto* o : built_in_options()) {
    if (o->name == "code_activation") {
      EXPECT_EQ(c.get(o->name), c.get("activation"));  // empty default: follows activation
      continue;
    }
    EXPECT_EQ(c.get(o->name), o->default_value) << o->name;
  }
  // And the typed fields agree with the documented defaults.
  EXPECT_EQ(c.family, "mlp");
  EXPECT_EQ(c.model.architecture, models::Architecture::mlp);
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
  EXPECT_TRUE(c.explicitly_set.empty());
  EXPECT_NO_THROW(c.validate());
}

TEST(TrainConfig, OptionsAreDefinedOnceAndDocumented) {
  std::set<std::string> names;
  for (const auto* o : built_in_options()) {
    EXPECT_TRUE(names.insert(o->name).second) << "listed twice: " << o->name;
    EXPECT_GT(o->help.size(), 5u) << o->name;
    EXPECT_EQ(o->name.find('-'), std::string::npos) << o->name << ": keys use '_'";
    EXPECT_EQ(o->flag().find('_'), std::string::npos) << o->flag();
  }
  EXPECT_EQ(find_option("test_data").flag(), "--test-data");
  EXPECT_EQ(find_option("optimizer").value_placeholder(), "sgd|adam|rmsprop");
  EXPECT_EQ(find_option("epochs").value_placeholder(), "INT");
  EXPECT_EQ(find_option("threads").value_placeholder(), "auto|INT");
  // Listed by several families, defined once: the same definition in each section.
  for (const char* shared : {"code", "alpha", "lasso_solver"}) {
    int sections = 0;
    for (const auto& section : settings_sections())
      if (const Option* o = section.find(shared)) {
        ++sections;
        EXPECT_EQ(o->help, find_option(shared).help) << shared << " in " << section.name;
      }
    EXPECT_GE(sections, 2) << shared;
  }
  EXPECT_EQ(models_of("code"), (std::vector<std::string>{"mlp", "classifier", "vae", "pca", "sparse_coding", "psd", "rbm", "stack"}));
  EXPECT_EQ(models_of("alpha"), (std::vector<std::string>{"sparse_coding", "psd"}));
  EXPECT_TRUE(models_of("seed").empty());  // shared by every model
  // Shared by the models of the training loop: PCA is fitted in one go.
  EXPECT_EQ(models_of("epochs"),
            (std::vector<std::string>{"mlp", "conv", "classifier", "vae", "sparse_coding", "psd", "rbm", "stack", "gan",
                                      "dcgan", "codec"}));
  EXPECT_FALSE(option_applies_to("optimizer", "pca"));
}

TEST(TrainConfig, ModelValuesComeFromTheFamilies) {
  const auto families = model_families();
  ASSERT_GE(families.size(), kBuiltInFamilies.size());
  EXPECT_EQ(std::vector<std::string>(families.begin(), families.begin() + std::ptrdiff_t(kBuiltInFamilies.size())),
            kBuiltInFamilies);
  TrainConfig c = TrainConfig::defaults();
  for (const auto& family : kBuiltInFamilies) {
    c.set("model", family);
    EXPECT_EQ(c.family, family);
    EXPECT_EQ(c.get("model"), family);
  }
  EXPECT_EQ(c.model.architecture, models::Architecture::mlp);  // the classifier's encoder, chosen after conv
  expect_error<UsageError>([&] { c.set("model", "cnn"); },
                           {"model: expected mlp, conv, classifier, vae, pca, sparse_coding", "psd", "found 'cnn'"});
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
  expect_error<UsageError>([&] { c.set("activation", "swish"); },
                           {"activation: expected identity, sigmoid, tanh, relu, leaky_relu, leaky_relu_0.2 or softplus, found 'swish'"});
  expect_error<UsageError>([&] { c.set("loss", "l1"); }, {"loss: expected mse or bce, found 'l1'"});
  expect_error<UsageError>([&] { c.set("scaling", "log"); }, {"scaling", "log", "unit"});
  expect_error<UsageError>([&] { c.set("optimizer", "adagrad"); }, {"optimizer", "adagrad", "adam"});
  expect_error<UsageError>([&] { c.set("schedule", "exponential"); }, {"schedule", "exponential"});
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
  for (const char* threads : {"-3", "two", "0.5", "", "AUTO", "2 "})
    expect_error<UsageError>([&] { c.set("threads", threads); },
                             {fmt::format("threads: expected auto or a positive integer, found '{}'", threads)});
  // A failed set leaves the value as it was, and the option not explicitly set.
  EXPECT_DOUBLE_EQ(c.lr, 1e-3);
  EXPECT_EQ(c.optimizer.kind, "adam");
  EXPECT_EQ(c.model.dims, (std::vector<Index>{784, 256, 32}));
  EXPECT_TRUE(c.explicitly_set.empty());
}

TEST(TrainConfig, MisspeltNamesAndValuesGetTheClosestValidOne) {
  TrainConfig c = TrainConfig::defaults();
  expect_error<UsageError>([&] { c.set("epoch", "3"); }, {"unknown option 'epoch': did you mean 'epochs'?"});
  expect_error<UsageError>([&] { (void)c.get("lasso_solvr"); },
                           {"unknown option 'lasso_solvr': did you mean 'lasso_solver'?"});
  expect_error<UsageError>([&] { c.set("optimizer", "adma"); },
                           {"optimizer: expected sgd, adam or rmsprop, found 'adma'; did you mean 'adam'?"});
  expect_error<UsageError>([&] { c.set("model", "sparse-coding"); }, {"did you mean 'sparse_coding'?"});
  expect_error<UsageError>([&] { c.set("activation", "relu6"); }, {"did you mean 'relu'?"});
  // Nothing close: the valid names instead of a guess.
  const std::string message = expect_error<UsageError>([&] { c.set("learning_rate", "0.1"); },
                                                       {"unknown option 'learning_rate': valid options are"});
  EXPECT_EQ(message.find("did you mean"), std::string::npos) << message;
  for (const auto* o : built_in_options()) EXPECT_NE(message.find(o->name), std::string::npos) << o->name;
  const std::string choice = expect_error<UsageError>([&] { c.set("optimizer", "lbfgs"); }, {"lbfgs"});
  EXPECT_EQ(choice.find("did you mean"), std::string::npos) << choice;
}

TEST(TrainConfig, ValidateNamesTheBadOption) {
  const auto invalid = [](const char* name, const char* value, std::initializer_list<std::string_view> phrases) {
    TrainConfig c = TrainConfig::defaults();
    c.set(name, value);  // parses fine
    expect_error<UsageError>([&] { c.validate(); }, phrases);
  };
  invalid("epochs", "-1", {"epochs must be at least 1, found -1"});
  invalid("epochs", "0", {"epochs must be at least 1, found 0"});
  invalid("batch", "0", {"batch must be at least 1, found 0"});
  invalid("batch", "-1", {"batch must be 0 (sparse_coding's batch algorithm) or more, found -1"});
  invalid("lr", "-1", {"lr must be a positive number, found -1"});
  invalid("lr", "0", {"lr must be a positive number, found 0"});
  invalid("val_split", "1.0", {"val_split must be in [0, 1), found 1"});
  invalid("val_split", "-0.1", {"val_split"});
  invalid("patience", "-2", {"patience must be 0 (off) or more, found -2"});
  invalid("clip_norm", "-1", {"clip_norm"});
  invalid("code", "-1", {"code must be 0 (the last entry of dims) or more, found -1"});
  invalid("dims", "784", {"dims"});
  invalid("dims", "784,0", {"dims", "0"});
  invalid("dims", "64,100000000", {"dims", "100000000"});
  invalid("momentum", "1.5", {"momentum"});
  invalid("adam_beta1", "1", {"adam_beta1", "found 1"});
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

// Per family, every option that applies to it set to a value that differs from its default.
std::map<std::string, std::map<std::string, std::string>> unusual_values() {
  const std::map<std::string, std::string> shared = {
      {"data", "npy:/tmp/some dir/x.npy?limit=100"},
      {"test_data", "none"},
      {"scaling", "standardize"},
      {"shape", "1x4x196"},
      {"optimizer", "sgd"},
      {"lr", "0.0123"},
      {"momentum", "0.9"},
      {"adam_beta1", "0.5"},
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
  const std::map<std::string, std::string> autoencoder = {
      {"activation", "tanh"}, {"init", "uniform:0.05"}, {"noise", "uniform:0.2:clip"}};
  std::map<std::string, std::map<std::string, std::string>> values = {
      {"mlp", {{"dims", "32,16,8,2"}, {"init_from", "runs/stack/model.aek"}, {"tied", "true"}, {"contractive", "0.1"}, {"loss", "bce"},
               {"code_activation", "sigmoid"}, {"kl", "0.1:2"}, {"code_noise", "0.5"}}},
      {"conv", {{"conv_preset", "denoiser"}, {"code_activation", "identity"},
                {"output_activation", "identity"}, {"l1", "0.001"},
                {"encoder_layers", "conv 8 3x3 pad=1 relu, maxpool 2, flatten, dense 10 sigmoid"},
                {"decoder_layers", "dense 196 relu, reshape 1x14x14, upsample 2 bilinear, conv 1 3 pad=1"}}},
      {"pca", {{"code", "50"}, {"whiten", "true"}, {"pca_solver", "randomized"}}},
      {"sparse_coding", {{"code", "50"}, {"alpha", "0.25"}, {"lasso_solver", "fista"}}},
      {"psd", {{"code", "50"}, {"alpha", "0.25"}, {"psd_gamma", "2"}, {"lasso_solver", "fista"}}},
      {"rbm", {{"code", "50"}, {"rbm_visible", "gaussian"}, {"scaling", "standardize"}, {"rbm_hidden", "gaussian"},
               {"cd_steps", "3"}, {"persistent", "true"}, {"sparsity_target", "0.05"}, {"sparsity_cost", "0.5"},
               {"sample_steps", "200"}}},
      {"classifier", {{"dims", "32,16,8"}, {"labels", "y.npy"}, {"labelled", "100"}, {"reconstruction_weight", "0.5"},
                      {"init_from", "runs/stack/model.aek"}}},
      {"vae", {{"dims", "784,200,50"}, {"binarize", "true"}, {"loss", "bce"}, {"beta", "0.5"}, {"kl_warmup", "100"}, {"vae_variance", "0.25"},
               {"activation", "tanh"}, {"conditional", "true"}}},
      {"vae/gaussian", {{"dims", "784,200,50"}, {"learn_variance", "true"}}},  // needs the default loss mse
      {"gan", {{"latent", "16"}, {"generator_layers", "dense 64 relu, dense 784 sigmoid"},
               {"discriminator_layers", "dense 64 leaky_relu, dense 1"}, {"generator_loss", "minimax"}, {"d_steps", "5"},
               {"d_lr", "0.0001"}, {"conditional", "true"}}},
      {"gan/info", {{"categorical", "10"}, {"continuous", "2"}, {"info_weight", "0.5"}}},
      {"codec", {{"codec_filters", "32"}, {"codec_latent", "48"}, {"codec_quantization", "noise"}}},
      {"stack", {{"dims", "784,500,30"}, {"layer_trainer", "denoising"}, {"layer_epochs", "3,4"},
                 {"layer_lr", "0.1,0.01"}, {"linear_code", "true"}, {"layer_noise", "gaussian:0.2"}}}};
  for (auto& [key, options] : values) {  // key: the model, or "model/case" for a second set
    const std::string family = key.substr(0, key.find('/'));
    for (const auto& [name, value] : shared)
      if (option_applies_to(name, family)) options.insert({name, value});
    if (family == "mlp" || family == "conv") options.insert(autoencoder.begin(), autoencoder.end());
    options["model"] = family;
  }
  return values;
}

TrainConfig configured(const std::map<std::string, std::string>& values) {
  TrainConfig c = TrainConfig::defaults();
  for (const auto& [name, value] : values) c.set(name, value);
  return c;
}

TrainConfig read_back(const std::string& toml) {
  test::TempDir dir;
  test::write_file(dir / "c.toml", toml);
  TrainConfig back = TrainConfig::defaults();
  back.merge_toml_file(dir / "c.toml");
  return back;
}

void expect_round_trip(const TrainConfig& c) {
  TrainConfig back;
  ASSERT_NO_THROW(back = read_back(c.to_toml())) << c.to_toml();
  for (const auto* o : built_in_options()) EXPECT_EQ(back.get(o->name), c.get(o->name)) << o->name << "\n" << c.to_toml();
  EXPECT_NO_THROW(back.validate());
}

TEST(TrainConfig, EveryOptionRoundTripsThroughSetGetAndConfigToml) {
  expect_round_trip(TrainConfig::defaults());
  std::set<std::string> covered;
  for (const auto& [key, values] : unusual_values()) {
    SCOPED_TRACE(key);
    const TrainConfig c = configured(values);
    for (const auto& [name, value] : values) {
      EXPECT_EQ(c.get(name), value) << name;
      EXPECT_TRUE(option_applies_to(name, values.at("model"))) << name;
      if (name != "model") {
        EXPECT_NE(value, TrainConfig::defaults().get(name)) << name << " is at its default";
      }
      covered.insert(name);
    }
    EXPECT_NO_THROW(c.validate());
    expect_round_trip(c);
  }
  EXPECT_EQ(covered.size(), built_in_options().size());
}

TEST(TrainConfig, ConfigTomlShowsTheSharedSectionsAndTheChosenFamilysWithTomlTypes) {
  const auto values = unusual_values();
  const std::map<std::string, std::string> tables = {
      {"mlp", "autoencoder"}, {"conv", "autoencoder"}, {"pca", "pca"}, {"sparse_coding", "sparse_coding"}, {"psd", "psd"}};
  for (const auto& [family, table] : tables) {
    SCOPED_TRACE(family);
    const TrainConfig c = configured(values.at(family));
    const std::string text = c.to_toml();
    const toml::table parsed = toml::parse(text);
    std::set<std::string> tables_found;
    for (const auto& [key, node] : parsed)
      if (node.is_table()) tables_found.insert(std::string(key.str()));
    EXPECT_EQ(tables_found, (std::set<std::string>{"data", "training", table})) << text;
    EXPECT_EQ(parsed["model"].value<std::string>(), family);
    // A one-shot fit (PCA) has no optimizer or epochs; the models of the loop have them.
    const bool loop = family != "pca";
    EXPECT_EQ(parsed["training"]["lr"].is_floating_point(), loop);
    EXPECT_EQ(parsed["training"]["epochs"].is_integer(), loop);
    EXPECT_EQ(parsed["training"]["nesterov"].is_boolean(), loop);
    EXPECT_EQ(parsed["training"]["optimizer"].is_string(), loop);
    EXPECT_TRUE(parsed["training"]["val_split"].is_floating_point());
    EXPECT_TRUE(parsed["data"]["data"].is_string());
    EXPECT_EQ(parsed["training"]["seed"].value<std::int64_t>(), 1234567890123);
    // Only what applies: the pairs of applicable_settings(), nothing else.
    std::size_t keys = 0;
    for (const auto& [key, node] : parsed) keys += node.is_table() ? node.as_table()->size() : 1;
    EXPECT_EQ(keys, c.applicable_settings().size()) << text;
  }
  const toml::table mlp = toml::parse(configured(values.at("mlp")).to_toml());
  ASSERT_TRUE(mlp["autoencoder"]["dims"].is_array());
  EXPECT_EQ(mlp["autoencoder"]["dims"][3].value<std::int64_t>(), 2);
  EXPECT_FALSE(mlp["autoencoder"]["encoder_layers"]);  // conv only
  EXPECT_EQ(mlp["autoencoder"]["code"].value<std::int64_t>(), 0);  // 0: the last entry of dims
  const toml::table conv = toml::parse(configured(values.at("conv")).to_toml());
  EXPECT_EQ(conv["autoencoder"]["encoder_layers"][1].value<std::string>(), "maxpool 2");
  EXPECT_FALSE(conv["autoencoder"]["dims"]);
  EXPECT_FALSE(conv["autoencoder"]["code"]);  // the output of encoder_layers
  EXPECT_FALSE(conv["autoencoder"]["tied"]);
  const toml::table psd = toml::parse(configured(values.at("psd")).to_toml());
  EXPECT_EQ(psd["psd"]["alpha"].value<double>(), 0.25);
  EXPECT_EQ(psd["psd"]["code"].value<std::int64_t>(), 50);
}

TEST(TrainConfig, ThreadsAreAutoOrACountAndConfigTomlNotesTheChoice) {
  TrainConfig c = TrainConfig::defaults();
  EXPECT_EQ(c.get("threads"), "auto");
  c.set("threads", "4");
  EXPECT_EQ(c.threads, 4);
  EXPECT_EQ(toml::parse(c.to_toml())["training"]["threads"].value<std::int64_t>(), 4);
  c.set("threads", "auto");
  EXPECT_EQ(c.threads, 0);
  EXPECT_EQ(toml::parse(c.to_toml())["training"]["threads"].value<std::string>(), "auto");
  c.set("threads", "0");  // config.toml files from before auto: threads = 0 (all cores)
  EXPECT_EQ(c.get("threads"), "auto");
  // A run's choice goes beside the value as a comment, and is not read back.
  c.threads_note = "2 threads here: 2 cores in this process's CPU affinity, no cgroup CPU quota";
  const std::string text = c.to_toml();
  EXPECT_NE(text.find("\nthreads = \"auto\"  # 2 threads here: 2 cores in this process's CPU affinity, "
                      "no cgroup CPU quota\n"), std::string::npos) << text;
  const TrainConfig back = read_back(text);
  EXPECT_EQ(back.threads, 0);
  EXPECT_EQ(back.threads_note, "");
}

TEST(TrainConfig, ApplicableSettingsAreNamedBySection) {
  TrainConfig c = TrainConfig::defaults();
  c.set("model", "psd");
  c.set("alpha", "0.5");
  const auto settings = c.applicable_settings();
  const std::map<std::string, std::string> by_name(settings.begin(), settings.end());
  EXPECT_EQ(settings.front(), (std::pair<std::string, std::string>{"model", "psd"}));
  EXPECT_EQ(by_name.at("psd.alpha"), "0.5");
  EXPECT_EQ(by_name.at("training.lr"), "0.001");
  EXPECT_EQ(by_name.at("data.scaling"), "unit");
  EXPECT_FALSE(by_name.count("autoencoder.l1"));
  EXPECT_FALSE(by_name.count("psd.whiten"));
}

TEST(TrainConfig, OptionsOfOtherFamiliesAreRefusedWhenSet) {
  const auto values = unusual_values();
  std::map<std::string, std::string> any_family;
  for (const auto& [family, options] : values) any_family.insert(options.begin(), options.end());
  int refusals = 0;
  for (const auto& family : kBuiltInFamilies) {
    for (const auto& [name, value] : any_family) {
      if (option_applies_to(name, family)) continue;
      TrainConfig c = TrainConfig::defaults();
      c.set("model", family);
      c.set(name, value);
      const auto models = models_of(name);
      std::string expected = name + " = " + c.get(name) + " applies to " +
                             (models.size() == 1 ? "model " : "models ");
      for (std::size_t i = 0; i < models.size(); ++i) expected += (i ? ", " : "") + models[i];
      expect_error<UsageError>([&] { c.validate(); }, {expected + ", not to model " + family});
      ++refusals;
    }
  }
  EXPECT_GT(refusals, 40);
  // The messages in words.
  TrainConfig psd = TrainConfig::defaults();
  psd.set("model", "psd");
  psd.set("l1", "0.001");
  expect_error<UsageError>([&] { psd.validate(); }, {"l1 = 0.001 applies to models mlp, conv, not to model psd"});
  TrainConfig conv = TrainConfig::defaults();
  conv.set("model", "conv");
  conv.set("code", "16");
  expect_error<UsageError>([&] { conv.validate(); },
                           {"code = 16 applies to models mlp, classifier, vae, pca, sparse_coding, psd, rbm, stack, not to model conv"});
  TrainConfig mlp = TrainConfig::defaults();
  mlp.set("encoder_layers", "conv 8 3 pad=1, maxpool 2");
  expect_error<UsageError>([&] { mlp.validate(); },
                           {"encoder_layers = conv 8 3 pad=1, maxpool 2 applies to models conv, vae, not to model mlp"});
}

TEST(TrainConfig, OptionsAtTheirDefaultsAreNeverRefused) {
  // Not set: whatever the family, the others' options are quiet.
  for (const auto& family : kBuiltInFamilies) {
    TrainConfig c = TrainConfig::defaults();
    c.set("model", family);
    EXPECT_NO_THROW(c.validate()) << family;
  }
  // Set to the default, or to what the family's own settings imply (code moves the last
  // entry of dims): a flat config.toml of an earlier aekit lists every option.
  TrainConfig c = configured({{"model", "psd"}, {"code", "50"}, {"l1", "0"}, {"tied", "false"},
                              {"dims", "784,256,50"}, {"code_activation", "relu"}});
  EXPECT_NO_THROW(c.validate());
  c.set("dims", "784,128,50");
  expect_error<UsageError>([&] { c.validate(); }, {"dims = 784,128,50 applies to models mlp, classifier, vae, stack, not to model psd"});
}

TEST(TrainConfig, LayerListsBelongToConvModels) {
  TrainConfig c = TrainConfig::defaults();
  c.set("model", "conv");
  c.set("encoder_layers", "conv 8 3 pad=1, maxpool 2");
  c.set("decoder_layers", "deconv 1 2 stride=2");
  EXPECT_NO_THROW(c.validate());
  EXPECT_EQ(c.model.encoder_layers, (std::vector<std::string>{"conv 8 3 pad=1", "maxpool 2"}));
  c.set("tied", "true");
  expect_error<UsageError>([&] { c.validate(); }, {"tied = true applies to models mlp, classifier, not to model conv"});
  c.set("tied", "false");
  c.set("decoder_layers", "deconv 1 2 stride=2 sigmoid");
  expect_error<UsageError>([&] { c.validate(); }, {"must have no activation"});
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
}

TEST(TrainConfig, BaselinesCheckTheirSettings) {
  TrainConfig c = TrainConfig::defaults();
  c.set("model", "psd");
  c.set("alpha", "-1");
  expect_error<UsageError>([&] { c.validate(); }, {"alpha must be >= 0, found -1"});
  c.set("alpha", "1");
  c.set("psd_gamma", "0");
  expect_error<UsageError>([&] { c.validate(); }, {"gamma", "0"});
  c.set("psd_gamma", "1");
  c.set("batch", "0");
  expect_error<UsageError>([&] { c.validate(); }, {"batch size must be >= 1, found 0"});
  c.set("model", "sparse_coding");  // batch 0: the batch algorithm
  EXPECT_NO_THROW(c.validate());
  EXPECT_EQ(c.sparse_coding_config().batch_size, 0);
  c.set("model", "mlp");
  expect_error<UsageError>([&] { c.validate(); }, {"batch must be at least 1, found 0"});
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
  c.set("seed", "18446744073709551615");  // any uint64 is a valid seed; TOML's integers are int64
  EXPECT_EQ(c.seed, 18446744073709551615ull);
  EXPECT_NE(c.to_toml().find("seed = \"18446744073709551615\"\n"), std::string::npos) << c.to_toml();
  expect_round_trip(c);
}

TEST(TrainConfig, FlatAndSectionedTomlAreReadAlike) {
  const TrainConfig flat = read_back(
      "model = \"psd\"\ncode = 20\nalpha = 0.5\nlr = 0.02\nepochs = 3\ndata = \"npy:x.npy\"\n");
  const TrainConfig tables = read_back(
      "model = \"psd\"\n[psd]\ncode = 20\nalpha = 0.5\n[training]\nlr = 0.02\nepochs = 3\n"
      "[data]\ndata = \"npy:x.npy\"\n");
  EXPECT_EQ(flat.to_toml(), tables.to_toml());
  EXPECT_EQ(tables.family, "psd");
  EXPECT_EQ(tables.code, 20);
  EXPECT_DOUBLE_EQ(tables.alpha, 0.5);
  EXPECT_DOUBLE_EQ(tables.lr, 0.02);
  EXPECT_EQ(tables.data, "npy:x.npy");
  EXPECT_EQ(tables.explicitly_set, (std::set<std::string>{"model", "code", "alpha", "lr", "epochs", "data"}));
  // A flat file of an earlier aekit: every option at the top, those of other families at
  // the values the run had (dims moved by code).
  TrainConfig earlier = TrainConfig::defaults();
  earlier.set("model", "psd");
  earlier.set("code", "50");
  std::string old_format;
  for (const auto* o : built_in_options()) old_format += o->name + " = " + o->toml_value(earlier) + "\n";
  const TrainConfig back = read_back(old_format);
  EXPECT_NO_THROW(back.validate()) << old_format;
  EXPECT_EQ(back.to_toml(), earlier.to_toml());
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

  const auto fails = [&](const char* name, const std::string& text, std::initializer_list<std::string_view> phrases) {
    test::write_file(dir / name, text);
    return expect_error<UsageError>([&] { c.merge_toml_file(dir / name); }, phrases);
  };
  fails("unknown.toml", "epochs = 3\nlearning_rate = 0.1\n", {"unknown.toml", "learning_rate", "valid options are", "lr"});
  fails("typo.toml", "epoch = 3\n", {"config '", "typo.toml': unknown option 'epoch': did you mean 'epochs'?"});
  fails("bad-value.toml", "epochs = \"many\"\n", {"bad-value.toml", "epochs", "many"});
  fails("syntax.toml", "epochs = 3\nlr = = 1\n", {"syntax.toml", "line 2"});
  fails("nested.toml", "[training]\nlr = { value = 1 }\n", {"nested.toml", "lr", "config values must be"});
  fails("table.toml", "[model]\ndims = [1, 2]\n",
        {"table.toml': [model] is not a section: expected data, training, autoencoder, pca, sparse_coding", "psd"});
  fails("misspelt-table.toml", "[traning]\nlr = 1\n", {"[traning] is not a section", "did you mean 'training'?"});
  fails("misplaced.toml", "[training]\ndims = [1, 2]\n", {"[training] has no option 'dims': it belongs in [autoencoder]"});
  fails("top.toml", "[data]\nmodel = \"pca\"\n", {"[data] has no option 'model': it belongs at the top"});
  fails("section-typo.toml", "[training]\nepoch = 3\n", {"[training] has no option 'epoch': did you mean 'epochs'?"});
  fails("section-unknown.toml", "[data]\nformat = \"npy\"\n",
        {"[data] has no option 'format': its options are data, test_data, scaling"});
  expect_error<UsageError>([&] { c.merge_toml_file(dir / "missing.toml"); }, {"missing.toml"});
}

// A model family defined outside the library, with settings TrainConfig has no field for.
void register_tiny_family() {
  static const bool registered = [] {
    register_settings_section(
        {.name = "tiny",
         .models = {"tiny"},
         .options = {{.name = "tiny_rate",
                      .type = OptionType::real,
                      .default_value = "0.5",
                      .help = "how fast the tiny model learns",
                      .check = positive(),
                      .binding = stored_as_text()},
                     {.name = "tiny_shape",
                      .type = OptionType::choice,
                      .choices = fixed_choices({"round", "square"}),
                      .default_value = "round",
                      .help = "the tiny model's shape",
                      .binding = stored_as_text()},
                     {.name = "tiny_steps",
                      .type = OptionType::integer,
                      .default_value = "3",
                      .help = "steps of the tiny model, at most epochs",
                      .binding = stored_as_text()}},
         .validate = [](const TrainConfig& c) {
           if (c.number("tiny_steps") > c.epochs)
             throw UsageError(fmt::format("tiny_steps must be at most epochs ({}), found {}", c.epochs,
                                          c.text("tiny_steps")));
         }});
    return true;
  }();
  (void)registered;
}

TEST(TrainConfig, ASectionRegisteredAtRuntimeIsSetReadWrittenAndRefused) {
  register_tiny_family();
  const auto families = model_families();
  EXPECT_EQ(families.back(), "tiny");
  TrainConfig c = TrainConfig::defaults();
  EXPECT_DOUBLE_EQ(c.number("tiny_rate"), 0.5);  // the default, before any set
  c.set("model", "tiny");
  c.set("tiny_rate", "0.25");
  c.set("tiny_shape", "square");
  EXPECT_DOUBLE_EQ(c.number("tiny_rate"), 0.25);
  EXPECT_EQ(c.text("tiny_shape"), "square");
  EXPECT_EQ(c.extra.at("tiny_rate"), "0.25");
  EXPECT_NO_THROW(c.validate());
  // config.toml: the shared sections and [tiny], no other family's.
  const std::string text = c.to_toml();
  EXPECT_NE(text.find("model = \"tiny\"\n"), std::string::npos) << text;
  EXPECT_NE(text.find("\n[tiny]\ntiny_rate = 0.25\ntiny_shape = \"square\"\ntiny_steps = 3\n"), std::string::npos) << text;
  EXPECT_EQ(text.find("[autoencoder]"), std::string::npos) << text;
  const TrainConfig back = read_back(text);
  EXPECT_DOUBLE_EQ(back.number("tiny_rate"), 0.25);
  EXPECT_EQ(back.text("tiny_shape"), "square");
  EXPECT_EQ(back.to_toml(), text);
  // Its types, choices, checks and cross-field checks.
  expect_error<UsageError>([&] { c.set("tiny_steps", "many"); }, {"tiny_steps: expected a number, found 'many'"});
  expect_error<UsageError>([&] { c.set("tiny_shape", "sqare"); },
                           {"tiny_shape: expected round or square, found 'sqare'; did you mean 'square'?"});
  expect_error<UsageError>([&] { (void)c.number("tiny_shape"); }, {"tiny_shape: expected a number, found 'square'"});
  c.set("tiny_rate", "-1");
  expect_error<UsageError>([&] { c.validate(); }, {"tiny_rate must be a positive number, found -1"});
  c.set("tiny_rate", "1");
  c.set("tiny_steps", "20");
  expect_error<UsageError>([&] { c.validate(); }, {"tiny_steps must be at most epochs (10), found 20"});
  c.set("tiny_steps", "3");
  // Refusals both ways.
  c.set("l1", "0.001");
  expect_error<UsageError>([&] { c.validate(); }, {"l1 = 0.001 applies to models mlp, conv, not to model tiny"});
  TrainConfig mlp = TrainConfig::defaults();
  mlp.set("tiny_rate", "0.25");
  expect_error<UsageError>([&] { mlp.validate(); }, {"tiny_rate = 0.25 applies to model tiny, not to model mlp"});
  mlp.set("tiny_rate", "0.5");  // its default: quiet
  EXPECT_NO_THROW(mlp.validate());
  EXPECT_EQ(mlp.to_toml().find("tiny"), std::string::npos);
}

TEST(TrainConfig, RegistrationRefusesClashes) {
  register_tiny_family();
  expect_error<Error>([] { register_settings_section({.name = "tiny", .models = {"tiny"}, .options = {}}); },
                      {"[tiny] is registered twice"});
  Option other_code = find_option("code");
  other_code.help = "something else";
  expect_error<Error>([&] { register_settings_section({.name = "tiny2", .models = {"tiny2"}, .options = {other_code}}); },
                      {"option 'code' of [tiny2] differs from its definition in [autoencoder]"});
  EXPECT_THROW(find_section("tiny2"), UsageError);
}

}  // namespace
}  // namespace aekit::train
