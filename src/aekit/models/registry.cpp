#include "aekit/models/registry.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <mutex>

#include "aekit/error.hpp"
#include "aekit/models/autoencoder/autoencoder.hpp"
#include "aekit/models/classifier/encoder_classifier.hpp"
#include "aekit/models/codec/learned_codec.hpp"
#include "aekit/models/gan/gan.hpp"
#include "aekit/models/vae/vae.hpp"
#include "aekit/models/linear/pca_model.hpp"
#include "aekit/models/rbm/rbm_model.hpp"
#include "aekit/models/sparse/psd_model.hpp"
#include "aekit/models/sparse/sparse_coding_model.hpp"

namespace aekit::models {
namespace {

struct Registration {
  std::string name;
  ModelFactory make;
};

// A model class with a static from_json returning it by value.
template <typename M>
std::unique_ptr<Model> make_from_json(const nlohmann::json& json) {
  return std::make_unique<M>(M::from_json(json));
}

// The table of kinds, the built-in ones first.
struct Registry {
  std::mutex mutex;
  std::vector<Registration> kinds = {
      {Autoencoder::kKind,
       [](const nlohmann::json& json) -> std::unique_ptr<Model> {
         return std::make_unique<Autoencoder>(AutoencoderConfig::from_json(json));
       }},
      {PcaModel::kKind, make_from_json<PcaModel>},
      {SparseCodingModel::kKind, make_from_json<SparseCodingModel>},
      {PsdModel::kKind, make_from_json<PsdModel>},
      {RbmModel::kKind, make_from_json<RbmModel>},
      {EncoderClassifier::kKind,
       [](const nlohmann::json& json) -> std::unique_ptr<Model> { return EncoderClassifier::from_json(json); }},
      {Vae::kKind,
       [](const nlohmann::json& json) -> std::unique_ptr<Model> { return std::make_unique<Vae>(VaeConfig::from_json(json)); }},
      {Gan::kKind,
       [](const nlohmann::json& json) -> std::unique_ptr<Model> { return std::make_unique<Gan>(GanConfig::from_json(json)); }},
      {LearnedCodec::kKind,
       [](const nlohmann::json& json) -> std::unique_ptr<Model> {
         return std::make_unique<LearnedCodec>(LearnedCodecConfig::from_json(json));
       }},
  };
};

Registry& registry() {
  static Registry instance;
  return instance;
}

std::vector<std::string> names(const std::vector<Registration>& kinds) {
  std::vector<std::string> out;
  for (const auto& kind : kinds) out.push_back(kind.name);
  return out;
}

}  // namespace

void register_model_kind(const std::string& name, ModelFactory factory) {
  auto& r = registry();
  const std::lock_guard lock(r.mutex);
  for (const auto& kind : r.kinds)
    if (kind.name == name)
      throw Error(fmt::format("register_model_kind: expected a new kind, found '{}' already "
                              "registered", name));
  r.kinds.push_back({name, std::move(factory)});
}

std::vector<std::string> model_kinds() {
  auto& r = registry();
  const std::lock_guard lock(r.mutex);
  return names(r.kinds);
}

std::unique_ptr<Model> make_model(const nlohmann::json& json) {
  const auto name = json.at("kind").get<std::string>();
  ModelFactory make;
  {
    auto& r = registry();
    const std::lock_guard lock(r.mutex);
    for (const auto& kind : r.kinds)
      if (kind.name == name) make = kind.make;
    if (!make)
      throw Error(fmt::format("unknown model kind '{}'; known kinds: {}", name,
                              fmt::join(names(r.kinds), ", ")));
  }
  return make(json);
}

}  // namespace aekit::models
