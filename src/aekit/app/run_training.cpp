#include "aekit/app/run_training.hpp"

#include <fmt/chrono.h>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <chrono>
#include <numeric>
#include <optional>

#include "aekit/data/dataset.hpp"
#include "aekit/error.hpp"
#include "aekit/tensor/shape_text.hpp"
#include "aekit/eval/model_metrics.hpp"
#include "aekit/io/atomic_write.hpp"
#include "aekit/models/capability_check.hpp"
#include "aekit/models/classifier/classification_metrics.hpp"
#include "aekit/data/labels.hpp"
#include "aekit/eval/data_likelihood.hpp"
#include "aekit/store/saved_model.hpp"
#include "aekit/models/linear/pca.hpp"
#include "aekit/app/run_facts.hpp"
#include "aekit/app/run_report.hpp"
#include "aekit/data/fashion_mnist.hpp"
#include "aekit/store/checkpoint.hpp"
#include "aekit/app/epoch_files.hpp"
#include "aekit/app/sample_strip.hpp"
#include "aekit/app/family.hpp"
#include "aekit/app/resume_settings.hpp"
#include "aekit/app/stop_signals.hpp"
#include "aekit/app/thread_choice.hpp"
#include "aekit/io/output_folder.hpp"
#include "aekit/io/model_file.hpp"
#include "aekit/tensor/threads.hpp"

namespace aekit::app {
namespace fs = std::filesystem;
namespace {

fs::path default_run_folder() {
  const auto now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  return fs::path("runs") / fmt::format("ae-{:%Y%m%d-%H%M%S}", fmt::localtime(now));
}

// An autoencoder (mlp, conv) checks its own input size or image shape.
bool is_autoencoder(const train::TrainConfig& config) {
  return config.family == "mlp" || config.family == "conv";
}

// The data fit the model: an mlp's input size, a conv model's input shape (taken from the
// training data, so the test data must match it); any other model takes the training data's
// width.
void check_width(const data::Dataset& d, const train::TrainConfig& config, Index train_width) {
  const Shape& shape = config.model.input_shape;
  if (!is_autoencoder(config)) {
    if (d.x.cols() != train_width)
      throw Error(fmt::format("model {} is fitted on rows of {} values (the training data's), data "
                              "'{}' has {} columns", config.get("model"), train_width, d.name,
                              d.x.cols()));
    return;
  }
  if (config.model.architecture == models::Architecture::conv) {
    if (!(d.shape == shape))
      throw Error(fmt::format("conv model expects images of shape [{}, {}, {}] (the training "
                              "data's), data '{}' has [{}, {}, {}]", shape.c, shape.h, shape.w,
                              d.name, d.shape.c, d.shape.h, d.shape.w));
    return;
  }
  const Index expected = config.model.dims.front();
  if (d.x.cols() != expected)
    throw Error(fmt::format("model expects {} inputs (dims {}), data '{}' has {} columns; "
                            "set --dims {},...", expected, config.get("dims"), d.name,
                            d.x.cols(), d.x.cols()));
}

// Splits rows (and their labels, if any) into training and validation parts with a seeded
// permutation.
void split_rows(const FloatMatrix& x, std::span<const int> labels, double val_split, std::uint64_t seed,
                FloatMatrix& train, std::vector<int>& train_labels, FloatMatrix& val, std::vector<int>& val_labels) {
  std::vector<std::int64_t> order(std::size_t(x.rows()));
  std::iota(order.begin(), order.end(), 0);
  Rng(seed).derive("split").shuffle(order);
  const Index n_val = Index(std::llround(val_split * double(x.rows())));
  if (n_val >= x.rows())
    throw UsageError(fmt::format("val_split {} leaves no training rows out of {}", val_split, x.rows()));
  val.resize(n_val, x.cols());
  train.resize(x.rows() - n_val, x.cols());
  for (Index i = 0; i < n_val; ++i) val.row(i) = x.row(order[std::size_t(i)]);
  for (Index i = n_val; i < x.rows(); ++i) train.row(i - n_val) = x.row(order[std::size_t(i)]);
  if (labels.empty()) return;
  for (Index i = 0; i < x.rows(); ++i) (i < n_val ? val_labels : train_labels).push_back(labels[std::size_t(order[std::size_t(i)])]);
}

void require_checkpoint(const fs::path& folder) {
  if (!fs::exists(folder / "checkpoint.aek"))
    throw UsageError(fmt::format("--resume: no checkpoint at '{}'", (folder / "checkpoint.aek").string()));
}

// Refuses a folder that already holds a run (before anything is trained).
void refuse_used_folder(const fs::path& folder) {
  for (const char* name : {"model.aek", "checkpoint.aek"})
    if (fs::exists(folder / name))
      throw UsageError(fmt::format("run folder '{}' already holds a run ({}); pass --resume to "
                                   "continue it or choose another --out", folder.string(), name));
}

// Temporaries (".NAME.tmp-PID-N", io/atomic_write.hpp) a killed process left in the folder.
void remove_stale_temporaries(const fs::path& folder) {
  for (const auto& entry : fs::directory_iterator(folder)) {
    const std::string name = entry.path().filename().string();
    if (name.starts_with(".") && name.find(".tmp-") != std::string::npos) fs::remove(entry.path());
  }
}

// A resumed run keeps the settings its checkpoint was trained with (app/resume_settings.hpp);
// returns the allowed changes, which the log names.
std::vector<SettingChange> resumed_settings_changes(const train::TrainConfig& config, const fs::path& folder) {
  const auto saved = folder / "config.toml";
  if (!fs::exists(saved)) return {};
  auto recorded = train::TrainConfig::defaults();
  recorded.merge_toml_file(saved);
  return check_resume_settings(recorded, config);
}

// What this call of run_training did: outcome, epochs and mean throughput of its epochs.
RunSummary summarize(const train::TrainerState& state, const std::string& outcome, int first_epoch,
                     Index train_rows) {
  RunSummary summary;
  summary.outcome = outcome;
  summary.epochs_done = state.epochs_done;
  summary.best_epoch = state.best_epoch;
  double seconds = 0, samples = 0;
  for (const auto& r : state.history)
    if (r.epoch >= first_epoch) {
      seconds += r.seconds;
      samples += double(train_rows);
    }
  summary.samples_per_second = seconds > 0 ? samples / seconds : 0;
  return summary;
}

// Test metrics of a model that reconstructs (with the training corruption, if any, applied to a copy of the
// test data), and the test MSE of PCA fitted on the same training rows with as many
// components as the code has: a comparison only for a code smaller than the input (PCA with
// as many components as inputs reconstructs exactly) and than the training rows, and not for
// PCA itself.
void test_against_pca(models::Model& model, const train::TrainConfig& config,
                      const FloatMatrix& train_x, const FloatMatrix& test_x, RunSummary& summary) {
  summary.has_test = true;
  summary.metrics = eval::measure_model(model, test_x, config.regularization().corruption,
                                        config.seed);
  summary.test = summary.metrics.reconstruction;
  const Index code_size = models::require_encoder(model).code_size();
  if (config.family == "pca" || code_size >= std::min(train_x.cols(), train_x.rows())) return;
  const auto pca = models::Pca::fit(train_x, code_size);
  summary.pca_test_mse =
      double((pca.reconstruct(test_x) - test_x).squaredNorm()) / double(test_x.size());
}

// The data of a run, scaled, with the training rows split into training and validation.
struct RunData {
  data::Dataset train_set, test_set;
  bool has_test = false;
  data::Scaling scaling;
  FloatMatrix train_x, val_x;
  std::vector<int> train_labels, val_labels;  // empty when the data has no labels
  std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();  // the run's wall time
  ThreadChoice threads;  // the run's thread count and why (summary.json's "run")
};

// The labels in `file` for the rows of `d`: one per row.
std::vector<int> labels_for(const data::Dataset& d, const std::string& file) {
  std::vector<int> labels = data::read_labels(file);
  if (labels.size() != std::size_t(d.x.rows()))
    throw UsageError(fmt::format("labels '{}': expected one label for each of the {} rows of data '{}', found {}",
                                 file, d.x.rows(), d.name, labels.size()));
  return labels;
}

// Loads and checks the data sets (config.model.input_shape is set from the training data).
// The caller sets the scaling (fitted, or a resumed run's), then calls scale_and_split.
RunData load_run_data(train::TrainConfig& config) {
  RunData d;
  d.train_set = data::load_dataset(config.data);
  if (!config.shape.empty()) data::set_row_shape(d.train_set, parse_image_shape(config.shape));
  if (!config.labels.empty()) d.train_set.labels = labels_for(d.train_set, config.labels);
  config.model.input_shape = d.train_set.shape;
  const Index width = d.train_set.x.cols();
  check_width(d.train_set, config, width);
  d.has_test = !config.test_data.empty() && config.test_data != "none";
  if (d.has_test) {
    d.test_set = data::load_dataset(config.test_data);
    if (!config.shape.empty()) data::set_row_shape(d.test_set, parse_image_shape(config.shape));
    check_width(d.test_set, config, width);
  }
  return d;
}

void scale_and_split(RunData& d, const train::TrainConfig& config) {
  d.scaling.apply(d.train_set.x);
  if (d.has_test) d.scaling.apply(d.test_set.x);
  split_rows(d.train_set.x, d.train_set.labels, config.val_split, config.seed, d.train_x, d.train_labels,
             d.val_x, d.val_labels);
}

// A classifier's test accuracy, cross-entropy and confusion matrix, when the test rows have labels.
void classify_test_rows(models::Model& model, const RunData& d, RunSummary& summary, nlohmann::json& results) {
  auto* classifier = model.classifier();
  if (!classifier) return;  // refuse_unlabelled_test_data checked the labels before training
  summary.classification = models::measure_classification(*classifier, d.test_set.x, d.test_set.labels, true);
  results["test_rows"] = d.test_set.x.rows();
  results["test_accuracy"] = summary.classification->accuracy;
  results["classification"] = summary.classification->to_json();
}

// A classifier (and a conditional model's likelihood) is scored on labelled test rows:
// UsageError before any training otherwise.
void refuse_unlabelled_test_data(models::Model& model, const RunData& d) {
  const bool conditional = model.likelihood() && model.likelihood()->condition_classes() > 0;
  if (d.has_test && (model.classifier() || conditional) && d.test_set.labels.empty())
    throw UsageError(fmt::format("test data '{}' has no labels to score the {} with (add ?labels=FILE to "
                                 "its spec, or --test-data none)", d.test_set.name,
                                 conditional ? "conditional model" : "classifier"));
}

// A likelihood model's test scores, by importance sampling with kTestImportanceSamples samples
// (`aekit eval --importance-samples K` for a tighter estimate).
constexpr Index kTestImportanceSamples = 20;
void score_test_likelihood(models::Model& model, const RunData& d, std::uint64_t seed, RunSummary& summary,
                           nlohmann::json& results) {
  auto* likelihood = model.likelihood();
  if (!likelihood) return;
  summary.likelihood = eval::data_likelihood(*likelihood, d.test_set.x.cast<Scalar>(), d.test_set.labels,
                                             kTestImportanceSamples, seed);
  results["test_likelihood"] = eval::likelihood_json(*summary.likelihood);
}

// What every run writes last: test metrics next to PCA's, model.aek, summary.json, report.
RunSummary finish_run(const fs::path& folder, const train::TrainConfig& config, const RunData& d,
                      models::Model& model, RunSummary summary, nlohmann::json results,
                      const train::TrainerState* state, const std::vector<double>& objective,
                      nlohmann::json history) {
  results.update({{"test_mse", nullptr}, {"test_bce", nullptr}, {"pca_test_mse", nullptr},
                  {"test_rows", 0}});
  if (d.has_test) classify_test_rows(model, d, summary, results);
  if (d.has_test) score_test_likelihood(model, d, config.seed, summary, results);
  if (d.has_test && model.reconstructor()) {
    test_against_pca(model, config, d.train_x, d.test_set.x, summary);
    results.update({{"test_mse", summary.test.mse}, {"test_bce", summary.test.bce},
                    {"pca_test_mse", summary.pca_test_mse ? nlohmann::json(*summary.pca_test_mse) : nlohmann::json()},
                    {"test_rows", d.test_set.x.rows()},
                    {"test", summary.metrics.to_json()}});
  }
  summary.folder = folder;
  results["run"] = run_facts(std::chrono::duration<double>(std::chrono::steady_clock::now() - d.started).count(),
                             d.threads);
  store::save_model(folder / "model.aek", model, d.scaling, d.train_set.shape,
                 {{"config", config.to_toml()}, {"results", results}, {"history", history}});
  io::atomic_write(folder / "summary.json", results.dump(2) + "\n");
  const FloatMatrix& eval_x = d.has_test ? d.test_set.x : d.val_x;
  const AnalysisData analysis{d.train_set.x, d.train_set.labels, d.test_set.x, d.test_set.labels,
                              data::class_names_of(config.data)};
  app::write_run_report(folder, {config, state, objective, results, model, d.scaling,
                                    d.train_set.shape, eval_x, d.has_test ? &analysis : nullptr});
  return summary;
}

// The scaling a run uses: a resumed run keeps its checkpoint's, a new one fits it.
data::Scaling run_scaling(const train::TrainConfig& config, const RunData& d, bool resume, const fs::path& checkpoint) {
  if (resume) return data::Scaling::from_json(io::load_model_file(checkpoint).header.at("scaling"));
  return data::Scaling::fit(data::parse_scaling_kind(config.scaling), d.train_set.x);
}

// A stop request that came before training (or during a one-shot fit): nothing is written.
void refuse_if_stopped(const StopSignals& signals, const std::string& when) {
  if (signals.requested())
    throw RunInterrupted(fmt::format("interrupted {}; nothing was written", when), signals.signal_number());
}

// A one-shot family: fitted on the training rows in one go, then written. A stop request
// during the fit takes effect when it ends (a second one ends the process at once); the folder
// is created only after it.
RunSummary run_fit(const train::TrainConfig& config, const fs::path& folder, RunData& d, FamilyRun& run,
                   const StopSignals& signals, std::ostream& log) {
  log << fmt::format("aekit train: {} rows x {} features ({} train, {} held out), model {} "
                     "with code size {}, {} threads -> {}\n", d.train_set.x.rows(),
                     d.train_set.x.cols(), d.train_x.rows(), d.val_x.rows(), config.get("model"),
                     config.code_size(), threads(), folder.string());
  const auto start = std::chrono::steady_clock::now();
  run.fit(d.train_x.cast<Scalar>(), log);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  log << fmt::format("fitted {} in {:.2f} s\n", run.model().description(), seconds);
  refuse_if_stopped(signals, "during the fit");
  io::CreatedFolders created(folder);
  io::atomic_write(folder / "config.toml", config.to_toml());
  RunSummary summary;
  summary.outcome = "fitted";
  summary.samples_per_second = seconds > 0 ? double(d.train_x.rows()) / seconds : 0;
  const std::vector<double> objective = run.objective();
  nlohmann::json results = {{"outcome", summary.outcome}, {"fit_seconds", seconds},
                            {"objective", objective},
                            {"samples_per_second", summary.samples_per_second}};
  if (const nlohmann::json stages = run.stages(); !stages.is_null()) results["stages"] = stages;
  return finish_run(folder, config, d, run.model(), summary, results, nullptr, objective,
                    nlohmann::json::array());
}

// A family trained by the one training loop, with a checkpoint after every epoch.
RunSummary run_loop(const train::TrainConfig& config, const fs::path& folder, RunData& d, FamilyRun& run,
                    bool resume, const StopSignals& signals, std::ostream& log, bool log_is_terminal) {
  train::TrainingStep& step = *run.step();
  const auto checkpoint = folder / "checkpoint.aek";
  train::TrainerState state;
  if (resume) store::load_checkpoint(checkpoint, run.model().to_json(), step, state);
  const int first_epoch = state.epochs_done + 1;
  const train::LoopSettings settings = loop_settings(config);
  train::Trainer trainer(step, settings);
  const train::Rows rows = run.loop_rows({d.train_x, d.train_labels});
  log << fmt::format("aekit train: {} rows x {} features ({} train{}, {} validation), model {}, "
                     "{} parameters, {} threads -> {}\n",
                     d.train_set.x.rows(), d.train_set.x.cols(), d.train_x.rows(),
                     rows.x.rows() < d.train_x.rows() ? fmt::format(", {} of them labelled", rows.x.rows()) : "",
                     d.val_x.rows(), run.model().description(), trainer.group_value_count(), threads(),
                     folder.string());
  train::Progress progress(log, log_is_terminal, settings.epochs,
                           (rows.x.rows() + settings.batch - 1) / settings.batch);
  EpochFiles files(folder, store::model_header(run.model(), d.scaling, d.train_set.shape), config);
  std::optional<SampleStrip> strip;
  if (auto* sampler = run.model().sampler()) strip.emplace(folder, *sampler, d.scaling, config.seed, first_epoch, settings.epochs);
  trainer.stop_when(&signals.requested());
  std::string outcome;
  try {
    outcome = trainer.fit(rows, {d.val_x, d.val_labels}, state, &progress,
                          [&](const train::TrainerState& s) {
                            if (strip) strip->after_epoch(s.epochs_done);
                            files.after_epoch(step, s);
                          });
    files.finish();
    if (trainer.interrupted()) {
      if (log_is_terminal) log << "\n";
      throw RunInterrupted(fmt::format("{}: checkpoint '{}' saved; continue with: aekit train --out {} --resume",
                                       outcome, checkpoint.string(), folder.string()),
                           signals.signal_number());
    }
  } catch (const train::TrainingDiverged& e) {
    files.wait();  // the last good epoch's files are complete before the message says so
    throw Error(fmt::format("{}; {}", e.what(), state.epochs_done > 0
        ? fmt::format("the last good checkpoint '{}' (epoch {}) is kept", checkpoint.string(), state.epochs_done)
        : std::string("no epoch finished, so nothing was saved")));
  }
  RunSummary summary = summarize(state, outcome, first_epoch, rows.x.rows());
  const nlohmann::json results = {{"outcome", outcome}, {"epochs_done", state.epochs_done},
                                  {"best_epoch", state.best_epoch},
                                  {"samples_per_second", summary.samples_per_second}};
  return finish_run(folder, config, d, run.model(), summary, results, &state, {}, state.history_json());
}

}  // namespace

RunSummary run_training(train::TrainConfig config, bool resume, std::ostream& log, bool log_is_terminal) {
  const StopSignals signals;
  config.validate();
  const ThreadChoice thread_choice = choose_threads(config.threads);
  set_threads(thread_choice.threads);
  config.threads_note = thread_choice.note();
  if (thread_choice.threads > thread_choice.budget.cores)
    log << fmt::format("warning: --threads {} is more than the {} cores this process may use ({}); "
                       "the threads would wait for each other and train slower, not faster\n",
                       thread_choice.threads, thread_choice.budget.cores,
                       thread_choice.budget.explanation());
  const fs::path folder = config.out.empty() ? default_run_folder() : fs::path(config.out);
  config.out = folder.string();
  const Family& family = find_family(config.get("model"));
  if (resume && !family.uses_loop(config))
    throw UsageError(fmt::format("--resume continues a run of the training loop; model {} is "
                                 "fitted in one go", config.get("model")));
  if (resume) {
    require_checkpoint(folder);
    for (const auto& c : resumed_settings_changes(config, folder))
      log << fmt::format("resuming with {} {} (was {})\n", c.name, c.after, c.before);
  } else {
    refuse_used_folder(folder);
  }
  RunData d = load_run_data(config);
  d.threads = thread_choice;
  d.scaling = run_scaling(config, d, resume, folder / "checkpoint.aek");
  scale_and_split(d, config);
  family.check(config, d.train_x.rows(), d.train_x.cols());
  const auto run = family.start(config, {d.train_x.cast<Scalar>(), d.train_labels});
  if (!run->step()) return run_fit(config, folder, d, *run, signals, log);
  refuse_unlabelled_test_data(run->model(), d);  // a one-shot fit has no model before it
  refuse_if_stopped(signals, "before training started");
  // A run killed in this folder (even before its first checkpoint) may have left temporaries.
  if (fs::is_directory(folder)) remove_stale_temporaries(folder);
  if (resume) return run_loop(config, folder, d, *run, resume, signals, log, log_is_terminal);
  // Created after every input check; removed again if the run fails before writing anything.
  io::CreatedFolders created(folder);
  try {
    return run_loop(config, folder, d, *run, resume, signals, log, log_is_terminal);
  } catch (...) {
    created.remove_if_empty();
    throw;
  }
}

}  // namespace aekit::app
