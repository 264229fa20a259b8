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

void run_transform(Transform kind, const TransformArgs& args) {
  auto saved = store::load_model(args.model);
  auto& model = *saved.model;
  const Shape rows = kind == Transform::decode ? Shape{1, 1, model.code_size()} : model_input_shape(model);
  data::Dataset in = load_data_for_model(args.input, rows, args.model);
  FloatMatrix out;
  if (kind == Transform::decode) {
    out = map_in_chunks(in.x, model.input_size(), [&](ConstMatrixRef c) { return model.decode(c); });
  } else {
    saved.scaling.apply(in.x);
    if (kind == Transform::encode)
      out = map_in_chunks(in.x, model.code_size(), [&](ConstMatrixRef x) { return model.encode(x); });
    else
      out = map_in_chunks(in.x, model.input_size(), [&](ConstMatrixRef x) { return model.reconstruct(x); });
  }
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
