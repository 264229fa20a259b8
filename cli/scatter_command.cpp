// aekit scatter: a 2-D picture of a model's codes, one dot per row coloured by its class
// (lecture 003, Hinton & Salakhutdinov 2006's figure of PCA vs autoencoder codes):
//   raw data -> scaling -> encoder -> codes [N, K] -> columns (i, j) of the codes -> SVG
// Fashion-MNIST data get their class names in the legend; other labelled data "class k".
#include <fmt/format.h>

#include <iostream>

#include "aekit/data/fashion_mnist.hpp"
#include "aekit/io/atomic_write.hpp"
#include "aekit/report/svg_chart.hpp"
#include "command.hpp"

namespace aekit::cli {
namespace {

struct ScatterArgs {
  std::string model, data = "fashion-mnist:test", output, title;
  Index limit = 5000;
  std::vector<Index> columns{0, 1};
};

void run_scatter(const ScatterArgs& args) {
  auto saved = store::load_model(args.model);
  auto& model = *saved.model;
  auto& encoder = models::require_encoder(model, args.model);
  if (args.columns.size() != 2)
    throw UsageError(fmt::format("--columns takes two code columns, found {}", args.columns.size()));
  for (const Index c : args.columns)
    if (c < 0 || c >= encoder.code_size())
      throw UsageError(fmt::format("--columns: model '{}' has code columns 0..{}, found {}",
                                   args.model, encoder.code_size() - 1, c));
  data::Dataset d = load_data_for_model(args.data, model.input_shape(), args.model);
  const Index rows = std::min(args.limit, d.x.rows());
  FloatMatrix x = d.x.topRows(rows);
  saved.scaling.apply(x);
  const FloatMatrix codes = map_in_chunks(x, encoder.code_size(), [&](ConstMatrixRef c) { return encoder.encode(c); });
  report::ScatterChart chart;
  chart.title = args.title.empty() ? model.description() : args.title;
  chart.x_label = fmt::format("code {}", args.columns[0]);
  chart.y_label = fmt::format("code {}", args.columns[1]);
  for (Index i = 0; i < rows; ++i) {
    chart.x.push_back(codes(i, args.columns[0]));
    chart.y.push_back(codes(i, args.columns[1]));
  }
  if (!d.labels.empty()) chart.labels.assign(d.labels.begin(), d.labels.begin() + rows);
  chart.class_names = data::class_names_of(args.data);
  io::atomic_write(args.output, report::scatter_svg(chart));
  std::cerr << fmt::format("wrote the codes of {} rows of {} to {}\n", rows, d.name, args.output);
}

}  // namespace

Action add_scatter_command(CLI::App& root) {
  auto* cmd = root.add_subcommand("scatter", "Draw two code columns of a data set as a scatter plot (SVG), coloured by class");
  auto args = std::make_shared<ScatterArgs>();
  cmd->add_option("--model,-m", args->model, "trained model (.aek)")->required();
  cmd->add_option("--data,-d", args->data, "data set to encode (labels colour the dots)")->capture_default_str();
  cmd->add_option("--output,-o", args->output, "output SVG file")->required();
  cmd->add_option("--limit,-n", args->limit, "encode the first N rows")
      ->check(CLI::Range(Index(1), Index(1) << 30))
      ->capture_default_str();
  cmd->add_option("--columns", args->columns, "the two code columns to draw (x y)")->expected(2);
  cmd->add_option("--title", args->title, "chart title (default: the model's description)");
  return [args] { run_scatter(*args); };
}

}  // namespace aekit::cli
