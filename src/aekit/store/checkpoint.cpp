#include "aekit/store/checkpoint.hpp"

#include <fmt/format.h>

#include <cmath>
#include <limits>

#include "aekit/error.hpp"
#include "aekit/io/model_file.hpp"

namespace aekit::store {
namespace {

void append(std::vector<float>& blob, std::span<const Scalar> values) {
  blob.insert(blob.end(), values.begin(), values.end());
}

std::span<const Scalar> span_of(const Vector& v) { return {v.data(), std::size_t(v.size())}; }

// The names of an optimizer's state arrays, sized for `parameters` values.
std::vector<std::pair<std::string, Vector*>> optimizer_arrays(optim::Optimizer* optimizer, std::size_t parameters) {
  if (!optimizer) return {};
  optimizer->reserve(Index(parameters));
  return optimizer->state();
}

}  // namespace

io::ModelFile checkpoint_file(nlohmann::json header, train::TrainingStep& step,
                              const train::TrainerState& state) {
  io::ModelFile file;
  file.header = std::move(header);
  file.header.erase("state");  // the blob is laid out as "checkpoint" says
  for (const auto& g : step.groups()) append(file.blob, g.values);
  // Before the first epoch ends, the best values are the current ones.
  const std::vector<float> current = file.blob;
  if (state.best_values.size())
    append(file.blob, span_of(state.best_values));
  else
    file.blob.insert(file.blob.end(), current.begin(), current.end());
  nlohmann::json groups = nlohmann::json::array();
  for (auto& g : step.groups()) {
    nlohmann::json names = nlohmann::json::array();
    for (const auto& [name, array] : optimizer_arrays(g.optimizer, g.values.size())) {
      names.push_back(name);
      append(file.blob, span_of(*array));
    }
    groups.push_back({{"name", g.name}, {"values", g.values.size()},
                      {"optimizer_steps", g.optimizer ? g.optimizer->steps() : 0},
                      {"optimizer_arrays", names}});
  }
  const Vector extra = step.extra_state();
  append(file.blob, span_of(extra));
  append(file.blob, span_of(state.best_extra.size() ? state.best_extra : extra));
  file.header["checkpoint"] = {{"epochs_done", state.epochs_done},
                               {"best_val_loss", state.best_val_loss},
                               {"best_epoch", state.best_epoch},
                               {"epochs_without_gain", state.epochs_without_gain},
                               {"history", state.history_json()},
                               {"partial_epoch", state.partial.to_json()},
                               {"groups", groups}};
  return file;
}

namespace {

// The checkpoint's description of each group; a file from before groups has one, with the
// optimizer fields at the top level.
nlohmann::json saved_groups(const nlohmann::json& c) {
  if (c.contains("groups")) return c.at("groups");
  return nlohmann::json::array({{{"name", "model"},
                                 {"optimizer_steps", c.at("optimizer_steps")},
                                 {"optimizer_arrays", c.at("optimizer_arrays")}}});
}

nlohmann::json restore(const std::filesystem::path& path, const io::ModelFile& file,
                       const nlohmann::json& expected_model, train::TrainingStep& step,
                       train::TrainerState& state) {
  const auto fail = [&](const std::string& why) {
    return Error(fmt::format("cannot resume from '{}': {}", path.string(), why));
  };
  if (!file.header.contains("checkpoint") || !file.header.contains("model"))
    throw fail("it is not a checkpoint");
  if (file.header["model"] != expected_model)
    throw fail(fmt::format("it holds model {}, this run asks for {}", file.header["model"].dump(),
                           expected_model.dump()));
  const auto& c = file.header["checkpoint"];
  const nlohmann::json saved = saved_groups(c);
  auto groups = step.groups();
  if (saved.size() != groups.size())
    throw fail(fmt::format("it has {} parameter groups, this run has {}", saved.size(), groups.size()));
  std::size_t values = 0, arrays = 0;
  std::vector<std::vector<std::pair<std::string, Vector*>>> optimizer_state;
  for (std::size_t i = 0; i < groups.size(); ++i) {
    auto& g = groups[i];
    if (saved[i].at("name").get<std::string>() != g.name)
      throw fail(fmt::format("its group {} is '{}', this run's is '{}'", i + 1,
                             saved[i].at("name").get<std::string>(), g.name));
    optimizer_state.push_back(optimizer_arrays(g.optimizer, g.values.size()));
    std::vector<std::string> names;
    for (const auto& a : optimizer_state.back()) names.push_back(a.first);
    if (saved[i].at("optimizer_arrays").get<std::vector<std::string>>() != names)
      throw fail(fmt::format("its group '{}' was written by a different optimizer", g.name));
    values += g.values.size();
    arrays += names.size() * g.values.size();
  }
  const std::size_t extra = std::size_t(step.extra_state().size());
  const std::size_t expected = 2 * values + arrays + 2 * extra;
  if (file.blob.size() != expected)
    throw fail(fmt::format("expected {} values, found {}", expected, file.blob.size()));

  const float* at = file.blob.data();
  const auto take = [&](std::size_t n) {
    const float* first = at;
    at += n;
    return Eigen::Map<const Eigen::VectorXf>(first, Index(n)).cast<Scalar>();
  };
  for (auto& g : groups) {
    const Vector v = take(g.values.size());
    std::copy(v.begin(), v.end(), g.values.begin());
  }
  state.best_values = take(values);
  for (std::size_t i = 0; i < groups.size(); ++i) {
    for (auto& [name, array] : optimizer_state[i]) *array = take(groups[i].values.size());
    if (groups[i].optimizer) groups[i].optimizer->set_steps(saved[i].at("optimizer_steps").get<long long>());
  }
  const Vector current_extra = take(extra);
  step.set_extra_state(span_of(current_extra));
  state.best_extra = take(extra);
  state.epochs_done = c.at("epochs_done").get<int>();
  state.best_epoch = c.at("best_epoch").get<int>();
  // JSON has no infinity: null is the +inf of a run stopped inside its first epoch (no best
  // yet), else the NaN of a run without validation.
  state.best_val_loss = !c.at("best_val_loss").is_null() ? c.at("best_val_loss").get<double>()
                        : state.best_epoch == 0         ? std::numeric_limits<double>::infinity()
                                                        : std::nan("");
  state.epochs_without_gain = c.at("epochs_without_gain").get<int>();
  state.history.clear();
  for (const auto& r : c.at("history")) state.history.push_back(train::EpochRecord::from_json(r));
  state.partial = train::PartialEpoch::from_json(c.value("partial_epoch", nlohmann::json()));
  if (state.partial.epoch != 0 && (state.partial.epoch != state.epochs_done + 1 ||
                                   state.partial.loss_sums.size() != step.loss_names().size()))
    throw fail(fmt::format("its unfinished epoch {} does not follow epoch {} or has {} losses, not {}",
                           state.partial.epoch, state.epochs_done, state.partial.loss_sums.size(),
                           step.loss_names().size()));
  return file.header;
}

}  // namespace

nlohmann::json load_checkpoint(const std::filesystem::path& path, const nlohmann::json& expected_model,
                               train::TrainingStep& step, train::TrainerState& state) {
  const io::ModelFile file = io::load_model_file(path);
  try {
    return restore(path, file, expected_model, step, state);
  } catch (const nlohmann::json::exception& e) {
    throw Error(fmt::format("cannot resume from '{}': malformed checkpoint header ({})",
                            path.string(), e.what()));
  }
}

}  // namespace aekit::store
