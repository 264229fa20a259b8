// Training checkpoints (.aek with a "checkpoint" header, store/checkpoint.hpp), resumed as
// `aekit train --resume` does for an autoencoder: the model the file names is rebuilt, given
// a training step (Adam), and the checkpoint restored into them.
#include "aekit/io/model_file.hpp"
#include "aekit/models/autoencoder/autoencoder_step.hpp"
#include "aekit/models/registry.hpp"
#include "aekit/optim/optimizer.hpp"
#include "aekit/store/checkpoint.hpp"
#include "aekit/train/trainer.hpp"
#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto path = aekit::fuzz::input_file(data, size, "checkpoint.aek");
  aekit::fuzz::run_loader([&] {
    const auto header = aekit::io::load_model_file(path).header;
    if (!header.is_object() || !header.contains("model")) return;
    const auto expected_model = header["model"];
    auto model = aekit::models::make_model(expected_model);
    auto* autoencoder = dynamic_cast<aekit::models::Autoencoder*>(model.get());
    if (!autoencoder) return;
    aekit::models::Objective objective(aekit::models::LossKind::mse, autoencoder->config().output);
    aekit::models::AutoencoderStep step(*autoencoder, objective, aekit::optim::make_optimizer({}), 1e-3);
    aekit::train::TrainerState state;
    aekit::store::load_checkpoint(path, expected_model, step, state);
  });
  return 0;
}
