// A new model family, written the way a contributor would add one, to show what the house
// gives it for free: a tied linear autoencoder h = x W^T, x^ = h W (W [K,D]) trained by the
// loop on the mean squared error. Everything it writes is between the two "family" marks
// below (the model, its training step, its registration); training through `aekit train`'s
// own driver, checkpoints, --resume bit for bit, metrics, the model file and the run report
// come from the house.
#include <gtest/gtest.h>

#include <fmt/format.h>

#include <fstream>
#include <sstream>

#include "aekit/app/family.hpp"
#include "aekit/app/run_training.hpp"
#include "aekit/data/npy.hpp"
#include "aekit/models/registry.hpp"
#include "aekit/settings/bindings.hpp"
#include "aekit/settings/registry.hpp"
#include "aekit/store/saved_model.hpp"
#include "aekit/tensor/gemm.hpp"
#include "support/random_data.hpp"
#include "support/test_support.hpp"

namespace aekit::test {
namespace {

// ---- family: begin ----
class TiedLinear final : public models::Model, public models::Encoder, public models::Decoder,
                         public models::Reconstructor {
 public:
  TiedLinear(Index features, Index code) : w_(Matrix::Zero(code, features)) {}
  std::string kind() const override { return "tied_linear"; }
  Index input_size() const override { return w_.cols(); }
  Index code_size() const override { return w_.rows(); }
  std::string description() const override { return fmt::format("tied linear {} -> {}", w_.cols(), w_.rows()); }
  models::Encoder* encoder() override { return this; }
  models::Decoder* decoder() override { return this; }
  models::Reconstructor* reconstructor() override { return this; }
  ConstMatrixRef encode(ConstMatrixRef x) override { return h_ = x * w_.transpose(); }  // [N,K]
  ConstMatrixRef decode(ConstMatrixRef h) override { return y_ = h * w_; }              // [N,D]
  ConstMatrixRef reconstruct(ConstMatrixRef x) override { return decode(encode(x)); }
  nlohmann::json to_json() const override { return {{"kind", kind()}, {"features", w_.cols()}, {"code", w_.rows()}}; }
  std::vector<models::StateBlock> state_layout() const override { return {{"weight", w_.rows(), w_.cols()}}; }
  std::vector<float> state() const override { return {w_.data(), w_.data() + w_.size()}; }
  void set_state(std::span<const float> v) override {
    models::check_state_size(*this, v.size());
    std::copy(v.begin(), v.end(), w_.data());
  }
  Matrix w_, h_, y_;
};

// L = 1/(N D) ||x W^T W - x||^2; with h = x W^T and R = h W - x:
//   dL/dW = 2/(N D) (h^T R + (R W^T)^T x)
class TiedLinearStep final : public train::TrainingStep {
 public:
  TiedLinearStep(TiedLinear& m, const train::TrainConfig& c)
      : m_(m), grad_(m.w_), optimizer_(optim::make_optimizer(c.optimizer)),
        group_{"model", {m.w_.data(), std::size_t(m.w_.size())}, {grad_.data(), std::size_t(grad_.size())},
               optimizer_.get(), c.lr} {}
  std::span<train::ParameterGroup> groups() override { return {&group_, 1}; }
  void step(const train::Batch& b, train::StepContext& ctx, std::span<double> losses) override {
    const Matrix r = m_.reconstruct(b.x) - b.x;
    const double scale = 2.0 / double(b.x.size());
    grad_ = Scalar(scale) * (m_.h_.transpose() * r + (r * m_.w_.transpose()).transpose() * b.x);
    losses[0] = r.squaredNorm() / double(b.x.size());
    ctx.update(group_);
  }
  std::vector<std::string> metric_names() const override { return {"mse"}; }
  void validate(const train::Batch& batch, std::span<double> metrics) override {
    metrics[0] = (m_.reconstruct(batch.x) - batch.x).squaredNorm() / double(batch.x.size());
  }

 private:
  TiedLinear& m_;
  Matrix grad_;
  std::unique_ptr<optim::Optimizer> optimizer_;
  train::ParameterGroup group_;
};

struct TiedLinearRun final : app::FamilyRun {
  TiedLinearRun(const train::TrainConfig& c, Index features)
      : net_(features, Index(c.number("tied_code"))), step_(net_, c) {
    Rng rng = Rng(c.seed).derive("init");
    for (Index i = 0; i < net_.w_.size(); ++i) net_.w_.data()[i] = Scalar(0.1 * rng.normal());
  }
  train::TrainingStep* step() override { return &step_; }
  models::Model& model() override { return net_; }
  TiedLinear net_;
  TiedLinearStep step_;
};

void register_tied_linear() {
  train::register_settings_section({.name = "tied_linear",
                                    .models = {"tied_linear"},
                                    .options = {{.name = "tied_code",
                                                 .type = train::OptionType::integer,
                                                 .default_value = "8",
                                                 .help = "tied_linear: code size",
                                                 .check = train::at_least(1, "at least 1"),
                                                 .binding = train::stored_as_text()}}});
  models::register_model_kind("tied_linear", [](const nlohmann::json& j) {
    return std::make_unique<TiedLinear>(j.at("features").get<Index>(), j.at("code").get<Index>());
  });
  app::register_family({{"tied_linear"},
                        [](const train::TrainConfig&) { return true; },
                        [](const train::TrainConfig&, Index, Index) {},
                        [](const train::TrainConfig& c, const train::Rows& rows) {
                          return std::make_unique<TiedLinearRun>(c, rows.x.cols());
                        }});
}
// ---- family: end ----

void register_once() {
  static const bool registered = [] {
    register_tied_linear();
    return true;
  }();
  (void)registered;
}

TEST(TinyFamily, TrainsResumesBitIdenticallyAndWritesTheRunThroughTheHouse) {
  register_once();
  TempDir dir;
  data::write_npy(dir.path() / "x.npy", manifold_data(300, 12, 1));
  data::write_npy(dir.path() / "t.npy", manifold_data(60, 12, 2));
  const auto config = [&](int epochs, const char* out) {
    auto c = train::TrainConfig::defaults();
    for (const auto& [key, value] : std::vector<std::pair<std::string, std::string>>{
             {"model", "tied_linear"}, {"tied_code", "3"}, {"scaling", "none"}, {"batch", "32"},
             {"lr", "0.01"}, {"patience", "0"}, {"threads", "1"},
             {"data", "npy:" + (dir.path() / "x.npy").string()},
             {"test_data", "npy:" + (dir.path() / "t.npy").string()},
             {"epochs", std::to_string(epochs)}, {"out", (dir.path() / out).string()}})
      c.set(key, value);
    return c;
  };
  std::ostringstream log;
  app::run_training(config(4, "straight"), false, log, false);
  app::run_training(config(2, "resumed"), false, log, false);
  app::run_training(config(4, "resumed"), true, log, false);  // aekit train --resume --epochs 4

  for (const char* file : {"model.aek", "checkpoint.aek", "config.toml", "metrics.jsonl",
                           "summary.json", "report.html", "loss.svg"})
    EXPECT_TRUE(std::filesystem::exists(dir.path() / "resumed" / file)) << file;
  const auto straight = store::load_model(dir.path() / "straight" / "model.aek");
  const auto resumed = store::load_model(dir.path() / "resumed" / "model.aek");
  EXPECT_EQ(resumed.model->kind(), "tied_linear");
  EXPECT_EQ(resumed.model->state(), straight.model->state()) << "--resume is not bit-identical";
  EXPECT_NE(resumed.model->encoder(), nullptr);

  std::ifstream metrics(dir.path() / "resumed" / "metrics.jsonl");
  std::vector<double> val_mse;
  for (std::string line; std::getline(metrics, line);)
    val_mse.push_back(nlohmann::json::parse(line).at("val_mse").get<double>());
  ASSERT_EQ(val_mse.size(), 4u);
  EXPECT_LT(val_mse.back(), val_mse.front()) << "it did not learn";
  EXPECT_NE(read_file(dir.path() / "resumed" / "config.toml").find("[tied_linear]"), std::string::npos);
  EXPECT_NE(read_file(dir.path() / "resumed" / "report.html").find("tied linear 12 -&gt; 3"), std::string::npos);
}

}  // namespace
}  // namespace aekit::test
