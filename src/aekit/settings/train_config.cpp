#include "aekit/settings/train_config.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "aekit/error.hpp"
#include "aekit/number_text.hpp"
#include "aekit/settings/registry.hpp"

namespace aekit::train {

TrainConfig TrainConfig::defaults() {
  TrainConfig c;
  for (const auto& listed : settings_options()) listed.option->assign(c, listed.option->default_value);
  return c;
}

void TrainConfig::set(std::string_view name, const std::string& value) {
  find_option(name).assign(*this, value);
  explicitly_set.insert(std::string(name));
}

std::string TrainConfig::get(std::string_view name) const { return find_option(name).value(*this); }

double TrainConfig::number(std::string_view name) const {
  const std::string value = get(name);
  const auto x = parse_double(value);
  if (!x) throw UsageError(fmt::format("{}: expected a number, found '{}'", name, value));
  return *x;
}

std::string TrainConfig::text(std::string_view name) const { return get(name); }

void TrainConfig::validate() const {
  refuse_inapplicable_settings();
  for (const auto& listed : applicable_options(family)) listed.option->check_value(*this);
  for (const auto& section : settings_sections())
    if (section.applies_to(family) && section.validate) section.validate(*this);
}

void TrainConfig::refuse_inapplicable_settings() const {
  // An option that does not apply to the model may still hold what the applicable ones
  // imply for it (code moves the last entry of dims, activation the code's): a config.toml
  // of an older aekit lists every option. Only other values are refused.
  TrainConfig implied = defaults();
  for (const auto& listed : applicable_options(family))
    listed.option->assign(implied, listed.option->value(*this));
  for (const auto& name : explicitly_set) {
    if (option_applies_to(name, family) || get(name) == implied.get(name)) continue;
    const auto models = models_of(name);
    throw UsageError(fmt::format("{} = {} applies to {} {}, not to model {}", name, get(name),
                                 models.size() == 1 ? "model" : "models", fmt::join(models, ", "),
                                 family));
  }
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

models::VaeConfig TrainConfig::vae_config() const {
  models::VaeConfig c;
  c.dims = model.dims;
  c.hidden = model.hidden;
  c.init = model.init;
  c.likelihood = loss == models::LossKind::bce ? models::VaeLikelihood::bernoulli : models::VaeLikelihood::gaussian;
  c.variance = vae_variance;
  c.learn_variance = learn_variance;
  c.binarize = binarize;
  if (!model.encoder_layers.empty() || !model.decoder_layers.empty()) {  // a conv vae
    c.encoder_layers = model.encoder_layers;
    c.decoder_layers = model.decoder_layers;
    c.input_shape = model.input_shape;
    c.dims = {model.input_shape.size(), code_size()};
  }
  return c;
}

std::string TrainConfig::objective_name() const {
  if (family == "vae")
    return get("loss") == "bce" ? "negative ELBO, bernoulli decoder" : "negative ELBO, gaussian decoder";
  if (family == "gan" || family == "dcgan") return fmt::format("discriminator loss L_D ({} generator loss)", get("generator_loss"));
  if (family == "codec") return "rate + lambda_q * distortion (bits per pixel + lambda_q MSE on 0..255)";
  if (family != "classifier") return get("loss");
  if (reconstruction_weight == 0) return "cross-entropy";
  return fmt::format("cross-entropy + {} * {}", get("reconstruction_weight"), get("loss"));
}

models::RbmTraining TrainConfig::rbm_training() const {
  models::RbmTraining c = rbm;
  c.batch = batch;
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

std::vector<std::pair<std::string, std::string>> TrainConfig::applicable_settings() const {
  std::vector<std::pair<std::string, std::string>> settings;
  for (const auto& [section, option] : applicable_options(family))
    settings.emplace_back(section->name.empty() ? option->name : section->name + "." + option->name,
                          option->value(*this));
  return settings;
}

}  // namespace aekit::train
