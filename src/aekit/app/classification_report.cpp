#include "aekit/app/classification_report.hpp"

#include <fmt/format.h>

#include "aekit/io/atomic_write.hpp"
#include "aekit/report/confusion_svg.hpp"

namespace aekit::app {

report::ReportSection classification_section(const std::filesystem::path& folder,
                                             const nlohmann::json& classification,
                                             const std::vector<std::string>& class_names) {
  const auto counts = classification.at("confusion").get<std::vector<std::vector<std::int64_t>>>();
  const std::size_t c = counts.size();
  std::vector<std::string> names = class_names;
  names.resize(c);
  for (std::size_t k = 0; k < c; ++k)
    if (names[k].empty()) names[k] = std::to_string(k);
  io::atomic_write(folder / "confusion.svg", report::confusion_matrix_svg(counts, names));

  std::vector<std::int64_t> row_total(c, 0), predicted_total(c, 0);
  for (std::size_t t = 0; t < c; ++t)
    for (std::size_t p = 0; p < c; ++p) {
      row_total[t] += counts[t][p];
      predicted_total[p] += counts[t][p];
    }
  const auto share = [](std::int64_t part, std::int64_t whole) {
    return whole > 0 ? fmt::format("{:.1f}%", 100.0 * double(part) / double(whole)) : std::string("n/a");
  };
  std::vector<std::vector<std::string>> per_class, matrix;
  std::vector<std::string> matrix_header = {"true \\ predicted"};
  for (std::size_t k = 0; k < c; ++k) {
    per_class.push_back({std::to_string(k), names[k], std::to_string(row_total[k]),
                         share(counts[k][k], row_total[k]), share(counts[k][k], predicted_total[k])});
    matrix_header.push_back(names[k]);
    std::vector<std::string> row = {names[k]};
    for (std::size_t p = 0; p < c; ++p) row.push_back(std::to_string(counts[k][p]));
    matrix.push_back(std::move(row));
  }
  const std::string html =
      fmt::format("<p>Test accuracy <b>{:.2f}%</b> on {} rows; mean cross-entropy {:.4f} nats.</p>\n",
                  100 * classification.at("accuracy").get<double>(), classification.at("n").get<Index>(),
                  classification.at("cross_entropy").get<double>()) +
      report::table_html({"label", "class", "test rows", "recall", "precision"}, per_class) +
      report::figure_html(folder / "confusion.svg",
                          "Confusion matrix of the test rows: row = true class, column = predicted class; "
                          "each cell shaded by its share of the row (the diagonal is the recall).") +
      report::table_html(matrix_header, matrix);
  return {"Classification", html};
}

}  // namespace aekit::app
