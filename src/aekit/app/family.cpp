#include "aekit/app/family.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "aekit/error.hpp"

namespace aekit::app {
namespace {

std::vector<Family>& families() {
  static std::vector<Family> table = {autoencoder_family(), pca_family(),
                                      sparse_coding_family(), psd_family(), rbm_family(),
                                      stack_family(), classifier_family(), vae_family(), gan_family(), codec_family()};
  return table;
}

}  // namespace

const Family& find_family(const std::string& name) {
  for (const auto& family : families())
    if (std::find(family.names.begin(), family.names.end(), name) != family.names.end())
      return family;
  throw UsageError(fmt::format("model: expected one of {}, found '{}'", fmt::join(family_names(), ", "), name));
}

void register_family(Family family) { families().push_back(std::move(family)); }

std::vector<std::string> family_names() {
  std::vector<std::string> names;
  for (const auto& family : families()) names.insert(names.end(), family.names.begin(), family.names.end());
  return names;
}

void require_unit_interval(ConstMatrixRef x, const std::string& what, const std::string& alternative) {
  const double low = x.size() ? double(x.minCoeff()) : 0, high = x.size() ? double(x.maxCoeff()) : 0;
  if (low < 0 || high > 1)
    throw UsageError(fmt::format("{} needs data in [0, 1] (scaling = unit): found values from {:g} to {:g}; "
                                 "use scaling = unit, {}", what, low, high, alternative));
}

Index class_count(std::span<const int> labels, const std::string& who) {
  if (labels.empty())
    throw UsageError(fmt::format("{} needs a class label per training row: the data has none (set --labels FILE, "
                                 "or ?labels=FILE or ?label_column=K in the data spec)", who));
  const auto [low, high] = std::minmax_element(labels.begin(), labels.end());
  if (*low < 0) throw UsageError(fmt::format("labels: expected class indices >= 0, found {}", *low));
  return Index(*high) + 1;
}

train::LoopSettings loop_settings(const train::TrainConfig& config) {
  train::LoopSettings s;
  s.epochs = config.epochs;
  s.batch = config.batch;
  s.seed = config.seed;
  s.patience = config.patience;
  s.schedule = config.schedule;
  s.clip_norm = config.clip_norm;
  return s;
}

}  // namespace aekit::app
