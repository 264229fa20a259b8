#include "aekit/train/train_config.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cmath>
#include <sstream>
#include <toml++/toml.h>

#include "aekit/data/scaling.hpp"
#include "aekit/error.hpp"
#include "aekit/models/linear/pca_model.hpp"
#include "aekit/models/sparse/psd_model.hpp"
#include "aekit/models/sparse/sparse_coding_model.hpp"

namespace aekit::train {

const std::vector<OptionSpec>& train_options() {
  static const std::vector<OptionSpec> options = {
      {"data", "fashion-mnist:train", "training data set (fashion-mnist:train, npy:F, idx:F, csv:F, images:DIR, patches:DIR:SIZE[:STRIDE])"},
      {"test_data", "fashion-mnist:test", "test data set for the final metrics; 'none' to skip"},
      {"scaling", "unit", "input scaling fitted on the training data: unit | symmetric | standardize | none"},
      {"model", "mlp", "autoencoders: mlp (Dense layers from dims) | conv (encoder_layers, decoder_layers); baselines, fitted on the training rows: pca | sparse_coding (dictionary learning, LASSO encoder) | psd (predictive sparse decomposition)"},
      {"dims", "784,256,32", "mlp: layer sizes from input to code; the decoder mirrors them"},
      {"code", "0", "code size: the last entry of dims (mlp), the components (pca), the atoms (sparse_coding, psd); 0: the last entry of dims"},
      {"alpha", "1", "sparse_coding, psd: weight of the L1 penalty on the code (psd's lambda)"},
      {"psd_gamma", "1", "psd: weight of the prediction error ||h - f(x)||^2 / 2"},
      {"whiten", "false", "pca: codes with unit variance"},
      {"pca_solver", "auto", "pca: exact | randomized | auto (exact when min(rows, features) <= 1000)"},
      {"lasso_solver", "cd", "sparse_coding, psd: the LASSO solver, cd (coordinate descent) | fista"},
      {"encoder_layers", "", "conv: encoder layers, one text each (in a flag: comma-separated), e.g. \"conv 32 3x3 pad=1 relu, maxpool 2\"; empty: the default conv autoencoder"},
      {"conv_preset", "convae", "conv model without layer lists: convae (lecture 003's ConvAE, image sides multiples of 4) | denoiser (fully convolutional, patches of any size)"},
      {"decoder_layers", "", "conv: decoder layers; the last one has no activation (output_activation follows) and gives back the input shape"},
      {"activation", "relu", "hidden activation: identity | sigmoid | tanh | relu | leaky_relu | softplus"},
      {"code_activation", "", "code layer activation (empty: same as activation)"},
      {"output_activation", "sigmoid", "output activation (sigmoid for data in [0,1])"},
      {"tied", "false", "decoder uses the transposed encoder weights"},
      {"init", "glorot", "weight init: glorot | he | torch | uniform:A"},
      {"loss", "mse", "reconstruction loss: mse | bce (bce needs a sigmoid output)"},
      {"noise", "none", "denoising: corrupt inputs, score against clean ones: none | gaussian:SIGMA | mask:NU | saltpepper:P | uniform:A, optional :clip (clamp to the data range)"},
      {"l1", "0", "L1 sparsity on the code: lambda * mean over rows of sum_j |h_j|; 0 = off"},
      {"kl", "none", "KL sparsity on a sigmoid code: RHO:BETA (target mean activation, weight), e.g. 0.05:3"},
      {"contractive", "0", "contractive penalty lambda * ||J||_F^2 of the first encoder layer; 0 = off"},
      {"code_noise", "0", "sigma of Gaussian noise before the code activation while training (near-binary sigmoid codes)"},
      {"optimizer", "adam", "sgd | adam | rmsprop"},
      {"lr", "0.001", "learning rate (psd: its plain gradient step on D, W, b; try 0.01 to 0.05)"},
      {"momentum", "0", "SGD momentum"},
      {"nesterov", "false", "Nesterov momentum (SGD)"},
      {"weight_decay", "0", "L2 weight decay added to the gradient"},
      {"clip_norm", "0", "clip the gradient's global L2 norm to this value; 0 = off"},
      {"schedule", "constant", "learning-rate schedule: constant | step | cosine"},
      {"step_size", "10", "step schedule: epochs between decays"},
      {"gamma", "0.1", "step schedule: decay factor"},
      {"min_lr", "0", "cosine schedule: final learning rate"},
      {"epochs", "10", "training epochs (sparse_coding: epochs of the online algorithm, or iterations with batch 0)"},
      {"batch", "128", "minibatch size (sparse_coding: 0 runs the batch algorithm on all rows)"},
      {"val_split", "0.1", "share of training rows held out for validation (0 = none)"},
      {"patience", "5", "early stopping after this many epochs without validation gain; 0 = off"},
      {"seed", "42", "random seed (same seed, threads and build: identical weights)"},
      {"threads", "0", "worker threads; 0 = all cores"},
      {"out", "", "run folder (default runs/ae-<date>-<time>)"},
  };
  return options;
}

namespace {

std::string names_of_options() {
  std::vector<std::string> names;
  for (const auto& o : train_options()) names.emplace_back(o.name);
  return fmt::format("{}", fmt::join(names, ", "));
}

template <typename T>
T parse_number(std::string_view name, const std::string& text) {
  T value{};
  const auto* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc() || ptr != end || text.empty())
    throw UsageError(fmt::format("{}: expected a number, found '{}'", name, text));
  if constexpr (std::is_floating_point_v<T>)
    if (!std::isfinite(value)) throw UsageError(fmt::format("{}: expected a finite number, found '{}'", name, text));
  return value;
}

bool parse_bool(std::string_view name, const std::string& text) {
  if (text == "true" || text == "1" || text == "yes") return true;
  if (text == "false" || text == "0" || text == "no") return false;
  throw UsageError(fmt::format("{}: expected true or false, found '{}'", name, text));
}

// "a, b ,c" -> {"a", "b", "c"}; "" -> {}.
std::vector<std::string> split_list(const std::string& text) {
  std::vector<std::string> items;
  std::stringstream in(text);
  std::string part;
  while (std::getline(in, part, ',')) {
    const auto first = part.find_first_not_of(" \t");
    const auto last = part.find_last_not_of(" \t");
    items.push_back(first == std::string::npos ? "" : part.substr(first, last - first + 1));
  }
  return items;
}

std::vector<Index> parse_dims(const std::string& text) {
  std::vector<Index> dims;
  std::stringstream in(text);
  std::string part;
  while (std::getline(in, part, ',')) dims.push_back(parse_number<Index>("dims", part));
  return dims;
}

void require(bool ok, std::string_view name, std::string_view expected, const std::string& found) {
  if (!ok) throw UsageError(fmt::format("{} must be {}, found {}", name, expected, found));
}

// "pca" | "sparse_coding" | "psd"; the autoencoders are named by architecture (mlp, conv).
std::string parse_baseline_kind(const std::string& name) {
  for (const char* kind : {models::PcaModel::kKind, models::SparseCodingModel::kKind, models::PsdModel::kKind})
    if (name == kind) return kind;
  throw UsageError(fmt::format("model: expected mlp, conv, pca, sparse_coding or psd, found '{}'", name));
}

// TOML scalars and arrays as the text the flag would carry.
std::string toml_to_text(const toml::node& node) {
  if (auto s = node.as_string()) return s->get();
  if (auto i = node.as_integer()) return std::to_string(i->get());
  if (auto f = node.as_floating_point()) return fmt::format("{}", f->get());
  if (auto b = node.as_boolean()) return b->get() ? "true" : "false";
  if (auto a = node.as_array()) {
    std::vector<std::string> parts;
    for (const auto& e : *a) parts.push_back(toml_to_text(e));
    return fmt::format("{}", fmt::join(parts, ","));
  }
  throw UsageError("config values must be strings, numbers, booleans or arrays of numbers");
}

}  // namespace

TrainConfig TrainConfig::defaults() {
  TrainConfig c;
  for (const auto& o : train_options()) c.set(o.name, o.default_value);
  return c;
}

void TrainConfig::set(std::string_view name, const std::string& v) {
  if (name == "data") data = v;
  else if (name == "test_data") test_data = v;
  else if (name == "scaling") scaling = std::string(data::scaling_name(data::parse_scaling_kind(v)));
  else if (name == "model") {
    kind = v == "mlp" || v == "conv" ? models::Autoencoder::kKind : parse_baseline_kind(v);
    if (kind == models::Autoencoder::kKind) model.architecture = models::parse_architecture(v);
  } else if (name == "dims") {
    model.dims = parse_dims(v);
    if (code > 0 && !model.dims.empty()) model.dims.back() = code;
  } else if (name == "code") {
    code = parse_number<Index>(name, v);
    if (code > 0 && !model.dims.empty()) model.dims.back() = code;
  }
  else if (name == "alpha") alpha = parse_number<double>(name, v);
  else if (name == "psd_gamma") psd_gamma = parse_number<double>(name, v);
  else if (name == "whiten") whiten = parse_bool(name, v);
  else if (name == "pca_solver") pca_solver = models::parse_pca_solver(v);
  else if (name == "lasso_solver") lasso_solver = models::parse_lasso_solver(v);
  else if (name == "encoder_layers") model.encoder_layers = split_list(v);
  else if (name == "decoder_layers") model.decoder_layers = split_list(v);
  else if (name == "conv_preset") model.conv_preset = models::parse_conv_preset(v);
  else if (name == "activation") {
    model.hidden = parse_activation(v);
    if (code_follows_activation) model.code = model.hidden;
  } else if (name == "code_activation") {
    code_follows_activation = v.empty();
    model.code = v.empty() ? model.hidden : parse_activation(v);
  }
  else if (name == "output_activation") model.output = parse_activation(v);
  else if (name == "tied") model.tied = parse_bool(name, v);
  else if (name == "init") model.init = nn::Init::parse(v);
  else if (name == "loss") loss = models::parse_loss(v);
  else if (name == "noise") noise = models::Corruption::parse(v);
  else if (name == "l1") l1 = models::SparsityPenalty::l1(parse_number<double>(name, v)).weight;
  else if (name == "kl") kl = v == "none" ? models::SparsityPenalty{} : models::SparsityPenalty::parse("kl:" + v);
  else if (name == "contractive") contractive = models::ContractivePenalty::parse(v);
  else if (name == "code_noise") model.code_noise = parse_number<double>(name, v);
  else if (name == "optimizer") optimizer.kind = v;
  else if (name == "lr") lr = parse_number<double>(name, v);
  else if (name == "momentum") optimizer.momentum = parse_number<double>(name, v);
  else if (name == "nesterov") optimizer.nesterov = parse_bool(name, v);
  else if (name == "weight_decay") optimizer.weight_decay = parse_number<double>(name, v);
  else if (name == "clip_norm") clip_norm = parse_number<double>(name, v);
  else if (name == "schedule") schedule.kind = v;
  else if (name == "step_size") schedule.step_size = parse_number<int>(name, v);
  else if (name == "gamma") schedule.gamma = parse_number<double>(name, v);
  else if (name == "min_lr") schedule.min_lr = parse_number<double>(name, v);
  else if (name == "epochs") epochs = parse_number<int>(name, v);
  else if (name == "batch") batch = parse_number<Index>(name, v);
  else if (name == "val_split") val_split = parse_number<double>(name, v);
  else if (name == "patience") patience = parse_number<int>(name, v);
  else if (name == "seed") seed = parse_number<std::uint64_t>(name, v);
  else if (name == "threads") threads = parse_number<int>(name, v);
  else if (name == "out") out = v;
  else
    throw UsageError(fmt::format("unknown option '{}': valid options are {}", name, names_of_options()));
}

std::string TrainConfig::get(std::string_view name) const {
  if (name == "data") return data;
  if (name == "test_data") return test_data;
  if (name == "scaling") return scaling;
  if (name == "model")
    return kind == models::Autoencoder::kKind ? models::architecture_name(model.architecture) : kind;
  if (name == "dims") return fmt::format("{}", fmt::join(model.dims, ","));
  if (name == "code") return std::to_string(code);
  if (name == "alpha") return fmt::format("{}", alpha);
  if (name == "psd_gamma") return fmt::format("{}", psd_gamma);
  if (name == "whiten") return whiten ? "true" : "false";
  if (name == "pca_solver") return models::pca_solver_name(pca_solver);
  if (name == "lasso_solver") return models::lasso_solver_name(lasso_solver);
  if (name == "encoder_layers") return fmt::format("{}", fmt::join(model.encoder_layers, ", "));
  if (name == "decoder_layers") return fmt::format("{}", fmt::join(model.decoder_layers, ", "));
  if (name == "conv_preset") return models::conv_preset_name(model.conv_preset);
  if (name == "activation") return activation_name(model.hidden);
  if (name == "code_activation") return activation_name(model.code);
  if (name == "output_activation") return activation_name(model.output);
  if (name == "tied") return model.tied ? "true" : "false";
  if (name == "init") return model.init.name();
  if (name == "loss") return models::loss_name(loss);
  if (name == "noise") return noise.name();
  if (name == "l1") return fmt::format("{}", l1);
  if (name == "kl") return kl.kind == models::SparsityPenalty::Kind::none ? "none" : fmt::format("{}:{}", kl.rho, kl.weight);
  if (name == "contractive") return fmt::format("{}", contractive.weight);
  if (name == "code_noise") return fmt::format("{}", model.code_noise);
  if (name == "optimizer") return optimizer.kind;
  if (name == "lr") return fmt::format("{}", lr);
  if (name == "momentum") return fmt::format("{}", optimizer.momentum);
  if (name == "nesterov") return optimizer.nesterov ? "true" : "false";
  if (name == "weight_decay") return fmt::format("{}", optimizer.weight_decay);
  if (name == "clip_norm") return fmt::format("{}", clip_norm);
  if (name == "schedule") return schedule.kind;
  if (name == "step_size") return std::to_string(schedule.step_size);
  if (name == "gamma") return fmt::format("{}", schedule.gamma);
  if (name == "min_lr") return fmt::format("{}", schedule.min_lr);
  if (name == "epochs") return std::to_string(epochs);
  if (name == "batch") return std::to_string(batch);
  if (name == "val_split") return fmt::format("{}", val_split);
  if (name == "patience") return std::to_string(patience);
  if (name == "seed") return std::to_string(seed);
  if (name == "threads") return std::to_string(threads);
  if (name == "out") return out;
  throw UsageError(fmt::format("unknown option '{}': valid options are {}", name, names_of_options()));
}

void TrainConfig::merge_toml_file(const std::filesystem::path& path) {
  toml::table table;
  try {
    table = toml::parse_file(path.string());
  } catch (const toml::parse_error& e) {
    const auto& where = e.source().begin;
    throw UsageError(fmt::format("config '{}' line {}, column {}: {}", path.string(), where.line,
                                 where.column, e.description()));
  }
  for (const auto& [key, node] : table) {
    try {
      (void)get(key.str());  // an unknown key (or a [table]) is named, with the valid ones
      std::string text;
      try {
        text = toml_to_text(node);
      } catch (const UsageError& e) {
        throw UsageError(fmt::format("{}: {}", key.str(), e.what()));
      }
      set(key.str(), text);
    } catch (const UsageError& e) {
      throw UsageError(fmt::format("config '{}': {}", path.string(), e.what()));
    }
  }
}

void TrainConfig::validate() const {
  require(code >= 0, "code", "0 (the last entry of dims) or more", std::to_string(code));
  if (kind != models::Autoencoder::kKind) validate_baseline();
  model.validate();
  if (code > 0 && kind == models::Autoencoder::kKind && model.architecture == models::Architecture::conv)
    throw UsageError(fmt::format("code {} applies to mlp, pca, sparse_coding and psd models; a conv "
                                 "model's code is the output of its encoder_layers", code));
  optimizer.validate();
  schedule.validate();
  require(lr > 0, "lr", "a positive number", fmt::format("{}", lr));
  require(epochs >= 1, "epochs", "at least 1", std::to_string(epochs));
  if (kind == models::Autoencoder::kKind)
    require(batch >= 1, "batch", "at least 1", std::to_string(batch));
  require(val_split >= 0 && val_split < 1, "val_split", "in [0, 1)", fmt::format("{}", val_split));
  require(patience >= 0, "patience", "0 (off) or more", std::to_string(patience));
  require(clip_norm >= 0, "clip_norm", "0 (off) or positive", fmt::format("{}", clip_norm));
  require(threads >= 0, "threads", "0 (all cores) or more", std::to_string(threads));
  models::Objective(loss, model.output);  // throws if the loss does not fit the output
  regularization().validate(model);
}

void TrainConfig::validate_baseline() const {
  const std::string name = get("model");
  const auto refuse = [&](bool set, const char* option) {
    if (set)
      throw UsageError(fmt::format("{} = {} applies to autoencoders, not to model {}", option,
                                   get(option), name));
  };
  refuse(l1 > 0, "l1");
  refuse(kl.active(), "kl");
  refuse(contractive.weight > 0, "contractive");
  refuse(model.code_noise > 0, "code_noise");
  refuse(model.tied, "tied");
  refuse(!model.encoder_layers.empty(), "encoder_layers");
  refuse(!model.decoder_layers.empty(), "decoder_layers");
  require(batch >= 0, "batch", "0 (batch algorithm) or more", std::to_string(batch));
  if (kind == models::PcaModel::kKind) return;
  models::validate_l1_weight(alpha, "alpha");
  if (kind == models::PsdModel::kKind) psd_config().validate();
  else sparse_coding_config().validate();
}

Index TrainConfig::code_size() const { return code > 0 ? code : model.dims.back(); }

models::PcaConfig TrainConfig::pca_config() const {
  models::PcaConfig c;
  c.components = code_size();
  c.whiten = whiten;
  c.solver = pca_solver;
  c.seed = seed;
  return c;
}

models::SparseCodingConfig TrainConfig::sparse_coding_config() const {
  models::SparseCodingConfig c;
  c.atoms = code_size();
  c.alpha = alpha;
  c.iterations = epochs;
  c.batch_size = batch;
  c.seed = seed;
  c.lasso.solver = lasso_solver;
  return c;
}

models::PsdConfig TrainConfig::psd_config() const {
  models::PsdConfig c;
  c.atoms = code_size();
  c.lambda = alpha;
  c.gamma = psd_gamma;
  c.lr = lr;
  c.epochs = epochs;
  c.batch_size = batch;
  c.seed = seed;
  c.lasso.solver = lasso_solver;
  return c;
}

models::Regularization TrainConfig::regularization() const {
  if (l1 > 0 && kl.active())
    throw UsageError(fmt::format("l1 {} and kl {} are both set: choose one sparsity penalty", l1,
                                 get("kl")));
  models::Regularization r;
  r.corruption = noise;
  if (scaling == "symmetric") r.corruption.low = -1;
  r.sparsity = l1 > 0 ? models::SparsityPenalty::l1(l1) : kl;
  r.contractive = contractive;
  return r;
}

namespace {

// `text` as a TOML basic string: quoted, with backslash, quote and control characters escaped.
std::string toml_string(std::string_view text) {
  std::string out = "\"";
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (ch == '"' || ch == '\\')
      out += {'\\', ch};
    else if (c < 0x20 || c == 0x7f)
      out += fmt::format("\\u{:04X}", c);
    else
      out += ch;
  }
  return out + "\"";
}

}  // namespace

std::string TrainConfig::to_toml() const {
  // Options written bare (TOML numbers and booleans); all others are strings, whatever they
  // look like: a run folder named 001 or 1e5 is a string.
  static constexpr std::string_view kBare[] = {
      "code", "alpha", "psd_gamma", "whiten", "tied", "nesterov", "l1", "contractive", "code_noise", "lr", "momentum", "weight_decay", "clip_norm", "step_size", "gamma",
      "min_lr", "epochs", "batch", "val_split", "patience", "threads"};
  std::string text = "# aekit train: resolved settings of this run\n";
  for (const auto& o : train_options()) {
    const std::string_view name = o.name;
    const std::string value = get(name);
    const bool bare = std::find(std::begin(kBare), std::end(kBare), name) != std::end(kBare) ||
                      // TOML integers are signed 64-bit: larger seeds go as strings.
                      (name == "seed" && seed <= std::uint64_t(INT64_MAX));
    if (name == "dims")
      text += fmt::format("{} = [{}]\n", name, value);
    else if (name == "encoder_layers" || name == "decoder_layers") {
      const auto& layers = name == "encoder_layers" ? model.encoder_layers : model.decoder_layers;
      std::vector<std::string> quoted;
      for (const auto& layer : layers) quoted.push_back(toml_string(layer));
      text += fmt::format("{} = [{}]\n", name, fmt::join(quoted, ", "));
    }
    else if (bare)
      text += fmt::format("{} = {}\n", name, value);
    else
      text += fmt::format("{} = {}\n", name, toml_string(value));
  }
  return text;
}

}  // namespace aekit::train
