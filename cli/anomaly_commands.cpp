// aekit score / anomaly-eval: anomaly detection with a trained model (app/anomaly_scores.hpp,
// app/anomaly_evaluation.hpp):
//   score DATA --model M -o scores.npy [--score S] [--flags F.npy]
//       one score per row, float32 [N]; with a threshold saved in the model file, how many rows
//       are above it, and with --flags 0/1 per row (uint8 [N])
//   anomaly-eval --model M --inliers DATA --outliers DATA -o DIR
//   anomaly-eval --model M --data DATA --outlier-classes 7,8,9 -o DIR
//       AUROC, AUPRC, the threshold at --fpr on the inliers; --save-threshold stores it in M
// Outputs are written atomically once everything is computed.
#include <fmt/format.h>

#include <cstdint>
#include <iostream>

#include "aekit/app/anomaly_evaluation.hpp"
#include "aekit/data/npy.hpp"
#include "command.hpp"

namespace aekit::cli {
namespace {

void add_score_options(CLI::App& cmd, app::ScoreRequest& request) {
  cmd.add_option("--score", request.score,
                 "auto (default: a VAE's nll, an RBM's free_energy, else the reconstruction error of the "
                 "training loss), mse, bce, neg_elbo, nll, free_energy");
  cmd.add_option("--samples", request.samples,
                 "neg_elbo, nll: importance samples per row (default 100, or the saved threshold's)");
  cmd.add_option("--seed", request.seed, "neg_elbo, nll: seed of the samples and the binarization (default 42)");
}

// How a score is described in messages: "nll (100 importance samples)", "mse".
std::string score_text(const std::string& score, Index samples) {
  return app::is_likelihood_score(score) ? fmt::format("{} ({} importance samples)", score, samples) : score;
}

void write_float32_vector(const std::string& path, const std::vector<double>& values) {
  std::vector<float> column(values.begin(), values.end());
  data::write_npy_array(path, "<f4", {Index(column.size())},
                        {reinterpret_cast<const char*>(column.data()), column.size() * sizeof(float)});
}

}  // namespace

Action add_score_command(CLI::App& root) {
  auto* cmd = root.add_subcommand("score", "Anomaly score of every row of a data set (higher: more anomalous)");
  struct Args {
    std::string data, model, output, flags;
    app::ScoreRequest request;
  };
  auto args = std::make_shared<Args>();
  cmd->add_option("data", args->data, "data to score (npy:F, idx:F, csv:F, fashion-mnist:test, ...)")->required();
  cmd->add_option("--model,-m", args->model, "trained model (.aek)")->required();
  cmd->add_option("--output,-o", args->output, "the scores, float32 [N] (.npy)")->required();
  cmd->add_option("--flags", args->flags, "also write 0/1 per row, 1 above the threshold saved in the model (.npy, uint8)");
  add_score_options(*cmd, args->request);
  return [args, cmd] {
    auto saved = store::load_model(args->model);
    const std::string score = app::resolve_score(saved, args->request.score, args->model);
    const auto& threshold = saved.anomaly_threshold;
    const bool flagging = threshold && threshold->score == score;
    if (!args->flags.empty() && !threshold)
      throw UsageError(fmt::format("--flags: model '{}' holds no anomaly threshold (save one with aekit anomaly-eval "
                                   "--save-threshold)", args->model));
    if (!args->flags.empty() && !flagging)
      throw UsageError(fmt::format("--flags: model '{}' holds a threshold for score {}, not {} (use --score {})",
                                   args->model, threshold->score, score, threshold->score));
    app::ScoreRequest request = args->request;
    if (flagging && threshold->samples > 0 && cmd->count("--samples") == 0) request.samples = threshold->samples;
    const data::Dataset d = load_data_for_model(args->data, saved.model->input_shape(), args->model);
    const std::vector<double> scores = app::anomaly_scores(saved, d, score, request);
    std::vector<std::uint8_t> flags;
    for (const double s : scores) flags.push_back(flagging && s > threshold->threshold ? 1 : 0);
    if (!args->flags.empty())
      data::write_npy_array(args->flags, "|u1", {Index(flags.size())},
                            {reinterpret_cast<const char*>(flags.data()), flags.size()});
    write_float32_vector(args->output, scores);
    std::cerr << fmt::format("wrote {} scores ({}) to {}\n", scores.size(), score_text(score, request.samples),
                             args->output);
    if (flagging) {
      std::size_t flagged = 0;
      for (const auto f : flags) flagged += f;
      std::cout << fmt::format("flagged {} of {} rows ({} above {:.6g}, the threshold at FPR {:g} saved in the model)\n",
                               flagged, scores.size(), score, threshold->threshold, threshold->fpr);
    } else if (threshold) {
      std::cerr << fmt::format("the model's saved threshold is for score {}; no rows flagged\n", threshold->score);
    }
  };
}

Action add_anomaly_eval_command(CLI::App& root) {
  auto* cmd = root.add_subcommand("anomaly-eval", "AUROC, AUPRC and a threshold of an anomaly score on inliers and outliers");
  struct Args {
    std::string model, inliers, outliers, data, output;
    std::vector<int> outlier_classes;
    double fpr = 0.05;
    bool save_threshold = false;
    app::ScoreRequest request;
  };
  auto args = std::make_shared<Args>();
  cmd->add_option("--model,-m", args->model, "trained model (.aek)")->required();
  cmd->add_option("--inliers", args->inliers, "data of normal rows (with --outliers)");
  cmd->add_option("--outliers", args->outliers, "data of anomalous rows (with --inliers)");
  cmd->add_option("--data,-d", args->data, "a labelled data set (with --outlier-classes)");
  cmd->add_option("--outlier-classes", args->outlier_classes, "classes of --data whose rows are outliers, e.g. 7,8,9")
      ->delimiter(',');
  cmd->add_option("--fpr", args->fpr, "false-positive rate on the inliers that sets the threshold (default 0.05)");
  cmd->add_flag("--save-threshold", args->save_threshold, "store the threshold (with its score and FPR) in the model file");
  cmd->add_option("--output,-o", args->output, "output folder (anomaly.json, histogram.svg)")->required();
  add_score_options(*cmd, args->request);
  return [args] {
    const bool two_sets = !args->inliers.empty() || !args->outliers.empty();
    const bool labelled = !args->data.empty() || !args->outlier_classes.empty();
    if (two_sets && labelled)
      throw UsageError("give either --inliers and --outliers, or --data with --outlier-classes, not both");
    if (!two_sets && !labelled)
      throw UsageError("expected --inliers and --outliers, or --data with --outlier-classes");
    if (two_sets && (args->inliers.empty() || args->outliers.empty()))
      throw UsageError("--inliers and --outliers go together: give both");
    if (labelled && (args->data.empty() || args->outlier_classes.empty()))
      throw UsageError("--data and --outlier-classes go together: give both (the classes whose rows are outliers)");
    app::check_false_positive_rate(args->fpr);
    auto saved = store::load_model(args->model);
    const std::string score = app::resolve_score(saved, args->request.score, args->model);
    const Shape shape = saved.model->input_shape();
    app::ScoredSets sets;
    if (labelled) {
      const data::Dataset d = load_data_for_model(args->data, shape, args->model);
      sets = app::score_labelled_set(saved, d, args->outlier_classes, score, args->request);
    } else {
      const data::Dataset inliers = load_data_for_model(args->inliers, shape, args->model);
      const data::Dataset outliers = load_data_for_model(args->outliers, shape, args->model);
      sets = app::score_sets(saved, inliers, outliers, score, args->request);
    }
    const bool sampled = app::is_likelihood_score(score);
    nlohmann::json json = {{"model", args->model}};
    if (sampled) json.update({{"samples", args->request.samples}, {"seed", args->request.seed}});
    const auto e = app::write_anomaly_evaluation(sets, args->fpr, args->output, json);
    std::cout << app::anomaly_summary(sets, e) << " -> " << args->output << "\n";
    if (args->save_threshold) {
      store::save_anomaly_threshold(args->model, {score, e.threshold, args->fpr, sampled ? args->request.samples : 0});
      std::cout << fmt::format("saved the threshold ({} above {:.6g}) in {}\n", score, e.threshold, args->model);
    }
  };
}

}  // namespace aekit::cli
