#include "curve.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <vector>

namespace vector_field {
namespace {

constexpr int kPolylinePoints = 4001;

struct Point {
  double x, y;
};

Point curve_at(double t) { return {t, 0.5 * std::sin(std::numbers::pi * t)}; }

const std::vector<Point>& polyline() {
  static const std::vector<Point> points = [] {
    std::vector<Point> p;
    for (int i = 0; i < kPolylinePoints; ++i) p.push_back(curve_at(-1.0 + 2.0 * i / (kPolylinePoints - 1)));
    return p;
  }();
  return points;
}

// Distance from p to the segment [a, b].
double segment_distance(Point p, Point a, Point b) {
  const double vx = b.x - a.x, vy = b.y - a.y;
  const double t = std::clamp(((p.x - a.x) * vx + (p.y - a.y) * vy) / (vx * vx + vy * vy), 0.0, 1.0);
  return std::hypot(p.x - a.x - t * vx, p.y - a.y - t * vy);
}

}  // namespace

aekit::FloatMatrix sample_near_curve(aekit::Index rows, double noise, aekit::Rng& rng) {
  aekit::FloatMatrix points(rows, 2);
  for (aekit::Index i = 0; i < rows; ++i) {
    const Point c = curve_at(rng.uniform(-1, 1));
    points(i, 0) = float(c.x + noise * rng.normal());
    points(i, 1) = float(c.y + noise * rng.normal());
  }
  return points;
}

double distance_to_curve(double x, double y) {
  const auto& line = polyline();
  double best = std::numeric_limits<double>::infinity();
  for (std::size_t i = 0; i + 1 < line.size(); ++i)
    best = std::min(best, segment_distance({x, y}, line[i], line[i + 1]));
  return best;
}

double mean_distance_to_curve(const aekit::FloatMatrix& points) {
  double sum = 0;
  for (aekit::Index i = 0; i < points.rows(); ++i) sum += distance_to_curve(points(i, 0), points(i, 1));
  return sum / double(points.rows());
}

}  // namespace vector_field
