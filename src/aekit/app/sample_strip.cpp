#include "aekit/app/sample_strip.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cstdio>
#include <map>

#include "aekit/app/sample_model.hpp"
#include "aekit/data/npy.hpp"
#include "aekit/image/image.hpp"

namespace aekit::app {
namespace fs = std::filesystem;
namespace {

constexpr const char* kStripFolder = "samples_by_epoch";

// The saved files by epoch, from their names epoch-NNNN.npy.
std::map<int, fs::path> saved_files(const fs::path& folder) {
  std::map<int, fs::path> files;
  if (!fs::is_directory(folder / kStripFolder)) return files;
  for (const auto& entry : fs::directory_iterator(folder / kStripFolder)) {
    const std::string name = entry.path().filename().string();
    int epoch = 0;
    if (std::sscanf(name.c_str(), "epoch-%d.npy", &epoch) == 1 && name.ends_with(".npy")) files[epoch] = entry.path();
  }
  return files;
}

}  // namespace

SampleStrip::SampleStrip(fs::path folder, models::Sampler& sampler, const data::Scaling& scaling,
                         std::uint64_t seed, int first_epoch, int epochs)
    : folder_(std::move(folder)), sampler_(sampler), scaling_(scaling), seed_(seed),
      every_(std::max(1, epochs / 10)), epochs_(epochs) {
  for (const auto& [epoch, file] : saved_files(folder_))
    if (epoch >= first_epoch) fs::remove(file);
}

void SampleStrip::after_epoch(int epoch) {
  if (epoch != 1 && epoch % every_ != 0 && epoch != epochs_) return;
  fs::create_directories(folder_ / kStripFolder);
  data::write_npy(folder_ / kStripFolder / fmt::format("epoch-{:04d}.npy", epoch),
                  sample_rows(sampler_, scaling_, kStripSamples, seed_));
}

std::optional<std::string> write_sample_strip(const fs::path& folder, Shape shape) {
  const auto files = saved_files(folder);
  if (files.empty()) return std::nullopt;
  FloatMatrix stacked(Index(files.size()) * kStripSamples, shape.size());
  std::vector<int> epochs;
  for (const auto& [epoch, file] : files) {
    const FloatMatrix x = data::read_npy(file).x;
    if (x.rows() != kStripSamples || x.cols() != shape.size()) return std::nullopt;
    stacked.middleRows(Index(epochs.size()) * kStripSamples, kStripSamples) = x;
    epochs.push_back(epoch);
  }
  image::write_png(folder / "samples_over_training.png", sample_grid(stacked, shape, kStripSamples));
  return fmt::format("The same {} random draws (seed of the run) after epochs {}, one row each from the top: "
                     "how the samples took shape over training.", kStripSamples, fmt::join(epochs, ", "));
}

}  // namespace aekit::app
