#include "aekit/report/confusion_svg.hpp"

#include <fmt/format.h>

#include <numeric>

#include "aekit/error.hpp"
#include "aekit/report/escape.hpp"

namespace aekit::report {
namespace {

constexpr int kCell = 44, kNameWidth = 110, kTop = 130, kMargin = 16;

// White (share 0) to a full blue (share 1), the colour of the cell's count text fitting it.
std::string cell_colour(double share) {
  const auto mix = [&](int full) { return int(255 + share * (full - 255) + 0.5); };
  return fmt::format("rgb({},{},{})", mix(31), mix(119), mix(180));
}

}  // namespace

std::string confusion_matrix_svg(const std::vector<std::vector<std::int64_t>>& counts,
                                 const std::vector<std::string>& names) {
  const std::size_t c = counts.size();
  for (const auto& row : counts)
    if (row.size() != c) throw Error(fmt::format("confusion matrix: expected {} columns per row, found {}", c, row.size()));
  if (!names.empty() && names.size() != c)
    throw Error(fmt::format("confusion matrix: expected {} class names, found {}", c, names.size()));
  const auto name = [&](std::size_t k) { return html_escape(names.empty() ? std::to_string(k) : names[k]); };
  const int width = kNameWidth + int(c) * kCell + kMargin, height = kTop + int(c) * kCell + kMargin;
  std::string svg = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" viewBox=\"0 0 {0} {1}\" "
      "font-family=\"sans-serif\" font-size=\"11\">\n<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
      "<text x=\"{2}\" y=\"16\" font-size=\"13\">predicted class (columns) for each true class (rows)</text>\n",
      width, height, kMargin);
  for (std::size_t p = 0; p < c; ++p) {
    const int x = kNameWidth + int(p) * kCell + kCell / 2;
    svg += fmt::format("<text transform=\"translate({},{}) rotate(-60)\">{}</text>\n", x, kTop - 6, name(p));
  }
  for (std::size_t t = 0; t < c; ++t) {
    const std::int64_t total = std::accumulate(counts[t].begin(), counts[t].end(), std::int64_t(0));
    const int y = kTop + int(t) * kCell;
    svg += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\n", kNameWidth - 6,
                       y + kCell / 2 + 4, name(t));
    for (std::size_t p = 0; p < c; ++p) {
      const double share = total > 0 ? double(counts[t][p]) / double(total) : 0;
      const int x = kNameWidth + int(p) * kCell;
      svg += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\" stroke=\"#ccc\"/>"
                         "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" fill=\"{}\">{}</text>\n",
                         x, y, kCell, kCell, cell_colour(share), x + kCell / 2, y + kCell / 2 + 4,
                         share > 0.5 ? "white" : "black", counts[t][p]);
    }
  }
  return svg + "</svg>\n";
}

}  // namespace aekit::report
