// aekit interpolate and aekit traverse: walks through the code space of a model that decodes
// (eval/latent_paths.hpp), decoded into pictures (.png grid) or rows (.npy), in the data's units.
//   interpolate  between the codes of two data rows (--data D --rows I,J; the two originals
//                frame the row of pictures) or two rows of a codes file (--codes F.npy)
//   traverse     from the codes of the first --rows rows of --data: along single units
//                (--units, default the first 8; each unit from mean - range std to mean + range std
//                of its codes, the others at their mean), along the principal directions of the
//                codes (--principal K: lecture 003's yearbook), or over a 2-D code's grid (--grid)
#include <fmt/format.h>

#include <iostream>

#include "aekit/app/sample_model.hpp"
#include "aekit/data/npy.hpp"
#include "aekit/eval/latent_paths.hpp"
#include "command.hpp"

namespace aekit::cli {
namespace {

// Decodes codes [n, K] into rows in the data's units.
FloatMatrix decoded_rows(models::Decoder& decoder, const store::SavedModel& saved, const Matrix& codes) {
  FloatMatrix rows = decoder.decode(codes).cast<float>();
  saved.scaling.invert(rows);
  return rows;
}

// The codes of data set `spec`'s rows (scaled as the model's training data), at most `limit`.
Matrix data_codes(const store::SavedModel& saved, models::Encoder& encoder, const std::string& spec,
                  const std::string& model, Index limit, FloatMatrix* scaled = nullptr) {
  data::Dataset d = load_data_for_model(spec, saved.model->input_shape(), model);
  if (d.x.rows() > limit) d.x.conservativeResize(limit, Eigen::NoChange);
  saved.scaling.apply(d.x);
  const Matrix codes = map_in_chunks(d.x, encoder.code_size(), [&](ConstMatrixRef x) { return encoder.encode(x); });
  if (scaled) *scaled = std::move(d.x);
  return codes;
}

struct InterpolateArgs {
  std::string model, data, codes, output;
  std::vector<Index> rows = {0, 1};
  Index steps = 10;
  bool spherical = false;
};

void run_interpolate(const InterpolateArgs& a) {
  app::check_row_output(a.output);
  if (a.data.empty() == a.codes.empty()) throw UsageError("interpolate: give either --data D (with --rows I,J) or --codes F.npy");
  if (a.rows.size() != 2) throw UsageError(fmt::format("--rows: expected two row numbers I,J, found {}", a.rows.size()));
  auto saved = store::load_model(a.model);
  models::Decoder& decoder = models::require_decoder(*saved.model, a.model);
  Matrix ends;
  FloatMatrix originals;
  if (!a.codes.empty()) {
    ends = data::read_npy(a.codes).x.cast<Scalar>();
  } else {
    models::Encoder& encoder = models::require_encoder(*saved.model, a.model);
    ends = data_codes(saved, encoder, a.data, a.model, std::max(a.rows[0], a.rows[1]) + 1, &originals);
  }
  for (const Index r : a.rows)
    if (r < 0 || r >= ends.rows())
      throw UsageError(fmt::format("--rows: row {} is not among the {} rows of '{}'", r, ends.rows(),
                                   a.codes.empty() ? a.data : a.codes));
  if (ends.cols() != decoder.code_size())
    throw UsageError(fmt::format("codes '{}' have {} values, model '{}' decodes codes of {}", a.codes, ends.cols(),
                                 a.model, decoder.code_size()));
  const Matrix path = eval::interpolate_codes(ends.row(a.rows[0]), ends.row(a.rows[1]), a.steps, a.spherical);
  FloatMatrix rows = decoded_rows(decoder, saved, path);
  if (originals.rows() > 0) {  // the two data rows frame the path
    FloatMatrix framed(rows.rows() + 2, rows.cols());
    saved.scaling.invert(originals);
    framed.row(0) = originals.row(a.rows[0]);
    framed.middleRows(1, rows.rows()) = rows;
    framed.row(rows.rows() + 1) = originals.row(a.rows[1]);
    rows = std::move(framed);
  }
  app::write_rows(a.output, rows, saved.input_shape, rows.rows(), a.model);
  std::cerr << fmt::format("wrote {} {} interpolation steps to {}\n", a.steps, a.spherical ? "spherical" : "linear",
                           a.output);
}

struct TraverseArgs {
  std::string model, data = "fashion-mnist:test", output;
  std::vector<Index> units;
  Index principal = 0, steps = 9, rows = 1000;
  double range = 2;
  bool grid = false;
};

void run_traverse(const TraverseArgs& a) {
  app::check_row_output(a.output);
  if ((a.principal > 0) + a.grid + !a.units.empty() > 1)
    throw UsageError("traverse: choose one of --units, --principal K and --grid");
  auto saved = store::load_model(a.model);
  models::Decoder& decoder = models::require_decoder(*saved.model, a.model);
  models::Encoder& encoder = models::require_encoder(*saved.model, a.model);
  const Matrix codes = data_codes(saved, encoder, a.data, a.model, a.rows);
  RowVector center, scale;
  eval::code_center_and_scale(codes, center, scale);
  Matrix path;
  std::string what;
  if (a.grid) {
    path = eval::grid_2d(center, scale, a.steps, a.range);
    what = "a 2-D grid";
  } else if (a.principal > 0) {
    path = eval::principal_traversal(codes, a.principal, a.steps, a.range);
    what = fmt::format("{} principal directions", a.principal);
  } else {
    std::vector<Index> units = a.units;
    if (units.empty())
      for (Index u = 0; u < std::min<Index>(8, center.size()); ++u) units.push_back(u);
    path = eval::unit_traversal(center, scale, units, a.steps, a.range);
    what = fmt::format("{} units", units.size());
  }
  app::write_rows(a.output, decoded_rows(decoder, saved, path), saved.input_shape, a.steps, a.model);
  std::cerr << fmt::format("wrote {} of {} steps (+-{} std of the codes of {} rows) to {}\n", what, a.steps, a.range,
                           codes.rows(), a.output);
}

}  // namespace

Action add_interpolate_command(CLI::App& root) {
  auto* cmd = root.add_subcommand("interpolate", "Decode a path between two codes (linear or spherical)");
  auto a = std::make_shared<InterpolateArgs>();
  cmd->add_option("--model,-m", a->model, "trained model (.aek) that decodes")->required();
  cmd->add_option("--data,-d", a->data, "data set whose rows --rows are encoded (the path's ends)");
  cmd->add_option("--codes", a->codes, ".npy of codes, one per row (instead of --data)");
  cmd->add_option("--rows", a->rows, "the two rows, e.g. 0,1")->delimiter(',')->capture_default_str();
  cmd->add_option("--steps", a->steps, "codes on the path, ends included")->check(CLI::Range(2, 1000))->capture_default_str();
  cmd->add_flag("--spherical", a->spherical, "slerp instead of a straight line");
  cmd->add_option("--output,-o", a->output, "output: .png (a row of pictures) or .npy (the rows)")->required();
  return [a] { run_interpolate(*a); };
}

Action add_traverse_command(CLI::App& root) {
  auto* cmd = root.add_subcommand("traverse", "Decode codes along single units, principal directions or a 2-D grid");
  auto a = std::make_shared<TraverseArgs>();
  cmd->add_option("--model,-m", a->model, "trained model (.aek) that encodes and decodes")->required();
  cmd->add_option("--data,-d", a->data, "data set whose codes set the centre and the spread")->capture_default_str();
  cmd->add_option("--rows", a->rows, "how many of its rows are encoded")->check(CLI::Range(Index(1), Index(1) << 30))->capture_default_str();
  cmd->add_option("--units", a->units, "code units to walk along, e.g. 0,3,5 (default: the first 8)")->delimiter(',');
  cmd->add_option("--principal", a->principal, "walk along the first K principal directions of the codes");
  cmd->add_flag("--grid", a->grid, "a 2-D code's steps x steps grid (the decoded manifold)");
  cmd->add_option("--steps", a->steps, "codes per direction (per grid side)")->check(CLI::Range(2, 100))->capture_default_str();
  cmd->add_option("--range", a->range, "how far, in standard deviations of the codes")->check(CLI::PositiveNumber)->capture_default_str();
  cmd->add_option("--output,-o", a->output, "output: .png (a grid, a row per direction) or .npy")->required();
  return [a] { run_traverse(*a); };
}

}  // namespace aekit::cli
