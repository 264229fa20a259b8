// aekit eval: what a trained model does on a data set: reconstruction error, code statistics,
// the encoder's mean Jacobian norm, and with --noise the denoising error (reconstruct the
// corrupted inputs, score against the clean ones); for a classifier, the accuracy,
// cross-entropy and confusion matrix on the data set's labels; with --importance-samples K, a
// VAE's negative log-likelihood by importance sampling, its ELBO and KL (nats per row).
#include <fmt/format.h>

#include <iostream>

#include "aekit/eval/model_metrics.hpp"
#include "aekit/models/classifier/classification_metrics.hpp"
#include "aekit/eval/data_likelihood.hpp"
#include "command.hpp"

namespace aekit::cli {

Action add_eval_command(CLI::App& root) {
  auto* cmd = root.add_subcommand("eval", "Reconstruction error, code statistics and Jacobian norm of a model; a classifier's accuracy");
  struct Args {
    std::string model, data, noise = "none";
    std::uint64_t seed = 42;
    Index importance_samples = 0;
    bool json = false;
  };
  auto args = std::make_shared<Args>();
  cmd->add_option("--model,-m", args->model, "trained model (.aek)")->required();
  cmd->add_option("--data,-d", args->data, "data set (fashion-mnist:test, npy:F, ...)")->required();
  cmd->add_option("--noise", args->noise,
                  "also score denoising: corrupt the inputs (gaussian:SIGMA, mask:NU, "
                  "saltpepper:P, uniform:A, optional :clip) and compare with the clean ones");
  cmd->add_option("--seed", args->seed, "seed of the --noise draw, the binarization and the importance samples (default 42)");
  cmd->add_option("--importance-samples", args->importance_samples,
                  "a VAE's -log p(x) by importance sampling with K samples per row (Burda et al. 2016), "
                  "with the ELBO and KL, in nats; a binarized model's data are binarized once, seeded")
      ->check(CLI::Range(Index(1), Index(1000000)));
  cmd->add_flag("--json", args->json, "print one JSON object instead of text");
  return [args] {
    const auto corruption = models::Corruption::parse(args->noise);
    auto saved = store::load_model(args->model);
    models::Classifier* classifier = saved.model->classifier();
    models::Likelihood* likelihood =
        args->importance_samples > 0 ? &models::require_likelihood(*saved.model, args->model) : nullptr;
    if (!classifier && !likelihood) models::require_reconstructor(*saved.model, args->model);
    data::Dataset d = load_data_for_model(args->data, saved.model->input_shape(), args->model);
    saved.scaling.apply(d.x);
    nlohmann::json out = {{"model", args->model}, {"data", d.name}};
    if (likelihood) {
      const auto e = eval::data_likelihood(*likelihood, d.x.cast<Scalar>(), d.labels, args->importance_samples, args->seed);
      out.update(eval::likelihood_json(e));
      out["binarized"] = likelihood->binarized_inputs();
      if (!args->json)
        std::cout << fmt::format("data {}: {} rows{}\nnll           {:.2f} nats  (-log p(x), {} importance samples per row)\n"
                                 "elbo          {:.2f} nats\nkl            {:.2f} nats\n",
                                 d.name, e.rows, likelihood->binarized_inputs() ? ", binarized once (seeded)" : "",
                                 e.nll, e.samples, e.elbo, e.kl);
    }
    if (classifier) {
      if (d.labels.empty())
        throw Error(fmt::format("data '{}' has no labels: a classifier is scored on labelled rows (add "
                                "?labels=FILE or ?label_column=K to the data spec)", d.name));
      const auto c = models::measure_classification(*classifier, d.x, d.labels, true);
      out.update({{"accuracy", c.accuracy}, {"cross_entropy", c.cross_entropy}, {"classification", c.to_json()}});
      if (!args->json)
        std::cout << fmt::format("data {}: {} rows\naccuracy      {:.2f}%\ncross-entropy {:.4f}  (nats, mean over rows)\n",
                                 d.name, c.n, 100 * c.accuracy, c.cross_entropy);
    }
    if (!saved.model->reconstructor()) {
      if (args->json) std::cout << out.dump() << "\n";
      return;
    }
    const auto m = eval::measure_model(*saved.model, d.x, corruption, args->seed);
    if (args->json) {
      out.update(m.to_json());
      std::cout << out.dump() << "\n";
      return;
    }
    std::cout << fmt::format(
        "data {}: {} rows (scores in scaled units)\n"
        "mse           {:.6f}  (mean over entries)\nbce           {:.6f}\n"
        "squared error {:.4f}  per row (sum over its {} values, mean over rows)\n"
        "jacobian_fro  {}\n",
        d.name, m.reconstruction.n, m.reconstruction.mse, m.reconstruction.bce,
        m.squared_error_per_row(), m.features,
        m.jacobian_fro ? fmt::format("{:.6g}  (mean ||J_f(x)||_F of the encoder)", *m.jacobian_fro)
                       : std::string("n/a (measured for mlp models)"));
    if (m.code) std::cout << eval::code_summary(m) << "\n";
    if (m.denoising)
      std::cout << fmt::format("noise {}:  noisy input mse {:.6f} -> denoised mse {:.6f}\n",
                               m.corruption, m.noisy_mse, m.denoising->mse);
  };
}

}  // namespace aekit::cli
