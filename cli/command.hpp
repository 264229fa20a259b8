#pragma once
// The pieces every subcommand of the aekit CLI shares.
//
// A subcommand registers its flags on a CLI11 sub-app and returns what to run once the
// arguments are parsed. A verb asks the model for the capability it needs
// (models/capability_check.hpp): a model without it fails with one line, e.g.
// "model 'g.aek' (kind gan_test) cannot encode: it has no encoder". main() runs it and maps errors to exit codes: aekit::UsageError and
// argument errors -> 2, any other aekit::Error -> 1, with a one-line "aekit: ..." message.
#include <CLI/CLI.hpp>
#include <functional>
#include <optional>
#include <string>

#include "aekit/data/dataset.hpp"
#include "aekit/error.hpp"
#include "aekit/models/capability_check.hpp"
#include "aekit/store/saved_model.hpp"
#include "aekit/data/row_chunks.hpp"  // map_in_chunks

namespace aekit::cli {

using Action = std::function<void()>;

Action add_train_command(CLI::App& root);
Action add_classify_command(CLI::App& root);
Action add_encode_command(CLI::App& root);
Action add_decode_command(CLI::App& root);
Action add_reconstruct_command(CLI::App& root);
Action add_eval_command(CLI::App& root);
Action add_denoise_command(CLI::App& root);
Action add_info_command(CLI::App& root);
Action add_filters_command(CLI::App& root);
Action add_probe_command(CLI::App& root);
Action add_scatter_command(CLI::App& root);
Action add_sample_command(CLI::App& root);
Action add_interpolate_command(CLI::App& root);
Action add_traverse_command(CLI::App& root);
Action add_sample_quality_command(CLI::App& root);
Action add_report_command(CLI::App& root);
Action add_compare_command(CLI::App& root);
Action add_compress_command(CLI::App& root);
Action add_decompress_command(CLI::App& root);
Action add_codec_eval_command(CLI::App& root);
Action add_score_command(CLI::App& root);
Action add_anomaly_eval_command(CLI::App& root);
Action add_index_command(CLI::App& root);
Action add_search_command(CLI::App& root);
Action add_retrieval_eval_command(CLI::App& root);

// The first argument that looks like a flag (-x, --name, --name=value) but is none of
// `command`'s, as "unknown option '--modle' for 'aekit encode': did you mean '--model'?"
// (else naming the command's help); nullopt if every flag is known.
std::optional<std::string> unknown_flag(const CLI::App& command, int argc, char** argv);

// Loads `spec` and checks that its rows have expected.size() columns (the model's input size):
// "model 'm.aek' expects 784 inputs per row, data 'x.npy' has 1024 columns"; when both the
// expected and the data's shapes are images (not flat [1, 1, D]), they must be equal.
data::Dataset load_data_for_model(const std::string& spec, Shape expected, const std::string& model);

}  // namespace aekit::cli
