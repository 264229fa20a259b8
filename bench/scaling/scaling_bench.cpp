// Threads vs speed of aekit's engine: the GEMM peak, an MLP training step and the conv
// layers' step at 1, 2, 4, 8, 16 threads (`bench/run BUILD scaling`, or standalone on any
// machine with a compiler and Eigen: bench/scaling/build). Random data, as the PyTorch figures
// it is compared with (bench/scaling/torch_scaling.py). One JSON object per thread count.
//
// It compiles aekit's tensor engine (thread pool, GEMMs, im2col, batch parts) and nothing
// else, so the model layers are written out here with the same kernels and shapes:
//   MLP 784-256-32-256-784, ReLU, sigmoid output, MSE, Adam 1e-3 (the `make bench` MLP):
//     forward  h_l = act(h_{l-1} W_l^T + b_l)                    gemm_nt
//     backward dW_l = dz_l^T h_{l-1}, dh_{l-1} = dz_l W_l           gemm_tn, gemm_nn
//     6 * sum(in * out) - 2 * 784 * 256 FLOP per sample
//   conv: the two 3x3 convolutions of the bench's encoder, 1 -> 32 channels on 28x28 and
//     32 -> 32 on 14x14 (padding 1), forward and backward per sample (im2col, one GEMM each
//     way, col2im), samples split over the threads (tensor/batch_parts.hpp), weight gradients
//     summed per part in part order. 6 * 9 * (1*32*784 + 32*32*196) - 2 * 9 * 32*784 FLOP per
//     sample, over 90% of the conv model's.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "aekit/optim/parallel_for.hpp"
#include "aekit/tensor/batch_parts.hpp"
#include "aekit/tensor/gemm.hpp"
#include "aekit/tensor/im2col.hpp"
#include "aekit/tensor/threads.hpp"
#include "aekit/tensor/usable_cores.hpp"

using namespace aekit;

namespace {

using Clock = std::chrono::steady_clock;
double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Runs step() for at least `seconds` after one warm-up call; calls per second.
template <typename Step>
double rate(double seconds, Step step) {
  step();
  int calls = 0;
  const auto start = Clock::now();
  do {
    step();
    ++calls;
  } while (seconds_since(start) < seconds);
  return calls / seconds_since(start);
}

struct Adam {
  Vector m, v;
  int t = 0;
  explicit Adam(Index n) : m(Vector::Zero(n)), v(Vector::Zero(n)) {}
  // theta -= lr * m_hat / (sqrt(v_hat) + eps), one parallel pass (optim/parallel_for.hpp).
  void step(Scalar* theta, const Scalar* g) {
    ++t;
    const Scalar c1 = Scalar(1 / (1 - std::pow(0.9, t))), c2 = Scalar(1 / (1 - std::pow(0.999, t)));
    Scalar* m_ = m.data();
    Scalar* v_ = v.data();
    optim::parallel_for(m.size(), [&](Index i) {
      m_[i] = 0.9f * m_[i] + 0.1f * g[i];
      v_[i] = 0.999f * v_[i] + 0.001f * g[i] * g[i];
      theta[i] -= 1e-3f * (m_[i] * c1) / (std::sqrt(v_[i] * c2) + 1e-8f);
    });
  }
};

// The MLP autoencoder's training step on one batch: parameters in one block, as aekit's.
class MlpStep {
 public:
  MlpStep(Index batch) : x_(Matrix::Random(batch, 784).cwiseAbs()) {
    for (std::size_t l = 0; l + 1 < dims_.size(); ++l) {
      weights_.push_back(Matrix::Random(dims_[l + 1], dims_[l]) * Scalar(0.05));
      biases_.push_back(RowVector::Zero(dims_[l + 1]));
      weight_grads_.push_back(Matrix::Zero(dims_[l + 1], dims_[l]));
      bias_grads_.push_back(RowVector::Zero(dims_[l + 1]));
      h_.push_back(Matrix(batch, dims_[l + 1]));
      dz_.push_back(Matrix(batch, dims_[l + 1]));
      dh_.push_back(Matrix(batch, dims_[l]));
      adams_.emplace_back(weights_.back().size());
      bias_adams_.emplace_back(biases_.back().size());
    }
  }
  static double flop_per_sample() { return 6 * 2 * (784.0 * 256 + 256 * 32) - 2 * 784.0 * 256; }

  void step() {
    const std::size_t layers = weights_.size();
    for (std::size_t l = 0; l < layers; ++l) {
      ConstMatrixRef in = l == 0 ? ConstMatrixRef(x_) : ConstMatrixRef(h_[l - 1]);
      gemm_nt(in, weights_[l], h_[l]);
      h_[l].rowwise() += biases_[l];
      if (l + 1 < layers)
        h_[l] = h_[l].cwiseMax(Scalar(0));
      else
        h_[l] = (1 + (-h_[l].array()).exp()).inverse().matrix();
    }
    // dz of the output: d MSE / dy * sigmoid'(y)
    Matrix& y = h_[layers - 1];
    dz_[layers - 1] = ((y - x_).array() * (Scalar(2) / Scalar(y.size())) * y.array() * (1 - y.array())).matrix();
    for (std::size_t l = layers; l-- > 0;) {
      ConstMatrixRef in = l == 0 ? ConstMatrixRef(x_) : ConstMatrixRef(h_[l - 1]);
      gemm_tn(dz_[l], in, weight_grads_[l]);
      bias_grads_[l] = dz_[l].colwise().sum();
      if (l > 0) {
        gemm_nn(dz_[l], weights_[l], dh_[l]);
        dz_[l - 1] = (dh_[l].array() * (h_[l - 1].array() > 0).cast<Scalar>()).matrix();
      }
    }
    for (std::size_t l = 0; l < layers; ++l) {
      adams_[l].step(weights_[l].data(), weight_grads_[l].data());
      bias_adams_[l].step(biases_[l].data(), bias_grads_[l].data());
    }
  }

 private:
  std::vector<Index> dims_{784, 256, 32, 256, 784};
  Matrix x_;
  std::vector<Matrix> weights_, weight_grads_, h_, dh_, dz_;  // dz_[l]: layer l's pre-activation gradient
  std::vector<RowVector> biases_, bias_grads_;
  std::vector<Adam> adams_, bias_adams_;
};

// One 3x3 convolution (padding 1) forward and backward over a batch, samples over the threads.
class ConvLayerStep {
 public:
  ConvLayerStep(Index batch, Index in_channels, Index out_channels, Index side)
      : geometry_{{in_channels, side, side}, {3, 1, 1, 1}},
        x_(Matrix::Random(batch, in_channels * side * side)),
        w_(Matrix::Random(out_channels, geometry_.patch_size()) * Scalar(0.1)),
        y_(batch, out_channels * geometry_.positions()),
        dx_(batch, x_.cols()), dw_(w_.rows(), w_.cols()) {}
  double flop_per_sample(bool input_gradient) const {
    const double gemm = 2.0 * double(w_.size()) * double(geometry_.positions());
    return (input_gradient ? 3 : 2) * gemm;
  }

  void step(bool input_gradient) {
    const Index positions = geometry_.positions(), patch = geometry_.patch_size();
    const BatchParts parts = BatchParts::split(x_.rows(), flop_per_sample(input_gradient) * x_.rows());
    cols_.reserve(parts.workers(), patch, positions);
    dcols_.reserve(parts.workers(), patch, positions);
    sums_.reset(parts, dw_.data(), dw_.size());
    dw_.setZero();
    parts.run([&](Index part, Index worker, Index begin, Index end) {
      MatrixMap cols = cols_.block(worker), dcols = dcols_.block(worker);
      Eigen::Map<Matrix> dw_part(sums_.part(part), w_.rows(), w_.cols());
      for (Index n = begin; n < end; ++n) {
        im2col(geometry_, x_.row(n).data(), cols);
        Eigen::Map<Matrix> y(y_.row(n).data(), w_.rows(), positions);
        gemm_nn(w_, cols, y);                      // y[O, P] = W[O, C*9] cols[C*9, P]
        y = y.cwiseMax(Scalar(0));                 // ReLU; its output is its own gradient mask
        gemm_nt(y, cols, dw_part, true);           // dW += dy cols^T  (dy = y, a stand-in)
        if (input_gradient) {
          gemm_tn(w_, y, dcols);                   // dcols = W^T dy
          col2im(geometry_, dcols, dx_.row(n).data());
        }
      }
    });
    sums_.reduce();
  }

 private:
  ConvGeometry geometry_;
  Matrix x_, w_, y_, dx_, dw_;
  WorkerScratch cols_, dcols_;
  PartialSums sums_;
};

double gemm_peak(Index n, double seconds) {
  Matrix a = Matrix::Random(n, n), b = Matrix::Random(n, n), c(n, n);
  return 2.0 * double(n) * n * n * rate(seconds, [&] { gemm_nn(a, b, c); }) / 1e9;
}

std::vector<int> parse_list(const char* text) {
  std::vector<int> out;
  for (const char* p = text; *p;) {
    out.push_back(std::atoi(p));
    while (*p && *p != ',') ++p;
    if (*p == ',') ++p;
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<int> thread_counts{1, 2, 4, 8, 16}, batches{128, 1024};
  double seconds = 2;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--threads") thread_counts = parse_list(argv[i + 1]);
    else if (flag == "--batches") batches = parse_list(argv[i + 1]);
    else if (flag == "--seconds") seconds = std::atof(argv[i + 1]);
    else {
      std::fprintf(stderr, "usage: %s [--threads 1,2,4,8,16] [--batches 128,1024] [--seconds 2]\n", argv[0]);
      return 2;
    }
  }
  for (const int t : thread_counts) {
    set_threads(t);
    std::printf("{\"threads\": %d, \"usable_cores\": %d, \"gemm_gflops\": %.1f", t, usable_cores(),
                gemm_peak(1024, seconds));
    for (const int batch : batches) {
      MlpStep mlp(batch);
      std::printf(", \"mlp_batch%d_samples_per_second\": %.0f", batch,
                  batch * rate(seconds, [&] { mlp.step(); }));
    }
    ConvLayerStep conv1(128, 1, 32, 28), conv2(128, 32, 32, 14);
    const double conv = 128 * rate(seconds, [&] {
      conv1.step(false);
      conv2.step(true);
    });
    std::printf(", \"conv_batch128_samples_per_second\": %.0f, \"mlp_flop_per_sample\": %.0f, "
                "\"conv_flop_per_sample\": %.0f}\n",
                conv, MlpStep::flop_per_sample(),
                conv1.flop_per_sample(false) + conv2.flop_per_sample(true));
    std::fflush(stdout);
  }
}
