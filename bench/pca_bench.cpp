// aekit side of the PCA peer check in `make bench` (bench/sklearn_pca.py is scikit-learn's):
// models::Pca on Fashion-MNIST train scaled to [0, 1], for each solver and component count,
// printed as one JSON object. Per case: the fastest of --repeats fits (seconds; the fit
// centres the data, forms the products and solves the eigen-problems), the reconstruction
// MSE on the training data, mean((x - decode(encode(x)))^2) in double, and for the
// randomized solver the route it took (models/linear/randomized_svd.hpp).
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <iostream>
#include <limits>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "aekit/data/dataset.hpp"
#include "aekit/data/scaling.hpp"
#include "aekit/models/linear/pca.hpp"
#include "aekit/models/linear/randomized_svd.hpp"
#include "aekit/tensor/threads.hpp"

using namespace aekit;

namespace {

std::vector<std::string> split(const std::string& text) {
  std::vector<std::string> parts;
  std::stringstream in(text);
  for (std::string part; std::getline(in, part, ',');) parts.push_back(part);
  return parts;
}

double reconstruction_mse(const models::Pca& pca, const FloatMatrix& x) {
  const Matrix r = pca.reconstruct(x);
  double sum = 0;
  for (Index i = 0; i < x.rows(); ++i) sum += (r.row(i) - x.row(i)).cast<double>().squaredNorm();
  return sum / double(x.size());
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"aekit PCA benchmark"};
  std::string data_spec = "fashion-mnist:train", components = "32,100", solvers = "exact,randomized";
  int threads = 2, repeats = 3;
  app.add_option("--data", data_spec);
  app.add_option("--components", components);
  app.add_option("--solvers", solvers, "exact, randomized and/or auto, comma-separated");
  app.add_option("--threads", threads);
  app.add_option("--repeats", repeats, "timed fits per case; the fastest is reported");
  CLI11_PARSE(app, argc, argv);

  set_threads(threads);
  data::Dataset d = data::load_dataset(data_spec);
  data::Scaling::fit(data::ScalingKind::unit, d.x).apply(d.x);
  nlohmann::json cases = nlohmann::json::array();
  for (const std::string& solver : split(solvers))
    for (const std::string& k : split(components)) {
      models::PcaConfig config;
      config.components = std::stol(k);
      config.solver = models::parse_pca_solver(solver);
      double best = std::numeric_limits<double>::infinity();
      models::Pca pca;
      for (int r = 0; r < repeats; ++r) {
        const auto start = std::chrono::steady_clock::now();
        pca = models::Pca::fit(d.x, config);
        best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
      }
      nlohmann::json c = {{"solver", models::pca_solver_name(pca.solver())},
                          {"components", config.components}, {"fit_seconds", best},
                          {"mse", reconstruction_mse(pca, d.x)},
                          {"explained_variance_ratio", pca.explained_variance_ratio().sum()}};
      if (pca.solver() == models::PcaSolver::randomized) {
        const int q = config.resolved_power_iterations(d.x.rows(), d.x.cols());
        const auto route = models::randomized_svd_route(d.x.rows(), d.x.cols(), config.components,
                                                        {config.oversampling, q});
        c["route"] = route == models::SvdRoute::covariance ? "covariance" : "data";
        c["power_iterations"] = q;
      }
      cases.push_back(c);
    }
  std::cout << nlohmann::json{{"peer", "aekit"}, {"threads", threads}, {"rows", d.x.rows()},
                              {"cols", d.x.cols()}, {"cases", cases}}
                   .dump()
            << "\n";
}
