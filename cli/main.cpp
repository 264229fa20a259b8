// aekit command-line tool: one subcommand per file in cli/.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <cstdlib>
#include <iostream>
#include <string>

#include "aekit/app/stop_signals.hpp"
#include "aekit/error.hpp"
#include "aekit/settings/spelling.hpp"
#include "aekit/tensor/denormals.hpp"
#include "aekit/tensor/size_limit.hpp"
#include "aekit/tensor/threads.hpp"
#include "command.hpp"

namespace {

// The verbs without --threads (all but train and classify) run on the cores this process may
// use, or, as OpenMP programs and PyTorch do, on OMP_NUM_THREADS threads when that is a
// positive count (scripts written for the OpenMP builds keep working).
void threads_from_environment() {
  const char* text = std::getenv("OMP_NUM_THREADS");
  if (text == nullptr) return;
  char* end = nullptr;
  const long count = std::strtol(text, &end, 10);
  if (end != text && *end == '\0' && count > 0 && count <= 4096) aekit::set_threads(int(count));
}

}  // namespace

int main(int argc, char** argv) {
  aekit::flush_denormals();  // every verb computes with denormals flushed, as training does
  threads_from_environment();
  CLI::App app{"aekit: train, evaluate and deploy autoencoders on the CPU.\n"
               "Run 'aekit train' with no arguments to train the default model on Fashion-MNIST."};
  app.set_version_flag("--version", AEKIT_VERSION);
  app.require_subcommand(1);
  const std::vector<std::pair<CLI::App*, aekit::cli::Action>> commands = [&] {
    std::vector<std::pair<CLI::App*, aekit::cli::Action>> list;
    using namespace aekit::cli;
    for (auto add : {add_train_command, add_classify_command, add_encode_command, add_decode_command,
                     add_reconstruct_command, add_eval_command, add_denoise_command,
                     add_filters_command, add_probe_command, add_scatter_command, add_sample_command, add_interpolate_command, add_traverse_command, add_sample_quality_command,
                     add_info_command, add_report_command, add_compare_command, add_compress_command, add_decompress_command,
                     add_codec_eval_command, add_index_command, add_search_command, add_retrieval_eval_command,
                     add_score_command, add_anomaly_eval_command}) {
      auto action = add(app);
      list.emplace_back(app.get_subcommands({}).back(), action);
    }
    return list;
  }();
  // Every command reads input: each takes the size limit for what that input may claim.
  std::string max_input_size;
  for (const auto& [sub, action] : commands)
    sub->add_option("--max-input-size", max_input_size,
                     fmt::format("Refuse input (a file, an array a header describes, an image, a model's "
                                 "parameters) larger than this, e.g. 64GiB (default {})",
                                 aekit::byte_size_text(aekit::kDefaultSizeLimit)));
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);  // --help, --version
    // Same convention as every other usage error: one line on stderr, exit code 2.
    std::vector<std::string> names;
    CLI::App* command = nullptr;
    for (const auto& [sub, action] : commands) {
      names.push_back(sub->get_name());
      if (argc > 1 && sub->check_name(argv[1])) command = sub;
    }
    const std::string listed = fmt::format("{}", fmt::join(names, ", "));
    if (argc > 1 && argv[1][0] != '-' && !command) {
      const std::string guess = aekit::train::did_you_mean(argv[1], names);
      std::cerr << fmt::format("aekit: unknown command '{}': {}\n", argv[1],
                               guess.empty() ? "valid commands are " + listed : guess);
    } else if (argc == 1) {
      std::cerr << "aekit: a command is required: " << listed << " (run 'aekit --help')\n";
    } else if (const auto unknown = aekit::cli::unknown_flag(command ? *command : app, argc, argv)) {
      std::cerr << "aekit: " << *unknown << "\n";
    } else {
      std::cerr << "aekit: " << e.what() << " (run 'aekit --help' or 'aekit COMMAND --help')\n";
    }
    return 2;
  }
  try {
    if (!max_input_size.empty()) aekit::set_size_limit(aekit::parse_byte_size(max_input_size, "--max-input-size"));
    for (const auto& [sub, action] : commands)
      if (sub->parsed()) action();
    return 0;
  } catch (const aekit::app::RunInterrupted& e) {
    std::cerr << "aekit: " << e.what() << "\n";
    return e.exit_code();
  } catch (const aekit::UsageError& e) {
    std::cerr << "aekit: " << e.what() << "\n";
    return 2;
  } catch (const aekit::Error& e) {
    std::cerr << "aekit: " << e.what() << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "aekit: unexpected error: " << e.what() << "\n";
    return 1;
  }
}
