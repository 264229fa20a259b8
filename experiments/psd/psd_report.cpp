// Lecture 002's predictive sparse decomposition (Kavukcuoglu, Ranzato & LeCun 2008), measured:
// how close the fast encoder f(x) = tanh(x W^T + b) gets to the optimal codes, and how much
// faster one forward pass is than solving the LASSO.
//
//   1. data: --train patches of fashion-mnist:train and --test patches of fashion-mnist:test,
//      --size x --size at random places (data/random_patches.hpp; windows whose pixel std is
//      below --min-std, in stored units 0..255, are drawn again), each standardized (mean 0,
//      std 1) and then divided by sqrt(size^2): every patch has norm 1, so codes fit the
//      tanh encoder's range (-1, 1). --seed picks the patches (streams "train patches" and
//      "test patches") and PSD's start and batch order
//   2. Psd::fit on the training patches (models/sparse/psd.hpp): --atoms, --lambda, --gamma, --lr,
//      --epochs, --batch; the objective per epoch
//   3. on the test patches X[N,D], with the learned D[K,D]:
//        F  = f(X)                                         the fast encoder
//        H* = psd_infer_codes(X, F)                        PSD's optimal codes
//        L  = lasso(X, D, lambda) from zeros, cd and fista  plain LASSO codes, no prediction
//      relative distances, reconstruction MSE, support agreement with the LASSO's (|h| > t for
//      each t of --support-thresholds) (code_metrics.hpp); seconds per patch of each, its
//      fastest call over rounds in which the four run in turn (fastest_seconds.hpp), on
//      --threads threads
//   4. OUT/psd.md (the tables, also on stdout), OUT/atoms.png (the rows of D) and
//      OUT/encoder_filters.png (the rows of W), filters drawn as report/filter_image.hpp does
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "aekit/data/dataset.hpp"
#include "aekit/data/random_patches.hpp"
#include "aekit/io/atomic_write.hpp"
#include "aekit/models/sparse/lasso.hpp"
#include "aekit/models/sparse/psd.hpp"
#include "aekit/report/filter_image.hpp"
#include "aekit/image/image.hpp"
#include "aekit/tensor/threads.hpp"
#include "code_metrics.hpp"
#include "fastest_seconds.hpp"

namespace fs = std::filesystem;
using namespace aekit;
using psd_report::fastest_seconds;

namespace {

constexpr int kPixelScale = 4;  // each filter pixel drawn as 4x4

struct Args {
  fs::path out;
  int threads = 1;
  Index size = 8, train = 20000, test = 2000;
  float min_std = 16;
  std::vector<double> support_thresholds = {0.01, 0.05, 0.1};
  models::PsdConfig psd = [] {
    models::PsdConfig c;
    c.atoms = 64;
    c.lambda = 0.1;
    c.gamma = 1;
    c.lr = 0.2;
    c.epochs = 30;
    c.batch_size = 64;
    return c;
  }();
};

// Patches of `spec` as described above, [count, size^2], each of norm 1.
Matrix unit_patches(const std::string& spec, Index count, const Args& args,
                    const char* stream) {
  const data::Dataset images = data::load_dataset(spec);
  Rng rng = Rng(args.psd.seed).derive(stream);
  FloatMatrix patches =
      data::random_patches(images.x, images.shape, args.size, count, args.min_std, rng);
  data::standardize_rows(patches);
  patches /= std::sqrt(float(patches.cols()));
  return patches.cast<Scalar>();
}

struct Codes {
  std::string name;
  Matrix h{};          // [N,K]
  double seconds = 0;  // fastest time to compute h for all N rows
};

// The LASSO codes of x from zero codes, with the given solver.
Matrix lasso_from_zeros(const Matrix& x, const Matrix& dictionary, const Args& args,
                        models::LassoSolver solver) {
  models::LassoOptions options = args.psd.lasso;
  options.solver = solver;
  Matrix codes = Matrix::Zero(x.rows(), dictionary.rows());
  models::lasso(x, dictionary, args.psd.lambda, options, codes);
  return codes;
}

std::string settings_text(const Args& args, int argc, char** argv, double train_seconds) {
  std::string command = "experiments/psd/run BUILD";
  for (int i = 1; i < argc; ++i) command += fmt::format(" {}", argv[i]);
  const models::PsdConfig& c = args.psd;
  return fmt::format(
      "# PSD on Fashion-MNIST patches\n\n"
      "Command: `{}`\n\n"
      "Data: {} training patches (fashion-mnist:train) and {} test patches "
      "(fashion-mnist:test), {}x{}, pixel std >= {} (0..255), each with mean 0 and norm 1. "
      "PSD: {} atoms, lambda {}, gamma {}, lr {}, {} epochs of batches of {}, seed {}; "
      "LASSO solver {} with tolerance {} and at most {} iterations (PSD inference and plain "
      "LASSO alike). Threads: {}. Training took {:.1f} s.\n",
      command, args.train, args.test, args.size, args.size, args.min_std, c.atoms,
      c.lambda, c.gamma, c.lr, c.epochs, c.batch_size, c.seed,
      models::lasso_solver_name(c.lasso.solver), c.lasso.tolerance, c.lasso.max_iterations,
      args.threads, train_seconds);
}

// Table 1: each code against H* and the cd LASSO codes, its reconstruction and its LASSO
// objective (lasso.hpp's sparse_coding_objective).
std::string codes_table(const Matrix& x, const Matrix& dictionary, double lambda,
                        const std::vector<Codes>& all, const Codes& optimal, const Codes& lasso) {
  std::string text = fmt::format(
      "\n## Codes of the test patches\n\n"
      "Distance: ||H - R||_F / ||R||_F over all test patches. Reconstruction MSE per pixel of "
      "x - hD (the zero code: {:.5f}). LASSO objective: mean over patches of "
      "1/2 ||x - hD||^2 + lambda ||h||_1.\n\n"
      "| codes | distance to H* | distance to LASSO cd | non-zero units per patch | "
      "reconstruction MSE | LASSO objective |\n|---|---|---|---|---|---|\n",
      x.cast<double>().squaredNorm() / double(x.size()));
  for (const Codes& c : all)
    text += fmt::format("| {} | {:.3f} | {:.3f} | {:.2f} | {:.5f} | {:.5f} |\n", c.name,
                        psd_report::relative_distance(c.h, optimal.h),
                        psd_report::relative_distance(c.h, lasso.h),
                        double((c.h.array() != 0).count()) / double(c.h.rows()),
                        psd_report::reconstruction_mse(x, c.h, dictionary),
                        models::sparse_coding_objective(x, dictionary, c.h, lambda));
  return text;
}

// Table 2: the supports of f(x) and H* against the LASSO's, at each threshold.
std::string support_table(const std::vector<Codes>& compared, const Codes& lasso,
                          const std::vector<double>& thresholds) {
  std::string text =
      "\n## Support against the LASSO cd codes\n\n"
      "A unit is active where |h| > t, in both codes alike. Agreement: share of all units "
      "active in both or in neither.\n\n"
      "| t | codes | active units per patch | LASSO active units per patch | agreement | "
      "precision | recall |\n|---|---|---|---|---|---|---|\n";
  for (const double t : thresholds) {
    const double lasso_active = psd_report::support_agreement(lasso.h, lasso.h, t).active_per_row;
    for (const Codes& c : compared) {
      const psd_report::SupportAgreement s = psd_report::support_agreement(c.h, lasso.h, t);
      text += fmt::format("| {} | {} | {:.2f} | {:.2f} | {:.3f} | {:.3f} | {:.3f} |\n", t, c.name,
                          s.active_per_row, lasso_active, s.agreement, s.precision, s.recall);
    }
  }
  return text;
}

// Table 3: seconds per patch, and how many times slower than f(x), the first of `all`.
std::string timing_table(const std::vector<Codes>& all, Index rows, int threads) {
  std::string text = fmt::format(
      "\n## Time per test patch ({} thread{}, all {} patches at once, fastest call of each "
      "encoder over rounds in which all four run in turn)\n\n"
      "H* includes computing f(x), its warm start; the LASSO rows start from zero codes.\n\n"
      "| encoder | microseconds per patch | time / time of f(x) |\n|---|---|---|\n",
      threads, threads == 1 ? "" : "s", rows);
  for (const Codes& c : all)
    text += fmt::format("| {} | {:.3f} | {:.1f} |\n", c.name, 1e6 * c.seconds / double(rows),
                        c.seconds / all.front().seconds);
  return text;
}

std::string objective_table(const std::vector<double>& objective) {
  std::string text =
      "\n## PSD objective per epoch (training patches, mean over batches of L at H*)\n\n"
      "| epoch | objective |\n|---|---|\n";
  for (std::size_t e = 0; e < objective.size(); ++e)
    text += fmt::format("| {} | {:.5f} |\n", e + 1, objective[e]);
  return text;
}

void write_filters(const fs::path& path, const Matrix& filters, Index size) {
  const Index columns = Index(std::ceil(std::sqrt(double(filters.rows()))));
  image::write_png(path, report::filter_image(filters.cast<float>(), Shape{1, size, size},
                                               filters.rows(), columns, kPixelScale));
}

void run(const Args& args, int argc, char** argv) {
  set_threads(args.threads);
  args.psd.validate();  // before the data are loaded
  const Matrix train = unit_patches("fashion-mnist:train", args.train, args, "train patches");
  const Matrix x = unit_patches("fashion-mnist:test", args.test, args, "test patches");

  std::vector<double> objective;
  const auto start = std::chrono::steady_clock::now();
  const models::Psd model = models::Psd::fit(train, args.psd, &objective);
  const double train_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const models::PsdParameters& p = model.parameters();

  std::vector<Codes> all = {{"f(x) fast encoder"}, {"H* PSD inference"},
                            {"LASSO cd from zeros"}, {"LASSO fista from zeros"}};
  Codes &fast = all[0], &optimal = all[1], &cd = all[2], &fista = all[3];
  const std::vector<double> seconds = fastest_seconds({
      [&] { fast.h = model.encode(x); },
      [&] {
        optimal.h = models::psd_infer_codes(x, model.encode(x), p, args.psd.lambda,
                                            args.psd.gamma, args.psd.lasso);
      },
      [&] { cd.h = lasso_from_zeros(x, p.dictionary, args, models::LassoSolver::cd); },
      [&] { fista.h = lasso_from_zeros(x, p.dictionary, args, models::LassoSolver::fista); },
  });
  for (std::size_t i = 0; i < all.size(); ++i) all[i].seconds = seconds[i];

  const std::string text =
      settings_text(args, argc, argv, train_seconds) +
      codes_table(x, p.dictionary, args.psd.lambda, all, optimal, cd) +
      support_table({fast, optimal}, cd, args.support_thresholds) +
      timing_table(all, x.rows(), args.threads) + objective_table(objective);
  fs::create_directories(args.out);
  io::atomic_write(args.out / "psd.md", text);
  write_filters(args.out / "atoms.png", p.dictionary, args.size);
  write_filters(args.out / "encoder_filters.png", p.weight, args.size);
  std::cout << text << fmt::format("\nwrote {}\n", args.out.string());
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Predictive sparse decomposition on Fashion-MNIST patches: fast encoder vs LASSO"};
  Args args;
  models::PsdConfig& c = args.psd;
  app.add_option("out", args.out, "output folder")->required();
  app.add_option("--threads", args.threads)->capture_default_str();
  app.add_option("--size", args.size, "patch side")->capture_default_str();
  app.add_option("--train", args.train, "training patches")->capture_default_str();
  app.add_option("--test", args.test, "test patches")->capture_default_str();
  app.add_option("--min-std", args.min_std, "least pixel std of a patch (0..255)")
      ->capture_default_str();
  app.add_option("--support-thresholds", args.support_thresholds, "|h| above t: active")
      ->delimiter(',')
      ->capture_default_str();
  app.add_option("--atoms", c.atoms)->capture_default_str();
  app.add_option("--lambda", c.lambda)->capture_default_str();
  app.add_option("--gamma", c.gamma)->capture_default_str();
  app.add_option("--lr", c.lr)->capture_default_str();
  app.add_option("--epochs", c.epochs)->capture_default_str();
  app.add_option("--batch", c.batch_size)->capture_default_str();
  app.add_option("--seed", c.seed)->capture_default_str();
  app.add_option("--tolerance", c.lasso.tolerance, "of every LASSO")->capture_default_str();
  CLI11_PARSE(app, argc, argv);
  try {
    run(args, argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "aekit_psd_report: " << e.what() << "\n";
    return 1;
  }
}
