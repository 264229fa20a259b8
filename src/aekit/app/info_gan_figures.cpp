#include "aekit/app/info_gan_figures.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "aekit/app/sample_model.hpp"
#include "aekit/image/image.hpp"
#include "aekit/models/gan/gan.hpp"

namespace aekit::app {
namespace fs = std::filesystem;
namespace {

constexpr Index kColumns = 10;

// The decoded rows of `codes` in the data's units, as a grid of kColumns per row.
void write_grid(const fs::path& path, models::Gan& gan, const Matrix& codes, const data::Scaling& scaling,
                Shape shape) {
  FloatMatrix rows = gan.decode(codes).cast<float>();
  scaling.invert(rows);
  image::write_png(path, sample_grid(rows, shape, kColumns));
}

}  // namespace

std::vector<report::ReportSection> info_gan_sections(const fs::path& folder, models::Model& model,
                                               const data::Scaling& scaling, Shape shape, std::uint64_t seed) {
  auto* gan = dynamic_cast<models::Gan*>(&model);
  if (!gan || !gan->info_gan() || shape.size() != model.input_size()) return {};
  const models::InfoCodes info = gan->config().info();
  const Index k = info.categorical, m = info.continuous, categories = std::max<Index>(1, std::min<Index>(k, 10));
  Matrix noise(kColumns, info.noise);
  Rng rng = Rng(seed).derive("info codes");
  for (Index i = 0; i < noise.size(); ++i) noise.data()[i] = Scalar(rng.normal());
  // codes[row][column]: z, one-hot of the row's category, continuous codes.
  const auto code = [&](Index z, Index category, Index continuous, double value) {
    Eigen::RowVectorX<Scalar> c = Eigen::RowVectorX<Scalar>::Zero(info.width());
    c.head(info.noise) = noise.row(z);
    if (k > 0) c(info.noise + category) = 1;
    if (continuous >= 0) c(info.noise + k + continuous) = Scalar(value);
    return c;
  };
  std::vector<report::ReportSection> sections;
  if (k > 0) {
    Matrix codes(k * kColumns, info.width());
    for (Index row = 0; row < k; ++row)
      for (Index column = 0; column < kColumns; ++column) codes.row(row * kColumns + column) = code(column, row, -1, 0);
    write_grid(folder / "info_categories.png", *gan, codes, scaling, shape);
    sections.push_back({"InfoGAN: the categorical code", report::figure_html(folder / "info_categories.png",
        fmt::format("A row per value of the {}-valued categorical code, from 0 at the top; each column keeps one "
                    "noise vector z (continuous codes 0). A value that has captured a class shows one kind of "
                    "item across its row.", k))});
  }
  if (m > 0) {
    Matrix codes(m * categories * kColumns, info.width());
    for (Index j = 0; j < m; ++j)
      for (Index row = 0; row < categories; ++row)
        for (Index column = 0; column < kColumns; ++column)
          codes.row((j * categories + row) * kColumns + column) =
              code(0, row, j, -2.0 + 4.0 * double(column) / double(kColumns - 1));
    write_grid(folder / "info_continuous.png", *gan, codes, scaling, shape);
    sections.push_back({"InfoGAN: the continuous codes", report::figure_html(folder / "info_continuous.png",
        fmt::format("For each of the {} continuous codes in turn, a block of {} rows{}: the code goes from -2 to 2 "
                    "left to right (training drew it from [-1, 1]), the noise z and the other codes fixed.", m,
                    categories, k > 0 ? ", one per value of the categorical code" : ""))});
  }
  return sections;
}

}  // namespace aekit::app
