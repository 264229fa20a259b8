#pragma once
// A 2-D vector field as an SVG figure (lecture 003: a denoising autoencoder's r(x) - x points
// from x back towards the data manifold): one arrow per grid point p, from p to
// p + arrow_scale * v, with an arrow head, over a scatter of the data points.
//
// Axes, grid, title and legend are those of the other charts (svg_frame.hpp); the axes cover
// the data points and both ends of every drawn arrow. Arrows or points with a non-finite
// coordinate are skipped. All text is escaped.
#include <string>
#include <vector>

namespace aekit::report {

struct VectorField {
  std::string title, x_label, y_label;
  std::vector<double> x, y;    // arrow starts p, one per arrow
  std::vector<double> dx, dy;  // arrow vectors v, same length as x
  double arrow_scale = 1;      // drawn length = arrow_scale * |v| (> 0)
  std::vector<double> data_x, data_y;  // scatter of the data, same length
  std::string arrows_name = "field", data_name = "data";  // legend entries ("" = none)
  int width = 600, height = 560;
};

// The arrows, one <path> each (shaft and head together) inside <g class="arrows">, then the
// data as grey dots on top. Throws aekit::Error if x, y, dx, dy (or data_x, data_y) differ
// in length, arrow_scale is not > 0, or the size is too small.
std::string vector_field_svg(const VectorField& field);

}  // namespace aekit::report
