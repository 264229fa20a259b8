// Training checkpoints (.aek with a "checkpoint" header, store/checkpoint.hpp), restored as
// `aekit train --resume` restores them: into the run's model, an autoencoder, and its training
// step (Adam). The run's model is the one whose checkpoint fuzz/make-seeds writes (mlp 49-4,
// sigmoid code), so a mutation of anything but the header's "model" reaches the restore.
#include "aekit/models/autoencoder/autoencoder_step.hpp"
#include "aekit/optim/optimizer.hpp"
#include "aekit/store/checkpoint.hpp"
#include "aekit/train/trainer.hpp"
#include "fuzz_input.hpp"

namespace {

aekit::models::AutoencoderConfig run_config() {
  aekit::models::AutoencoderConfig config;
  config.dims = {49, 4};
  config.code = aekit::Activation::sigmoid;
  return config;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto path = aekit::fuzz::input_file(aekit::fuzz::with_valid_crc(data, size), "checkpoint.aek");
  static aekit::models::Autoencoder model(run_config());
  aekit::models::Objective objective(aekit::models::LossKind::mse, model.config().output);
  aekit::models::AutoencoderStep step(model, objective, aekit::optim::make_optimizer({}), 1e-3);
  aekit::train::TrainerState state;
  aekit::fuzz::run_loader([&] { aekit::store::load_checkpoint(path, model.to_json(), step, state); });
  return 0;
}
