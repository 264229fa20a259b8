#include "command.hpp"

#include <fmt/format.h>

#include "aekit/error.hpp"

namespace aekit::cli {

data::Dataset load_data_for_model(const std::string& spec, Shape expected, const std::string& model) {
  data::Dataset d = data::load_dataset(spec);
  if (d.x.cols() != expected.size())
    throw Error(fmt::format("model '{}' expects {} inputs per row, data '{}' has {} columns",
                            model, expected.size(), d.name, d.x.cols()));
  const auto flat = [](Shape s) { return s.c == 1 && s.h == 1; };
  if (!flat(expected) && !flat(d.shape) && !(d.shape == expected))
    throw Error(fmt::format("model '{}' expects images of shape [{}, {}, {}], data '{}' has "
                            "[{}, {}, {}]", model, expected.c, expected.h, expected.w, d.name,
                            d.shape.c, d.shape.h, d.shape.w));
  return d;
}

}  // namespace aekit::cli
