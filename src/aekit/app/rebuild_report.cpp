#include "aekit/app/rebuild_report.hpp"

#include <fmt/format.h>

#include "aekit/app/run_folder.hpp"
#include "aekit/app/run_report.hpp"
#include "aekit/app/thread_choice.hpp"
#include "aekit/data/dataset.hpp"
#include "aekit/data/fashion_mnist.hpp"
#include "aekit/error.hpp"
#include "aekit/store/saved_model.hpp"
#include "aekit/tensor/threads.hpp"

namespace aekit::app {
namespace fs = std::filesystem;
namespace {

// The data set `spec` names, scaled like the model's input.
data::Dataset load_scaled(const std::string& spec, const store::SavedModel& saved) {
  data::Dataset d = data::load_dataset(spec);
  if (d.x.cols() != saved.model->input_size())
    throw Error(fmt::format("the run's model expects {} inputs per row, data '{}' has {} columns",
                            saved.model->input_size(), d.name, d.x.cols()));
  saved.scaling.apply(d.x);
  return d;
}

}  // namespace

void rebuild_run_report(const fs::path& folder) {
  require_folder(folder);
  if (!fs::is_regular_file(folder / "model.aek"))
    throw UsageError(fmt::format("'{}' has no model.aek: the run did not finish (train it to the "
                                 "end, or --resume it)", folder.string()));
  const RunFiles run = read_run_files(folder);
  const store::SavedModel saved = store::load_model(folder / "model.aek");
  set_threads(choose_threads(run.config.threads).threads);  // this machine's cores for auto
  const data::Dataset train_set = load_scaled(run.config.data, saved);
  const bool has_test = !run.config.test_data.empty() && run.config.test_data != "none";
  const data::Dataset test_set = has_test ? load_scaled(run.config.test_data, saved) : data::Dataset{};
  train::TrainerState state;
  state.history = run.history;
  state.epochs_done = run.summary.value("epochs_done", 0);
  std::vector<double> objective;
  if (run.summary.contains("objective") && run.summary["objective"].is_array())
    objective = run.summary["objective"].get<std::vector<double>>();
  const AnalysisData analysis{train_set.x, train_set.labels, test_set.x, test_set.labels,
                              data::class_names_of(run.config.data)};
  // A run without test data showed its validation rows; the training rows stand in for them.
  train::TrainConfig config = run.config;
  config.threads_note = recorded_threads_note(run.summary);  // the run's choice, not this machine's
  write_run_report(folder, {config, run.history.empty() ? nullptr : &state, objective,
                            run.summary, *saved.model, saved.scaling, saved.input_shape,
                            has_test ? test_set.x : train_set.x, has_test ? &analysis : nullptr});
}

}  // namespace aekit::app
