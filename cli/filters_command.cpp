// aekit filters: the lectures' weight pictures, one image per hidden unit (see
// report/filter_image.hpp for which weights and how each is scaled).
// The picture shape comes from --shape, else the model's input shape if it is an image, else
// a square gray image when the input size is a square number.
#include <fmt/format.h>

#include <iostream>

#include "aekit/report/filter_image.hpp"
#include "aekit/report/image_shape.hpp"
#include "command.hpp"

namespace aekit::cli {
namespace {

struct FiltersArgs {
  std::string model, output, shape, layer = "encoder";
  Index count = report::kDefaultFilterCount, columns = report::kDefaultFilterColumns;
  int scale = 1;
};

Shape picture_shape(const FiltersArgs& args, const store::SavedModel& saved,
                    const FloatMatrix& filters) {
  const Index features = filters.cols();
  if (args.shape.empty()) {
    if (const auto shape = report::filter_shape(*saved.model, saved.input_shape)) return *shape;
    throw UsageError(fmt::format(
        "model '{}' has {} inputs per row, which is not a square image and no image shape is "
        "stored; pass --shape HxW (H * W = {})", args.model, features, features));
  }
  const Shape shape = report::parse_image_shape(args.shape);
  if (shape.size() != features)
    throw UsageError(fmt::format("--shape {} has {} values per image, the filters of model '{}' have {}",
                                 args.shape, shape.size(), args.model, features));
  return shape;
}

void run_filters(const FiltersArgs& args) {
  const auto layer = report::parse_filter_layer(args.layer);
  const auto saved = store::load_model(args.model);
  const FloatMatrix filters = report::layer_filters(*saved.model, layer);
  const Shape shape = picture_shape(args, saved, filters);
  image::write_png(args.output,
                    report::filter_image(filters, shape, args.count, args.columns, args.scale));
  std::cerr << fmt::format("wrote {} {} filters ({}x{}) to {}\n",
                           std::min(args.count, filters.rows()), args.layer, shape.h, shape.w,
                           args.output);
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
                  "encoder: rows of the first encoder weight; decoder: columns of the last "
                  "decoder weight")
      ->check(CLI::IsMember({"encoder", "decoder"}))
      ->capture_default_str();
  cmd->add_option("--scale", args->scale, "pixels per weight, in each direction")
      ->check(CLI::Range(1, 64))
      ->capture_default_str();
  return [args] { run_filters(*args); };
}

}  // namespace aekit::cli
