#include "aekit/app/report_summary.hpp"

#include <fmt/format.h>

#include "aekit/models/linear/pca_model.hpp"
#include "aekit/number_text.hpp"

namespace aekit::app {
namespace {

std::string number(const nlohmann::json& value) {
  return value.is_number() ? fmt::format("{:.6g}", value.get<double>()) : "n/a";
}

// summary.json's value at `key` of "test", or null.
nlohmann::json test_value(const nlohmann::json& results, const char* key) {
  const auto test = results.find("test");
  if (test == results.end() || !test->is_object() || !test->contains(key)) return nullptr;
  return (*test)[key];
}

// The settings that describe how the model was made, in one line.
std::string training_line(const RunReportInput& in) {
  const auto& c = in.config;
  const auto& r = in.results;
  if (in.state)
    return fmt::format("{} {} lr {} batch {}, {} ({})", c.objective_name(), c.get("optimizer"), c.get("lr"),
                       c.batch, count_of(r.value("epochs_done", 0), "epoch"), r.value("outcome", ""));
  return fmt::format("fitted on the training rows in {:.2f} s", r.value("fit_seconds", 0.0));
}

// The code statistics eval::ModelMetrics wrote for the code's activation (model_metrics.hpp):
// the mean and exact zeros (sparsity) always, then the share near 0 or 1 (sigmoid), saturated
// (tanh) or the spread (identity-like codes).
std::string code_line(const nlohmann::json& code) {
  std::string text = fmt::format("{} code: mean {}, {:.1f}% exactly 0", code.value("activation", "?"),
                                 number(code["mean_activation"]), 100 * code.value("zero_fraction", 0.0));
  if (code.contains("binary_fraction"))
    text += fmt::format(", {:.1f}% near 0 or 1 (< 0.1 or > 0.9)", 100 * code.value("binary_fraction", 0.0));
  if (code.contains("saturated_fraction"))
    text += fmt::format(", {:.1f}% saturated (|h| > 0.9)", 100 * code.value("saturated_fraction", 0.0));
  if (code.contains("std")) text += ", std " + number(code["std"]);
  return text;
}

}  // namespace

std::vector<std::pair<std::string, std::string>> report_summary(const RunReportInput& in) {
  const auto& r = in.results;
  std::vector<std::pair<std::string, std::string>> rows = {
      {"data", in.config.data},
      {"test data", in.config.test_data},
      {"model", in.model.description()},
      {"learned values", std::to_string(in.model.state_size())},
      {"training", training_line(in)},
  };
  if (in.model.reconstructor()) {
    rows.push_back({"test MSE", number(r.value("test_mse", nlohmann::json()))});
    rows.push_back({"test BCE", number(r.value("test_bce", nlohmann::json()))});
  }
  if (const auto accuracy = r.value("test_accuracy", nlohmann::json()); accuracy.is_number())
    rows.insert(rows.begin() + 5, {"test accuracy", fmt::format("{:.2f}%", 100 * accuracy.get<double>())});
  if (const auto l = r.value("test_likelihood", nlohmann::json()); l.is_object())
    rows.push_back({"test -log p(x)", fmt::format("{:.2f} nats ({} importance samples per row); ELBO {:.2f}, KL {:.2f}",
                                                  l.at("nll").get<double>(), l.at("importance_samples").get<Index>(),
                                                  l.at("elbo").get<double>(), l.at("kl").get<double>())});
  if (const auto per_row = test_value(r, "squared_error_per_row"); per_row.is_number())
    rows.push_back({"test squared error per row",
                    number(per_row) + fmt::format(" (sum over the {} values of a row, mean over rows: Hinton & "
                                                  "Salakhutdinov 2006's measure)", in.model.input_size())});
  if (const auto denoised = test_value(r, "denoised_mse"); denoised.is_number())
    rows.push_back({"denoised test MSE", fmt::format("{} from inputs with noise {} (noisy input: {})",
        number(denoised), test_value(r, "noise").get<std::string>(), number(test_value(r, "noisy_mse")))});
  if (const auto code = test_value(r, "code"); code.is_object())
    rows.push_back({"code statistics", code_line(code)});
  if (const auto jacobian = test_value(r, "jacobian_fro"); in.config.contractive.active() && jacobian.is_number())
    rows.push_back({"encoder Jacobian norm", number(jacobian) + " (mean ||J_f(x)||_F over the test rows)"});
  const auto* encoder = in.model.encoder();
  if (const auto pca = r.value("pca_test_mse", nlohmann::json());
      pca.is_number() && encoder && encoder->code_size() < in.model.input_size() && in.model.kind() != models::PcaModel::kKind)
    rows.push_back({fmt::format("PCA-{} test MSE", encoder->code_size()),
                    number(pca) + fmt::format(" (squared error per row {})", number(pca.get<double>() * double(in.model.input_size())))});
  if (in.state)
    rows.push_back({"throughput", fmt::format("{:.0f} samples/s", r.value("samples_per_second", 0.0))});
  return rows;
}

}  // namespace aekit::app
