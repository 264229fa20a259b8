// aekit sample-quality: how much a generative model's samples look like the data, measured
// through a classifier trained on the data (eval/sample_quality.hpp): the Fréchet distance
// between the classifier's penultimate features of --count samples and of the --data rows,
// its mean confidence on the samples and their class histogram.
//   samples: Rng(seed) -> the model's sampler -> its scaling inverted (data units)
//   both sets -> the classifier's scaling -> its encoder (features) and head (classes)
// --classifier-sha256 loads the classifier only if its file has that SHA-256: figures measured
// with one reference classifier are not silently compared with another's.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <iostream>

#include "aekit/app/sample_model.hpp"
#include "aekit/eval/sample_quality.hpp"
#include "aekit/io/sha256.hpp"
#include "command.hpp"

namespace aekit::cli {
namespace {

void require_sha256(const std::string& path, const std::string& expected) {
  const std::string found = io::sha256_file_hex(path);
  if (found != expected)
    throw UsageError(fmt::format("classifier '{}' has sha256 {}, expected {}: not the reference classifier asked for",
                                 path, found, expected));
}

}  // namespace

Action add_sample_quality_command(CLI::App& root) {
  auto* cmd = root.add_subcommand("sample-quality", "Fréchet distance, confidence and class histogram of a model's samples");
  struct Args {
    std::string model, classifier, classifier_sha256, data = "fashion-mnist:test";
    Index count = 10000;
    std::uint64_t seed = 42;
    bool json = false;
  };
  auto args = std::make_shared<Args>();
  cmd->add_option("model", args->model, "the generative model (.aek)")->required();
  cmd->add_option("--classifier", args->classifier, "a classifier trained on the data (aekit classify)")->required();
  cmd->add_option("--classifier-sha256", args->classifier_sha256,
                  "refuse the classifier unless its file has this SHA-256 (64 hex digits, as sha256sum prints)");
  cmd->add_option("--data,-d", args->data, "the reference rows")->capture_default_str();
  cmd->add_option("--count,-n", args->count, "samples to draw")->check(CLI::Range(Index(2), Index(1) << 24))->capture_default_str();
  cmd->add_option("--seed", args->seed, "seed of the samples")->capture_default_str();
  cmd->add_flag("--json", args->json, "print one JSON object instead of text");
  return [args] {
    auto generator = store::load_model(args->model);
    models::Sampler& sampler = models::require_sampler(*generator.model, args->model);
    if (!args->classifier_sha256.empty()) require_sha256(args->classifier, args->classifier_sha256);
    auto classifier = store::load_model(args->classifier);
    models::require_classifier(*classifier.model, args->classifier);
    FloatMatrix samples = app::sample_rows(sampler, generator.scaling, args->count, args->seed);
    if (samples.cols() != classifier.model->input_size())
      throw UsageError(fmt::format("model '{}' draws rows of {} values, classifier '{}' takes {}", args->model,
                                   samples.cols(), args->classifier, classifier.model->input_size()));
    data::Dataset reference = load_data_for_model(args->data, classifier.model->input_shape(), args->classifier);
    classifier.scaling.apply(reference.x);
    classifier.scaling.apply(samples);
    const auto q = eval::sample_quality(*classifier.model, reference.x, samples, args->classifier);
    if (args->json) {
      nlohmann::json out = q.to_json();
      out.update({{"model", args->model}, {"classifier", args->classifier}, {"data", reference.name}, {"seed", args->seed}});
      std::cout << out.dump() << "\n";
      return;
    }
    std::cout << fmt::format("{} samples of {} against {} rows of {}, through {}:\n"
                             "Fréchet distance   {:.3f}  (the classifier's {}-value features)\n"
                             "mean confidence    {:.4f}\nclass histogram    {}\n",
                             q.samples, args->model, q.references, reference.name, args->classifier, q.fd,
                             classifier.model->encoder()->code_size(), q.mean_confidence, fmt::join(q.class_histogram, " "));
  };
}

}  // namespace aekit::cli
