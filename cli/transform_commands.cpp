// aekit encode | decode | reconstruct: apply a trained model to a data set, write an .npy.
//   encode       raw data  -> scaling -> encoder           -> codes [N, K]
//   decode       codes     -> decoder -> inverse scaling    -> data  [N, D]
//   reconstruct  raw data  -> scaling -> both -> inverse    -> data  [N, D]
// Inputs are any data-set spec (npy:F, idx:F, csv:F, fashion-mnist:test, ...). The output is
// written atomically, once everything has been computed.
#include <fmt/format.h>

#include <iostream>

#include "aekit/data/npy.hpp"
#include "command.hpp"

namespace aekit::cli {
namespace {

enum class Transform { encode, decode, reconstruct };

struct TransformArgs {
  std::string model, input, output;
};

// One transform: the rows it takes, the width of what it gives, and what it does to a chunk.
struct TransformStep {
  Shape input;
  Index output_width;
  std::function<ConstMatrixRef(ConstMatrixRef)> apply;
};

// Asks the model for the capability the transform needs (a one-line UsageError without it).
TransformStep transform_step(Transform kind, models::Model& model, const std::string& name) {
  switch (kind) {
    case Transform::encode: {
      auto& encoder = models::require_encoder(model, name);
      return {model.input_shape(), encoder.code_size(),
              [&encoder](ConstMatrixRef x) { return encoder.encode(x); }};
    }
    case Transform::decode: {
      auto& decoder = models::require_decoder(model, name);
      return {Shape{1, 1, decoder.code_size()}, model.input_size(),
              [&decoder](ConstMatrixRef codes) { return decoder.decode(codes); }};
    }
    case Transform::reconstruct: {
      auto& reconstructor = models::require_reconstructor(model, name);
      return {model.input_shape(), model.input_size(),
              [&reconstructor](ConstMatrixRef x) { return reconstructor.reconstruct(x); }};
    }
  }
  throw Error("unreachable transform");
}

void run_transform(Transform kind, const TransformArgs& args) {
  auto saved = store::load_model(args.model);
  const TransformStep step = transform_step(kind, *saved.model, args.model);
  data::Dataset in = load_data_for_model(args.input, step.input, args.model);
  if (kind != Transform::decode) saved.scaling.apply(in.x);
  FloatMatrix out = map_in_chunks(in.x, step.output_width, step.apply);
  if (kind != Transform::encode) saved.scaling.invert(out);
  data::write_npy(args.output, out);
  std::cerr << fmt::format("wrote {} x {} to {}\n", out.rows(), out.cols(), args.output);
}

Action add_transform(CLI::App& root, Transform kind, const char* name, const char* help,
                     const char* input_help) {
  auto* cmd = root.add_subcommand(name, help);
  auto args = std::make_shared<TransformArgs>();
  cmd->add_option("--model,-m", args->model, "trained model (.aek)")->required();
  cmd->add_option("--input,-i", args->input, input_help)->required();
  cmd->add_option("--output,-o", args->output, "output .npy file (float32)")->required();
  return [kind, args] { run_transform(kind, *args); };
}

}  // namespace

Action add_encode_command(CLI::App& root) {
  return add_transform(root, Transform::encode, "encode", "Map data to codes",
                       "data to encode (npy:F, idx:F, csv:F, fashion-mnist:test, ...)");
}

Action add_decode_command(CLI::App& root) {
  return add_transform(root, Transform::decode, "decode", "Map codes back to data",
                       "codes to decode, one per row (npy:F, csv:F, ...)");
}

Action add_reconstruct_command(CLI::App& root) {
  return add_transform(root, Transform::reconstruct, "reconstruct", "Encode then decode data",
                       "data to reconstruct (npy:F, idx:F, csv:F, fashion-mnist:test, ...)");
}

}  // namespace aekit::cli
