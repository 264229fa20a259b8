#pragma once
// Samples from one fixed noise batch over training: how a generative model (a GAN, a VAE)
// learns, the same random numbers drawn every time. After the epochs of the schedule the
// model's sampler draws kStripSamples rows from a stream made afresh from the run's seed (so
// the same z every time: one per class for a conditional model of 10 classes), and they are
// written in the data's units to samples_by_epoch/epoch-NNNN.npy; the report stacks them into
// one picture, a row per epoch (write_sample_strip).
// Schedule: the first epoch, every max(1, E / 10)-th and the last, E = the run's --epochs.
// Drawing changes no state of the model that training reads (inference mode), so --resume
// stays bit-identical.
#include <filesystem>
#include <optional>
#include <string>

#include "aekit/data/scaling.hpp"
#include "aekit/models/model.hpp"

namespace aekit::app {

inline constexpr Index kStripSamples = 10;

class SampleStrip {
 public:
  // `sampler` and `scaling` must outlive the strip. Removes the rows saved for epochs from
  // first_epoch on (a run killed before its checkpoint, or a fresh run: 1).
  SampleStrip(std::filesystem::path folder, models::Sampler& sampler, const data::Scaling& scaling,
              std::uint64_t seed, int first_epoch, int epochs);
  void after_epoch(int epoch);

 private:
  std::filesystem::path folder_;
  models::Sampler& sampler_;
  const data::Scaling& scaling_;
  std::uint64_t seed_;
  int every_, epochs_;
};

// samples_over_training.png in `folder` from its samples_by_epoch/, a row per saved epoch, one
// gray range for all; returns the report's caption, or nothing when there are none (or a row
// is no picture of `shape`).
std::optional<std::string> write_sample_strip(const std::filesystem::path& folder, Shape shape);

}  // namespace aekit::app
