// Cross-check of the image layers against PyTorch (tests/oracle/layer_oracle.py): Conv2d
// (stride, padding, dilation), ConvTranspose2d (output padding), MaxPool2d, AvgPool2d,
// Upsample (nearest, bilinear) and BatchNorm (training, with its running statistics, and
// inference).
//
// For each case this test draws the input x, the parameters and an upstream gradient r, runs
// forward and backward, and writes x, r and the parameters (aekit's layouts) for the script.
// PyTorch builds the same layer from them and returns y, dL/dx and dL/dparams for
// L = sum(r ⊙ y), which must agree:  |a - b| <= 1e-4 max(|a|, |b|) + 1e-5.
// If /usr/bin/python3 or torch is missing the test FAILS (it never skips): install
// python3-torch (scripts/install-deps).
#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "aekit/data/npy.hpp"
#include "aekit/nn/avg_pool2d.hpp"
#include "aekit/nn/batch_norm.hpp"
#include "aekit/nn/conv2d.hpp"
#include "aekit/nn/conv_transpose2d.hpp"
#include "aekit/nn/max_pool2d.hpp"
#include "aekit/nn/parameters.hpp"
#include "aekit/nn/upsample.hpp"
#include "support/random_data.hpp"
#include "support/test_support.hpp"

namespace aekit::nn {
namespace {

namespace fs = std::filesystem;

struct LayerCase {
  std::string name;
  nlohmann::json description;  // what the script needs to build the torch layer
  std::function<LayerPtr()> make;
};

std::vector<LayerCase> cases() {
  const auto conv = [](Shape in, Index out, ConvKernel k) {
    return nlohmann::json{{"kind", "conv2d"}, {"input", {in.c, in.h, in.w}}, {"out", out},
                          {"kernel", k.size}, {"stride", k.stride}, {"padding", k.padding},
                          {"dilation", k.dilation}};
  };
  const auto pool = [](const char* kind, Shape in, Index k, Index s) {
    return nlohmann::json{{"kind", kind}, {"input", {in.c, in.h, in.w}}, {"kernel", k}, {"stride", s}};
  };
  std::vector<LayerCase> list = {
      {"conv_s2_p1", conv({2, 7, 6}, 3, {3, 2, 1, 1}),
       [] { return std::make_unique<Conv2d>(Shape{2, 7, 6}, 3, ConvKernel{3, 2, 1, 1}); }},
      {"conv_dilated", conv({3, 6, 6}, 2, {2, 1, 1, 2}),
       [] { return std::make_unique<Conv2d>(Shape{3, 6, 6}, 2, ConvKernel{2, 1, 1, 2}); }},
      {"max_pool", pool("max_pool2d", {2, 6, 6}, 2, 2),
       [] { return std::make_unique<MaxPool2d>(Shape{2, 6, 6}, 2, 2); }},
      {"avg_pool", pool("avg_pool2d", {2, 7, 5}, 3, 1),
       [] { return std::make_unique<AvgPool2d>(Shape{2, 7, 5}, 3, 1); }},
  };
  nlohmann::json transpose = conv({3, 4, 4}, 2, {3, 2, 1, 1});
  transpose["kind"] = "conv_transpose2d";
  transpose["output_padding"] = 1;
  list.push_back({"conv_transpose", transpose, [] {
                    return std::make_unique<ConvTranspose2d>(Shape{3, 4, 4}, 2, ConvKernel{3, 2, 1, 1}, 1);
                  }});
  for (const char* mode : {"nearest", "bilinear"}) {
    const UpsampleMode m = std::string(mode) == "nearest" ? UpsampleMode::nearest : UpsampleMode::bilinear;
    list.push_back({std::string("upsample_") + mode,
                    {{"kind", "upsample"}, {"input", {2, 3, 4}}, {"scale", 2}, {"mode", mode}},
                    [m] { return std::make_unique<Upsample>(Shape{2, 3, 4}, 2, m); }});
  }
  for (const bool training : {true, false})
    list.push_back({training ? "batch_norm_training" : "batch_norm_inference",
                    {{"kind", "batch_norm"}, {"input", {3, 3, 4}}, {"training", training}},
                    [] { return std::make_unique<BatchNorm>(3, 12); }});
  return list;
}

// A layer, its parameters and its forward/backward results on one batch.
struct LayerRun {
  LayerPtr layer;
  Parameters params;
  FloatMatrix x, r, y, dx;
};

void expect_close(const FloatMatrix& ours, const FloatMatrix& torch, const std::string& what) {
  ASSERT_EQ(ours.rows(), torch.rows()) << what;
  ASSERT_EQ(ours.cols(), torch.cols()) << what;
  for (Index i = 0; i < ours.size(); ++i) {
    const double a = ours.data()[i], b = torch.data()[i];
    ASSERT_LE(std::abs(a - b), 1e-4 * std::max(std::abs(a), std::abs(b)) + 1e-5)
        << what << "[" << i << "]: aekit " << a << ", torch " << b;
  }
}

TEST(LayerOracle, ForwardAndGradientsMatchPyTorch) {
  test::TempDir dir;
  std::vector<std::unique_ptr<LayerRun>> runs;
  Rng noise(7);  // training mode for BatchNorm
  for (const auto& c : cases()) {
    auto run = std::make_unique<LayerRun>();
    run->layer = c.make();
    Layer& layer = *run->layer;
    run->params.allocate_and_bind({{"layer", &layer}});
    Rng rng(std::hash<std::string>{}(c.name) % 1000);
    for (auto& v : run->params.values()) v = Scalar(rng.uniform(-0.8, 0.8));
    run->x = test::uniform_data(4, layer.in_features(), 1).array() * 4 - 2;
    run->r = test::uniform_data(4, layer.out_features(), 2).array() * 2 - 1;
    if (c.description.value("training", false)) layer.set_training(&noise);
    run->y = layer.forward(run->x);
    run->dx = layer.backward(run->r);
    const fs::path folder = dir / c.name;
    fs::create_directories(folder);
    test::write_file(folder / "case.json", c.description.dump());
    data::write_npy(folder / "x.npy", run->x);
    data::write_npy(folder / "r.npy", run->r);
    for (std::size_t i = 0; i < run->params.slices().size(); ++i) {
      const auto& s = run->params.slices()[i];
      data::write_npy(folder / ("param" + std::to_string(i) + ".npy"),
                      Eigen::Map<const FloatMatrix>(run->params.values().data() + s.offset, 1, s.rows * s.cols));
    }
    runs.push_back(std::move(run));
  }
  const std::string command = std::string(AEKIT_PYTHON) + " " + AEKIT_SOURCE_DIR +
                              "/tests/oracle/layer_oracle.py " + dir.path().string();
  const auto script = test::run_command(command);
  ASSERT_EQ(script.exit_code, 0) << "the PyTorch oracle script failed; it needs /usr/bin/python3 "
                                    "with torch (Debian python3-torch)\ncommand: "
                                 << command << "\noutput:\n" << script.output;
  const auto all = cases();
  for (std::size_t k = 0; k < all.size(); ++k) {
    SCOPED_TRACE(all[k].name);
    const LayerRun& run = *runs[k];
    const fs::path folder = dir / all[k].name;
    expect_close(run.y, data::read_npy(folder / "y.npy").x, "y");
    expect_close(run.dx, data::read_npy(folder / "dx.npy").x, "dx");
    for (std::size_t i = 0; i < run.params.slices().size(); ++i) {
      const auto& s = run.params.slices()[i];
      const FloatMatrix grad = Eigen::Map<const FloatMatrix>(run.params.grads().data() + s.offset, 1, s.rows * s.cols);
      expect_close(grad, data::read_npy(folder / ("dparam" + std::to_string(i) + ".npy")).x, s.name);
    }
    if (const auto* norm = dynamic_cast<const BatchNorm*>(run.layer.get())) {
      expect_close(norm->running_mean(), data::read_npy(folder / "running_mean.npy").x, "running mean");
      expect_close(norm->running_var(), data::read_npy(folder / "running_var.npy").x, "running var");
    }
  }
}

}  // namespace
}  // namespace aekit::nn
