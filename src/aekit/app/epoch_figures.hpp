#pragma once
// What the epochs of a run of the training loop look like on its report, drawn from the
// history alone (no model), so the report of a run in progress (progress_report.hpp) and the
// final one (run_report.hpp) draw them the same way:
//   loss_curve_svg  the step's first training loss and its first validation metric per epoch
//   free_energy_svg an RBM's mean free energy per epoch on the validation rows and on its
//                   reference training rows (Hinton's overfitting monitor)
//   epoch_table     one row per epoch: every value the loop recorded (train_*, val_*), lr,
//                   seconds, samples/s
#include <optional>
#include <span>
#include <string>

#include "aekit/train/trainer.hpp"

namespace aekit::app {

// An SVG line chart; `loss` names the y axis ("mse", "bce").
std::string loss_curve_svg(std::span<const train::EpochRecord> history, const std::string& loss);

// An SVG line chart, or nothing when the history holds no val_free_energy.
std::optional<std::string> free_energy_svg(std::span<const train::EpochRecord> history);

// An HTML table (report/html_report.hpp).
std::string epoch_table(std::span<const train::EpochRecord> history);

}  // namespace aekit::app
