// aekit side of the dictionary-learning bench (bench/run, bench/sklearn_dictionary.py): learns
// a dictionary on the bench data and prints one JSON object with the settings, the seconds of
// the fit (best of --repeats, each from the same start), the objective trace, F of the result
// on all rows (our encoder), and the file its dictionary was written to, for the peer script
// to score with scikit-learn's encoder.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <iostream>
#include <nlohmann/json.hpp>

#include "aekit/data/dataset.hpp"
#include "aekit/data/npy.hpp"
#include "aekit/models/sparse/sparse_coding.hpp"
#include "aekit/tensor/threads.hpp"

using namespace aekit;

int main(int argc, char** argv) {
  CLI::App app{"aekit dictionary learning benchmark"};
  std::string data_spec, dictionary_out = "aekit_dictionary.npy", solver = "cd";
  models::SparseCodingConfig config;
  int threads = 2, repeats = 1;
  app.add_option("--data", data_spec, "e.g. npy:patches.npy")->required();
  app.add_option("--atoms", config.atoms);
  app.add_option("--alpha", config.alpha);
  app.add_option("--iterations", config.iterations, "batch: iterations; online: epochs");
  app.add_option("--batch", config.batch_size, "0: batch algorithm; b > 0: online");
  app.add_option("--solver", solver, "cd | fista");
  app.add_option("--tolerance", config.lasso.tolerance, "of each LASSO");
  app.add_option("--threads", threads);
  app.add_option("--repeats", repeats, "timed fits; the fastest is reported");
  app.add_option("--dictionary-out", dictionary_out);
  CLI11_PARSE(app, argc, argv);

  set_threads(threads);
  config.lasso.solver = models::parse_lasso_solver(solver);
  const data::Dataset d = data::load_dataset(data_spec);
  const Matrix x = d.x.cast<Scalar>();
  double best = 1e300;
  models::DictionaryLearningResult result;
  for (int r = 0; r < repeats; ++r) {
    const auto start = std::chrono::steady_clock::now();
    result = models::learn_dictionary(x, config);
    best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
                              .count());
  }
  const models::SparseCoding model(result.dictionary, config.alpha, config.lasso);
  data::write_npy(dictionary_out, result.dictionary.cast<float>());
  std::cout << nlohmann::json{{"peer", "aekit"},
                              {"rows", x.rows()},
                              {"features", x.cols()},
                              {"atoms", config.atoms},
                              {"alpha", config.alpha},
                              {"iterations", config.iterations},
                              {"batch_size", config.batch_size},
                              {"solver", solver},
                              {"threads", threads},
                              {"seconds", best},
                              {"trace", result.objective},
                              {"objective", model.objective(x)},
                              {"replaced_atoms", result.replaced_atoms},
                              {"dictionary_file", dictionary_out}}
                   .dump()
            << "\n";
}
