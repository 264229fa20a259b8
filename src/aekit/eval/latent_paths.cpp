#include "aekit/eval/latent_paths.hpp"

#include <fmt/format.h>

#include <cmath>

#include "aekit/error.hpp"
#include "aekit/models/linear/pca.hpp"

namespace aekit::eval {
namespace {

void require_steps(Index steps) {
  if (steps < 2) throw UsageError(fmt::format("steps: expected at least 2, found {}", steps));
}

// t of step s of `steps` from -range to +range.
double position(Index s, Index steps, double range) { return -range + 2 * range * double(s) / double(steps - 1); }

}  // namespace

Matrix interpolate_codes(const RowVector& a, const RowVector& b, Index steps, bool spherical) {
  require_steps(steps);
  AEKIT_ASSERT(a.size() == b.size());
  const double na = a.cast<double>().norm(), nb = b.cast<double>().norm();
  const double cosine = na > 0 && nb > 0 ? a.cast<double>().dot(b.cast<double>()) / (na * nb) : 1;
  const double omega = std::acos(std::clamp(cosine, -1.0, 1.0));
  const bool slerp = spherical && omega > 1e-6;
  Matrix codes(steps, a.size());
  for (Index s = 0; s < steps; ++s) {
    const double t = double(s) / double(steps - 1);
    const double wa = slerp ? std::sin((1 - t) * omega) / std::sin(omega) : 1 - t;
    const double wb = slerp ? std::sin(t * omega) / std::sin(omega) : t;
    codes.row(s) = Scalar(wa) * a + Scalar(wb) * b;
  }
  return codes;
}

Matrix unit_traversal(const RowVector& center, const RowVector& scale, std::span<const Index> units, Index steps,
                      double range) {
  require_steps(steps);
  Matrix codes(Index(units.size()) * steps, center.size());
  for (std::size_t u = 0; u < units.size(); ++u) {
    const Index unit = units[u];
    if (unit < 0 || unit >= center.size())
      throw UsageError(fmt::format("units: expected code units 0..{}, found {}", center.size() - 1, unit));
    for (Index s = 0; s < steps; ++s) {
      const Index row = Index(u) * steps + s;
      codes.row(row) = center;
      codes(row, unit) = center(unit) + Scalar(position(s, steps, range)) * scale(unit);
    }
  }
  return codes;
}

Matrix principal_traversal(ConstMatrixRef codes, Index count, Index steps, double range) {
  require_steps(steps);
  if (count < 1 || count > codes.cols())
    throw UsageError(fmt::format("principal directions: expected 1..{} (the code size), found {}", codes.cols(), count));
  if (codes.rows() < 2) throw UsageError("principal directions need the codes of at least 2 rows");
  const auto pca = models::Pca::fit(codes, count);
  Matrix out(count * steps, codes.cols());
  for (Index k = 0; k < count; ++k) {
    const Scalar spread = Scalar(std::sqrt(std::max(0.0, pca.explained_variance()(k))));
    for (Index s = 0; s < steps; ++s)
      out.row(k * steps + s) = pca.mean() + Scalar(position(s, steps, range)) * spread * pca.components().row(k);
  }
  return out;
}

Matrix grid_2d(const RowVector& center, const RowVector& scale, Index steps, double range) {
  require_steps(steps);
  if (center.size() != 2)
    throw UsageError(fmt::format("a manifold grid needs a 2-D code, the model's code has {} values", center.size()));
  Matrix codes(steps * steps, 2);
  for (Index r = 0; r < steps; ++r)
    for (Index c = 0; c < steps; ++c) {
      codes(r * steps + c, 0) = center(0) + Scalar(position(c, steps, range)) * scale(0);
      codes(r * steps + c, 1) = center(1) + Scalar(position(steps - 1 - r, steps, range)) * scale(1);
    }
  return codes;
}

void code_center_and_scale(ConstMatrixRef codes, RowVector& center, RowVector& scale) {
  AEKIT_ASSERT(codes.rows() >= 1);
  center = codes.colwise().mean();
  scale = ((codes.rowwise() - center).array().square().colwise().sum() / Scalar(codes.rows())).sqrt();
}

}  // namespace aekit::eval
