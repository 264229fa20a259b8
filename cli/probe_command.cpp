// aekit probe: how useful a model's codes are for classification. Fits a softmax (multinomial
// logistic regression) probe on the codes of a labelled training set and reports its
// accuracy there and on a test set; --features raw probes the scaled inputs instead, the
// baseline the codes are compared with.
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <iostream>

#include "aekit/eval/softmax_probe.hpp"
#include "command.hpp"

namespace aekit::cli {
namespace {

struct ProbeArgs {
  std::string model, train = "fashion-mnist:train", test = "fashion-mnist:test";
  std::string features = "code";
  eval::ProbeOptions options;
  bool json = false;
};

// The features the probe sees for data set `d`: the model's scaling, then its encoder
// (features "code") or nothing more ("raw": encoder is null).
FloatMatrix probe_features(const store::SavedModel& saved, models::Encoder* encoder, data::Dataset& d) {
  if (d.labels.empty())
    throw Error(fmt::format("data '{}' has no labels: the probe needs a class label per row "
                            "(add ?labels=FILE or ?label_column=K to the data spec)", d.name));
  saved.scaling.apply(d.x);
  if (!encoder) return std::move(d.x);
  return map_in_chunks(d.x, encoder->code_size(), [&](ConstMatrixRef x) { return encoder->encode(x); });
}

void run_probe(const ProbeArgs& args) {
  auto saved = store::load_model(args.model);
  models::Encoder* encoder =
      args.features == "code" ? &models::require_encoder(*saved.model, args.model) : nullptr;
  const Shape rows = saved.model->input_shape();
  data::Dataset train = load_data_for_model(args.train, rows, args.model);
  data::Dataset test = load_data_for_model(args.test, rows, args.model);
  const FloatMatrix train_features = probe_features(saved, encoder, train);
  const FloatMatrix test_features = probe_features(saved, encoder, test);

  const auto start = std::chrono::steady_clock::now();
  const int classes = *std::max_element(train.labels.begin(), train.labels.end()) + 1;
  const auto probe = eval::SoftmaxProbe::fit(train_features, train.labels, classes, args.options);
  const std::chrono::duration<double> seconds = std::chrono::steady_clock::now() - start;
  const double train_accuracy = probe.accuracy(train_features, train.labels);
  const double test_accuracy = probe.accuracy(test_features, test.labels);
  const auto& fit = probe.training();
  if (args.json) {
    const nlohmann::json out = {
        {"model", args.model}, {"train", train.name}, {"test", test.name},
        {"features", args.features}, {"train_accuracy", train_accuracy},
        {"test_accuracy", test_accuracy}, {"n_train", train_features.rows()},
        {"n_test", test_features.rows()}, {"iterations", fit.iterations},
        {"objective", fit.value}, {"penalty", args.options.penalty},
        {"seconds", seconds.count()}};
    std::cout << out.dump() << "\n";
    return;
  }
  std::cout << fmt::format(
      "softmax probe on {} {} features of {} (penalty {})\n"
      "train  {}: {} rows, accuracy {:.2f}%\n"
      "test   {}: {} rows, accuracy {:.2f}%\n"
      "L-BFGS: {} iterations, objective {:.6f}, stopped: {} ({:.1f} s)\n",
      train_features.cols(), args.features, args.model, args.options.penalty, train.name,
      train_features.rows(), 100 * train_accuracy, test.name, test_features.rows(),
      100 * test_accuracy, fit.iterations, fit.value, optim::lbfgs_stop_name(fit.stop),
      seconds.count());
}

}  // namespace

Action add_probe_command(CLI::App& root) {
  auto* cmd = root.add_subcommand(
      "probe", "Accuracy of a softmax classifier trained on a model's codes (a linear probe)");
  auto args = std::make_shared<ProbeArgs>();
  cmd->add_option("--model,-m", args->model, "trained model (.aek)")->required();
  cmd->add_option("--train", args->train, "labelled data the probe is fitted on")
      ->capture_default_str();
  cmd->add_option("--test", args->test, "labelled data the probe is scored on")
      ->capture_default_str();
  cmd->add_option("--features", args->features,
                  "code: the model's codes; raw: its scaled inputs (the baseline)")
      ->check(CLI::IsMember({"code", "raw"}))
      ->capture_default_str();
  cmd->add_option("--penalty", args->options.penalty,
                  "L2 penalty on the weights, scikit-learn's 1/C")
      ->capture_default_str();
  cmd->add_option("--max-iterations", args->options.lbfgs.max_iterations, "L-BFGS iteration limit")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  cmd->add_flag("--json", args->json, "print one JSON object instead of text");
  return [args] { run_probe(*args); };
}

}  // namespace aekit::cli
