#include "aekit/train/checkpoint.hpp"

#include <fmt/format.h>

#include "aekit/error.hpp"
#include "aekit/io/model_file.hpp"
#include "aekit/store/saved_model.hpp"

namespace aekit::train {
namespace {

void append(std::vector<float>& blob, std::span<const Scalar> values) {
  blob.insert(blob.end(), values.begin(), values.end());
}

}  // namespace

void save_checkpoint(const std::filesystem::path& path, const models::Autoencoder& model,
                     optim::Optimizer& optimizer, const TrainerState& state,
                     const data::Scaling& scaling, Shape input_shape) {
  io::ModelFile file;
  file.header = store::model_header(model, scaling, input_shape);
  file.header.erase("state");  // the blob is laid out as "checkpoint" says
  nlohmann::json arrays = nlohmann::json::array();
  const auto params = model.parameters().values();
  append(file.blob, params);
  append(file.blob, state.best_params.size() ? std::span<const Scalar>(state.best_params.data(), params.size()) : params);
  optimizer.reserve(Index(params.size()));
  for (const auto& [name, array] : optimizer.state()) {
    arrays.push_back(name);
    append(file.blob, {array->data(), std::size_t(array->size())});
  }
  const Vector buffers = model.buffer_values();
  append(file.blob, {buffers.data(), std::size_t(buffers.size())});
  append(file.blob, state.best_buffers.size() ? std::span<const Scalar>(state.best_buffers.data(), std::size_t(buffers.size()))
                                              : std::span<const Scalar>(buffers.data(), std::size_t(buffers.size())));
  file.header["checkpoint"] = {{"epochs_done", state.epochs_done},
                               {"best_val_loss", state.best_val_loss},
                               {"best_epoch", state.best_epoch},
                               {"epochs_without_gain", state.epochs_without_gain},
                               {"history", state.history_json()},
                               {"optimizer_steps", optimizer.steps()},
                               {"optimizer_arrays", arrays}};
  io::save_model_file(path, file);
}

namespace {

data::Scaling restore(const std::filesystem::path& path, const io::ModelFile& file,
                      models::Autoencoder& model, optim::Optimizer& optimizer,
                      TrainerState& state) {
  const auto fail = [&](const std::string& why) {
    return Error(fmt::format("cannot resume from '{}': {}", path.string(), why));
  };
  const nlohmann::json expected_model = model.to_json();
  if (!file.header.contains("checkpoint") || !file.header.contains("model"))
    throw fail("it is not a checkpoint");
  if (file.header["model"] != expected_model)
    throw fail(fmt::format("it holds model {}, this run asks for {}", file.header["model"].dump(),
                           expected_model.dump()));
  const auto& c = file.header["checkpoint"];
  auto params = model.parameters().values();
  const std::size_t p = params.size();
  optimizer.reserve(Index(p));
  const auto arrays = optimizer.state();
  std::vector<std::string> names;
  for (const auto& a : arrays) names.push_back(a.first);
  if (c.at("optimizer_arrays").get<std::vector<std::string>>() != names)
    throw fail("it was written by a different optimizer");
  const std::size_t b = std::size_t(model.buffer_values().size());
  const std::size_t expected = p * (2 + arrays.size()) + 2 * b;
  if (file.blob.size() != expected)
    throw fail(fmt::format("expected {} values, found {}", expected, file.blob.size()));

  const float* blob = file.blob.data();
  std::copy(blob, blob + p, params.begin());
  state.best_params = Eigen::Map<const Eigen::VectorXf>(blob + p, Index(p)).cast<Scalar>();
  for (std::size_t i = 0; i < arrays.size(); ++i)
    *arrays[i].second = Eigen::Map<const Eigen::VectorXf>(blob + (2 + i) * p, Index(p)).cast<Scalar>();
  const float* buffers = blob + (2 + arrays.size()) * p;
  model.set_buffer_values({buffers, b});
  state.best_buffers = Eigen::Map<const Eigen::VectorXf>(buffers + b, Index(b)).cast<Scalar>();
  optimizer.set_steps(c.at("optimizer_steps").get<long long>());
  state.epochs_done = c.at("epochs_done").get<int>();
  state.best_val_loss = c.at("best_val_loss").is_null() ? std::nan("") : c.at("best_val_loss").get<double>();
  state.best_epoch = c.at("best_epoch").get<int>();
  state.epochs_without_gain = c.at("epochs_without_gain").get<int>();
  state.history.clear();
  for (const auto& r : c.at("history")) state.history.push_back(EpochRecord::from_json(r));
  return data::Scaling::from_json(file.header.at("scaling"));
}

}  // namespace

data::Scaling load_checkpoint(const std::filesystem::path& path, models::Autoencoder& model,
                              optim::Optimizer& optimizer, TrainerState& state) {
  const io::ModelFile file = io::load_model_file(path);
  try {
    return restore(path, file, model, optimizer, state);
  } catch (const nlohmann::json::exception& e) {
    throw Error(fmt::format("cannot resume from '{}': malformed checkpoint header ({})",
                            path.string(), e.what()));
  }
}

}  // namespace aekit::train
