#include "aekit/data/dataset_spec.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <filesystem>
#include <string_view>
#include <vector>

#include "aekit/error.hpp"
#include "aekit/tensor/shape_text.hpp"

namespace aekit::data {
namespace {

constexpr std::array<std::string_view, 6> kSchemes = {"fashion-mnist", "idx",    "npy",
                                                     "csv",           "images", "patches"};
constexpr std::string_view kValidSpecs =
    "fashion-mnist:train, fashion-mnist:test, idx:PATH, npy:PATH, csv:PATH, images:PATH, "
    "patches:PATH:SIZE[:STRIDE], or a path ending in .npy, .csv, .idx, .gz or -ubyte";

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

bool looks_like_scheme(std::string_view prefix) {
  return !prefix.empty() && std::all_of(prefix.begin(), prefix.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
  });
}

// The format of a bare path, from its extension.
std::string scheme_of_path(const std::string& spec, const std::string& path) {
  std::string_view name = path;
  if (ends_with(name, ".npy") || ends_with(name, ".npy.gz")) return "npy";
  if (ends_with(name, ".csv") || ends_with(name, ".csv.gz")) return "csv";
  if (ends_with(name, ".gz") || ends_with(name, ".idx") || ends_with(name, "-ubyte"))
    return "idx";
  throw UsageError(fmt::format(
      "cannot tell the format of data '{}' from its extension: expected {}; or name the "
      "format, as in npy:{}",
      spec, kValidSpecs, path));
}

Index parse_count(const std::string& spec, std::string_view key, std::string_view value,
                  bool allow_negative) {
  Index number = 0;
  const auto* end = value.data() + value.size();
  const auto result = std::from_chars(value.data(), end, number);
  if (result.ec != std::errc() || result.ptr != end || value.empty() ||
      (!allow_negative && number < 1))
    throw UsageError(fmt::format("data '{}': {}={} is not {}", spec, key, value,
                                 allow_negative ? "a whole number" : "a whole number >= 1"));
  return number;
}

Shape parse_row_shape(const std::string& spec, std::string_view value) {
  try {
    return parse_image_shape(value);
  } catch (const UsageError&) {
    throw UsageError(fmt::format("data '{}': shape={} is not a shape; expected CxHxW or HxW with positive sizes, "
                                 "e.g. shape=1x28x28", spec, value));
  }
}

void parse_options(const std::string& spec, std::string_view query, DatasetSpec& out) {
  while (!query.empty()) {
    const auto amp = query.find('&');
    const auto option = query.substr(0, amp);
    query = amp == std::string_view::npos ? "" : query.substr(amp + 1);
    const auto eq = option.find('=');
    const auto key = option.substr(0, eq);
    const auto value = eq == std::string_view::npos ? "" : option.substr(eq + 1);
    if (key == "limit") out.limit = parse_count(spec, key, value, false);
    else if (key == "labels") {
      if (value.empty())
        throw UsageError(fmt::format("data '{}': labels= needs a path, as in labels=y.npy", spec));
      out.labels = value;
    }
    else if (key == "label_column") out.label_column = parse_count(spec, key, value, true);
    else if (key == "shape") out.shape = parse_row_shape(spec, value);
    else
      throw UsageError(fmt::format(
          "data '{}': unknown option '{}'; valid options are limit=N, labels=PATH, "
          "label_column=K, shape=CxHxW",
          spec, option));
  }
  if (!out.labels.empty() && out.label_column)
    throw UsageError(fmt::format(
        "data '{}': labels=PATH and label_column=K both give labels; keep one", spec));
}

// patches:PATH:SIZE[:STRIDE]: takes SIZE and STRIDE off out.path.
void split_patch_grid(const std::string& spec, DatasetSpec& out) {
  std::vector<std::string_view> parts;
  for (std::string_view rest = out.path;;) {
    const auto colon = rest.find(':');
    parts.push_back(rest.substr(0, colon));
    if (colon == std::string_view::npos) break;
    rest.remove_prefix(colon + 1);
  }
  if (parts.size() < 2 || parts.size() > 3)
    throw UsageError(fmt::format(
        "data '{}': expected patches:PATH:SIZE[:STRIDE] with a PATH without ':', as in "
        "patches:photos:8 or patches:photo.png:16:4",
        spec));
  out.patch_size = parse_count(spec, "SIZE", parts[1], false);
  out.patch_stride = parts.size() == 3 ? parse_count(spec, "STRIDE", parts[2], false)
                                       : out.patch_size;
  out.path = std::string(parts[0]);
}

// Whether `path` names something on disk; false, not an exception, for a name the file
// system refuses (too long, ...).
bool exists_on_disk(const std::string& path) {
  std::error_code refused;
  return std::filesystem::exists(path, refused);
}

}  // namespace

DatasetSpec parse_dataset_spec(const std::string& spec) {
  DatasetSpec out;
  const auto question = spec.find('?');
  const std::string base = spec.substr(0, question);
  if (question != std::string::npos)
    parse_options(spec, std::string_view(spec).substr(question + 1), out);

  const auto colon = base.find(':');
  const std::string prefix = base.substr(0, colon);
  const bool is_scheme = std::find(kSchemes.begin(), kSchemes.end(), prefix) != kSchemes.end();
  if (is_scheme && (colon != std::string::npos || !exists_on_disk(base))) {
    out.scheme = prefix;  // "fashion-mnist" alone gets an empty split, reported below
    out.path = colon == std::string::npos ? "" : base.substr(colon + 1);
  } else if (colon != std::string::npos && looks_like_scheme(prefix) &&
             !exists_on_disk(base)) {
    throw UsageError(fmt::format("unknown data set '{}': expected {}", spec, kValidSpecs));
  } else {
    out.scheme = scheme_of_path(spec, base);
    out.path = base;
  }
  if (out.scheme == "fashion-mnist") {
    if (out.path != "train" && out.path != "test")
      throw UsageError(fmt::format(
          "unknown split '{}' in data '{}': expected fashion-mnist:train or fashion-mnist:test",
          out.path, spec));
    if (!out.labels.empty() || out.label_column)
      throw UsageError(fmt::format("data '{}': Fashion-MNIST comes with its labels; drop the "
                                   "labels/label_column option",
                                   spec));
  }
  if (out.scheme == "patches") split_patch_grid(spec, out);
  if (out.path.empty())
    throw UsageError(fmt::format("data '{}' names no file: expected {}", spec, kValidSpecs));
  return out;
}

}  // namespace aekit::data
