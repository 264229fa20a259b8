// The image layers split a batch over the threads (tensor/batch_parts.hpp). On batches large
// enough to be split: one thread and two give bit-identical outputs, input gradients and
// (accumulated) parameter gradients, and a batch's results equal those of its samples run
// one at a time. (The gradient checks run small batches, which are one part.) Every case is
// large enough for BatchParts::split to cut 48 rows into parts.
#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include "aekit/nn/avg_pool2d.hpp"
#include "aekit/nn/batch_norm.hpp"
#include "aekit/nn/conv2d.hpp"
#include "aekit/nn/conv_transpose2d.hpp"
#include "aekit/nn/max_pool2d.hpp"
#include "aekit/nn/parameters.hpp"
#include "aekit/nn/upsample.hpp"
#include "support/random_matrix.hpp"
#include "support/scoped_threads.hpp"

namespace aekit::nn {
namespace {

struct LayerCase {
  const char* name;
  std::function<LayerPtr()> make;
};

void PrintTo(const LayerCase& c, std::ostream* os) { *os << c.name; }

// What one forward and backward pass produced.
struct Pass {
  Matrix y, dx;
  Vector grads;
};

constexpr Index kRows = 48;

// Forward and backward on rows [begin, begin + rows) of fixed random data, parameters and
// gradients pre-filled from fixed seeds (so the accumulation is checked too); with
// `accumulate_into`, the gradients start from those of an earlier pass instead.
Pass run(Layer& layer, Index begin, Index rows, const Vector* accumulate_into = nullptr) {
  Parameters params;
  params.allocate_and_bind({{"layer", &layer}});
  Rng rng(7);
  for (auto& v : params.values()) v = Scalar(rng.uniform(-1, 1));
  for (auto& g : params.grads()) g = Scalar(rng.uniform(-1, 1));
  if (accumulate_into)
    std::copy(accumulate_into->begin(), accumulate_into->end(), params.grads().begin());
  Rng noise(8);
  layer.set_training(&noise);
  const Matrix x = test::random_matrix(kRows, layer.in_features(), -1, 1, rng);
  const Matrix dy = test::random_matrix(kRows, layer.out_features(), -1, 1, rng);
  Pass pass;
  pass.y = layer.forward(x.middleRows(begin, rows));
  pass.dx = layer.backward(dy.middleRows(begin, rows));
  pass.grads = Eigen::Map<const Vector>(params.grads().data(), params.size());
  return pass;
}

class ImageLayerThreads : public ::testing::TestWithParam<LayerCase> {};

TEST_P(ImageLayerThreads, OneAndTwoThreadsGiveTheSameBits) {
  const auto on_threads = [](int count) {
    const test::ScopedThreads scope(count);
    return run(*GetParam().make(), 0, kRows);
  };
  const Pass one = on_threads(1), two = on_threads(2);
  EXPECT_EQ(one.y, two.y);
  EXPECT_EQ(one.dx, two.dx);
  EXPECT_EQ(one.grads, two.grads);
}

// Layers that treat every sample on its own (BatchNorm is not one: it uses batch statistics).
class PerSampleImageLayer : public ::testing::TestWithParam<LayerCase> {};

TEST_P(PerSampleImageLayer, ABatchGivesWhatItsSamplesGiveOneAtATime) {
  const test::ScopedThreads two(2);
  const Pass batch = run(*GetParam().make(), 0, kRows);
  LayerPtr layer = GetParam().make();
  Pass sample = run(*layer, 0, 1);
  for (Index n = 1; n < kRows; ++n) {
    const Pass next = run(*layer, n, 1, &sample.grads);
    EXPECT_EQ(batch.y.row(n), next.y) << "sample " << n;
    EXPECT_EQ(batch.dx.row(n), next.dx) << "sample " << n;
    sample.grads = next.grads;
  }
  if (batch.grads.size() > 0) {
    EXPECT_LT((batch.grads - sample.grads).cwiseAbs().maxCoeff(),
              1e-4 * (1 + batch.grads.cwiseAbs().maxCoeff()));
  }
}

std::vector<LayerCase> per_sample_cases() {
  return {
        LayerCase{"conv2d", [] {
                    return std::make_unique<Conv2d>(Shape{3, 12, 10}, 4, ConvKernel{3, 1, 1, 1},
                                                    Activation::tanh);
                  }},
        LayerCase{"conv2d_strided", [] {
                    return std::make_unique<Conv2d>(Shape{2, 21, 19}, 3, ConvKernel{3, 2, 1, 2},
                                                    Activation::relu);
                  }},
        LayerCase{"conv_transpose2d", [] {
                    return std::make_unique<ConvTranspose2d>(
                        Shape{4, 7, 6}, 3, ConvKernel{3, 2, 1, 1}, 1, Activation::sigmoid);
                  }},
        LayerCase{"max_pool2d",
                  [] { return std::make_unique<MaxPool2d>(Shape{8, 24, 20}, 2, 2); }},
        LayerCase{"avg_pool2d",
                  [] { return std::make_unique<AvgPool2d>(Shape{8, 24, 20}, 3, 2); }},
        LayerCase{"upsample",
                  [] {
                    return std::make_unique<Upsample>(Shape{8, 12, 10}, 2, UpsampleMode::bilinear);
                  }}};
}

std::vector<LayerCase> all_cases() {
  auto cases = per_sample_cases();
  cases.push_back({"batch_norm", [] { return std::make_unique<BatchNorm>(8, 120); }});
  return cases;
}

std::string case_name(const ::testing::TestParamInfo<LayerCase>& info) { return info.param.name; }

INSTANTIATE_TEST_SUITE_P(Layers, ImageLayerThreads, ::testing::ValuesIn(all_cases()), case_name);
INSTANTIATE_TEST_SUITE_P(Layers, PerSampleImageLayer, ::testing::ValuesIn(per_sample_cases()),
                         case_name);

}  // namespace
}  // namespace aekit::nn
