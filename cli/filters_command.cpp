// aekit filters: the lectures' weight pictures, one image per unit, of any model with a
// FilterSource (models/capabilities/filter_source.hpp says which weights;
// report/filter_image.hpp how each is scaled).
// The picture shape comes from --shape, else the model's input shape if it is an image, else
// a square gray image when the input size is a square number.
#include <fmt/format.h>

#include <iostream>

#include "aekit/report/filter_image.hpp"
#include "aekit/tensor/shape_text.hpp"
#include "command.hpp"

namespace aekit::cli {
namespace {

struct FiltersArgs {
  std::string model, output, shape, layer;  // layer empty: the model's default
  Index count = report::kDefaultFilterCount, columns = report::kDefaultFilterColumns;
  int scale = 1;
};

Shape picture_shape(const FiltersArgs& args, const store::SavedModel& saved,
                    const models::Filters& filters) {
  const Index features = filters.rows.cols();
  if (args.shape.empty()) {
    if (const auto shape = report::filter_shape(filters, saved.input_shape)) return *shape;
    throw UsageError(fmt::format(
        "model '{}' has {} inputs per row, which is not a square image and no image shape is "
        "stored; pass --shape HxW (H * W = {})", args.model, features, features));
  }
  const Shape shape = parse_image_shape(args.shape);
  if (shape.size() != features)
    throw UsageError(fmt::format("--shape {} has {} values per image, the filters of model '{}' have {}",
                                 args.shape, shape.size(), args.model, features));
  return shape;
}

void run_filters(const FiltersArgs& args) {
  const auto saved = store::load_model(args.model);
  const auto& source = models::require_filter_source(*saved.model, args.model);
  const auto layer = args.layer.empty() ? source.default_layer() : report::parse_filter_layer(args.layer);
  const models::Filters filters = source.filters(layer);
  const Shape shape = picture_shape(args, saved, filters);
  image::write_png(args.output,
                    report::filter_image(filters.rows, shape, args.count, args.columns, args.scale));
  std::cerr << fmt::format("wrote {} {} filters ({}x{}) to {}\n",
                           std::min(args.count, filters.rows.rows()),
                           report::filter_layer_name(layer), shape.h, shape.w, args.output);
}

}  // namespace

Action add_filters_command(CLI::App& root) {
  auto* cmd = root.add_subcommand("filters", "Draw a model's first-layer weights as images");
  auto args = std::make_shared<FiltersArgs>();
  cmd->add_option("--model,-m", args->model, "trained model (.aek)")->required();
  cmd->add_option("--output,-o", args->output, "output PNG file")->required();
  cmd->add_option("--count,-n", args->count, "how many filters (the first N hidden units)")
      ->check(CLI::Range(Index(1), Index(1) << 24))
      ->capture_default_str();
  cmd->add_option("--columns,-c", args->columns, "filters per row of the picture")
      ->check(CLI::Range(Index(1), Index(1) << 24))
      ->capture_default_str();
  cmd->add_option("--shape", args->shape,
                  "image shape HxW or CxHxW (default: the model's input shape, else square)");
  cmd->add_option("--layer", args->layer,
                  "encoder: what the first layer's units respond to; decoder: what the last "
                  "layer's units add to the output (default: encoder when the model has it)")
      ->check(CLI::IsMember({"encoder", "decoder"}));
  cmd->add_option("--scale", args->scale, "pixels per weight, in each direction")
      ->check(CLI::Range(1, 64))
      ->capture_default_str();
  return [args] { run_filters(*args); };
}

}  // namespace aekit::cli
