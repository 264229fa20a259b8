#include "aekit/app/describe_model.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "aekit/models/capability_check.hpp"

namespace aekit::app {

std::string describe_model(const std::string& path, const store::SavedModel& saved) {
  const models::Model& model = *saved.model;
  const auto& h = saved.header;
  const auto line = [](std::string_view name, const std::string& value) {
    return fmt::format("{:<12} {}\n", name, value);
  };
  std::string text = line("model", fmt::format("{} ({})", path, model.kind()));
  text += line("architecture", model.description());
  text += line("can", fmt::format("{}", fmt::join(models::capability_names(model), ", ")));
  if (const auto* encoder = model.encoder()) text += line("code size", std::to_string(encoder->code_size()));
  text += line("state", fmt::format("{} values", model.state_size()));
  text += line("input shape", fmt::format("{}x{}x{}", saved.input_shape.c, saved.input_shape.h,
                                          saved.input_shape.w));
  text += line("scaling", h.at("scaling").dump());
  text += line("aekit", h.value("aekit_version", "?"));
  if (h.contains("training") && h["training"].contains("results"))
    text += line("results", h["training"]["results"].dump());
  return text;
}

}  // namespace aekit::app
