// The MLP autoencoder (float build): shapes, parameter counts and names, tied weights really
// being W^T, the errors a user can cause, and a real learning run on low-rank data.
#include "aekit/models/autoencoder/autoencoder.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <functional>
#include <string>

#include "aekit/error.hpp"
#include "aekit/models/autoencoder/objective.hpp"
#include "aekit/optim/optimizer.hpp"

namespace aekit::models {
namespace {

Matrix random_matrix(Index rows, Index cols, Rng& rng, double low = 0, double high = 1) {
  Matrix m(rows, cols);
  for (Index i = 0; i < m.size(); ++i) m.data()[i] = Scalar(rng.uniform(low, high));
  return m;
}

// A view of the named parameter (e.g. "encoder.1.weight") inside the model's flat block.
MatrixMap parameter(Autoencoder& model, const std::string& name) {
  for (const auto& s : model.parameters().slices())
    if (s.name == name) return MatrixMap(model.parameters().values().data() + s.offset, s.rows, s.cols);
  ADD_FAILURE() << "no parameter named " << name;
  return MatrixMap(nullptr, 0, 0);
}

std::string message_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const std::exception& e) {
    return e.what();
  }
  return "(no exception)";
}

TEST(Autoencoder, ShapesOfEncodeDecodeReconstruct) {
  AutoencoderConfig config;
  config.dims = {12, 8, 3};
  Autoencoder model(config);
  Rng rng(1);
  model.initialize(rng);
  EXPECT_EQ(model.input_size(), 12);
  EXPECT_EQ(model.code_size(), 3);
  const Matrix x = random_matrix(5, 12, rng);

  const Matrix h = model.encode(x);
  EXPECT_EQ(h.rows(), 5);
  EXPECT_EQ(h.cols(), 3);
  const Matrix y = model.decode(h);
  EXPECT_EQ(y.rows(), 5);
  EXPECT_EQ(y.cols(), 12);
  const Matrix r = model.reconstruct(x);
  EXPECT_EQ(r.rows(), 5);
  EXPECT_EQ(r.cols(), 12);
  EXPECT_EQ(r, y);  // reconstruct = decode(encode(x))
  EXPECT_GT(r.minCoeff(), 0.0f);  // sigmoid output
  EXPECT_LT(r.maxCoeff(), 1.0f);
  EXPECT_GE(h.minCoeff(), 0.0f);  // relu code

  // The training path gives the same reconstruction through the logits.
  const Matrix z = model.forward_logits(x);
  EXPECT_EQ(z.rows(), 5);
  EXPECT_EQ(z.cols(), 12);
  const Matrix from_logits = model.output_from_logits(z);
  EXPECT_EQ(from_logits, r);

  // A single row and a bigger batch after a smaller one (workspaces grow).
  EXPECT_EQ(model.reconstruct(x.topRows(1)).rows(), 1);
  const Matrix big = random_matrix(300, 12, rng);
  EXPECT_EQ(model.reconstruct(big).rows(), 300);
  EXPECT_TRUE(model.reconstruct(big).allFinite());
}

TEST(Autoencoder, ParameterCountsAndNames) {
  AutoencoderConfig config;
  config.dims = {784, 256, 32};
  Autoencoder untied(config);
  EXPECT_EQ(untied.parameters().size(),
            784 * 256 + 256 + 256 * 32 + 32 + 32 * 256 + 256 + 256 * 784 + 784);
  std::vector<std::string> names;
  for (const auto& s : untied.parameters().slices()) names.push_back(s.name);
  EXPECT_EQ(names, (std::vector<std::string>{"encoder.0.weight", "encoder.0.bias",
                                              "encoder.1.weight", "encoder.1.bias",
                                              "decoder.0.weight", "decoder.0.bias",
                                              "decoder.1.weight", "decoder.1.bias"}));
  // PyTorch's nn.Linear layout: weight [out, in], bias [1, out].
  const auto& s = untied.parameters().slices();
  EXPECT_EQ(s[0].rows, 256);
  EXPECT_EQ(s[0].cols, 784);
  EXPECT_EQ(s[1].rows, 1);
  EXPECT_EQ(s[1].cols, 256);
  EXPECT_EQ(s[6].rows, 784);
  EXPECT_EQ(s[6].cols, 256);
  // Slices tile the block exactly, in order.
  Index offset = 0;
  for (const auto& slice : s) {
    EXPECT_EQ(slice.offset, offset) << slice.name;
    offset += slice.rows * slice.cols;
  }
  EXPECT_EQ(offset, untied.parameters().size());

  config.tied = true;
  Autoencoder tied(config);
  // Encoder weights and biases, then only the decoder's own biases.
  EXPECT_EQ(tied.parameters().size(), 784 * 256 + 256 + 256 * 32 + 32 + 256 + 784);
  names.clear();
  for (const auto& slice : tied.parameters().slices()) names.push_back(slice.name);
  EXPECT_EQ(names, (std::vector<std::string>{"encoder.0.weight", "encoder.0.bias",
                                              "encoder.1.weight", "encoder.1.bias",
                                              "decoder.0.bias", "decoder.1.bias"}));
}

TEST(Autoencoder, TiedDecoderUsesTheTransposedEncoderWeights) {
  // 4 -> 3 -> 2 -> 3 -> 4, everything linear so the expected output is plain algebra:
  //   h1 = x W1^T + b1      h = h1 W2^T + b2      g = h W2 + c1      y = g W1 + c2
  AutoencoderConfig config;
  config.dims = {4, 3, 2};
  config.hidden = config.code = config.output = Activation::identity;
  config.tied = true;
  Autoencoder model(config);
  Rng rng(3);
  for (auto& v : model.parameters().values()) v = Scalar(rng.uniform(-1, 1));
  const Matrix w1 = parameter(model, "encoder.0.weight"), b1 = parameter(model, "encoder.0.bias");
  const Matrix w2 = parameter(model, "encoder.1.weight"), b2 = parameter(model, "encoder.1.bias");
  const Matrix c1 = parameter(model, "decoder.0.bias"), c2 = parameter(model, "decoder.1.bias");
  ASSERT_EQ(w1.rows(), 3);
  ASSERT_EQ(w1.cols(), 4);
  ASSERT_EQ(c1.cols(), 3);
  ASSERT_EQ(c2.cols(), 4);

  const Matrix x = random_matrix(6, 4, rng, -1, 1);
  Matrix h1 = x * w1.transpose();
  h1.rowwise() += b1.row(0);
  Matrix h = h1 * w2.transpose();
  h.rowwise() += b2.row(0);
  Matrix g = h * w2;
  g.rowwise() += c1.row(0);
  Matrix y = g * w1;
  y.rowwise() += c2.row(0);

  EXPECT_TRUE(model.encode(x).isApprox(h, 1e-5f));
  const Matrix out = model.reconstruct(x);
  EXPECT_TRUE(out.isApprox(y, 1e-5f)) << out << "\nexpected\n" << y;

  // Changing an encoder weight changes the decoder too (shared, not copied).
  parameter(model, "encoder.0.weight")(1, 2) += 0.5f;
  EXPECT_FALSE(model.reconstruct(x).isApprox(y, 1e-5f));
}

TEST(Autoencoder, UntiedDecoderHasItsOwnWeights) {
  AutoencoderConfig config;
  config.dims = {3, 2};
  config.hidden = config.code = config.output = Activation::identity;
  Autoencoder model(config);
  Rng rng(4);
  for (auto& v : model.parameters().values()) v = Scalar(rng.uniform(-1, 1));
  const Matrix w = parameter(model, "encoder.0.weight"), b = parameter(model, "encoder.0.bias");
  const Matrix v = parameter(model, "decoder.0.weight"), c = parameter(model, "decoder.0.bias");
  ASSERT_EQ(v.rows(), 3);
  ASSERT_EQ(v.cols(), 2);
  const Matrix x = random_matrix(4, 3, rng, -1, 1);
  Matrix h = x * w.transpose();
  h.rowwise() += b.row(0);
  Matrix y = h * v.transpose();
  y.rowwise() += c.row(0);
  EXPECT_TRUE(model.reconstruct(x).isApprox(y, 1e-5f));
}

TEST(Autoencoder, WrongInputWidthNamesBothSizes) {
  AutoencoderConfig config;
  config.dims = {20, 7};
  Autoencoder model(config);
  Rng rng(2);
  model.initialize(rng);
  const Matrix x = random_matrix(3, 21, rng);
  for (const auto& call : {std::function<void()>([&] { model.encode(x); }),
                           std::function<void()>([&] { model.reconstruct(x); }),
                           std::function<void()>([&] { model.forward_logits(x); })}) {
    EXPECT_THROW(call(), Error);
    const std::string message = message_of(call);
    EXPECT_NE(message.find("20"), std::string::npos) << message;
    EXPECT_NE(message.find("21"), std::string::npos) << message;
  }
  Objective objective(LossKind::mse, Activation::sigmoid);
  EXPECT_THROW(objective.compute_gradients(model, x), Error);

  const Matrix codes = random_matrix(3, 6, rng);
  const std::string message = message_of([&] { model.decode(codes); });
  EXPECT_NE(message.find("7"), std::string::npos) << message;
  EXPECT_NE(message.find("6"), std::string::npos) << message;
}

// A batch that is a block of columns of a wider matrix (row stride > width, e.g. features
// after a label column) must give the same loss and gradients as a contiguous copy: the
// first layer keeps its input for backward and must keep the stride with it.
TEST(Autoencoder, GradientsOnAColumnBlockEqualThoseOnACopy) {
  for (const bool tied : {false, true}) {
    AutoencoderConfig config;
    config.dims = {6, 5, 3};
    config.tied = tied;
    Autoencoder model(config);
    Rng rng(8);
    model.initialize(rng);
    const Matrix wide = random_matrix(7, 10, rng);
    const Matrix copy = wide.middleCols(2, 6);
    Objective objective(LossKind::mse, config.output);
    const double loss_block = objective.compute_gradients(model, wide.middleCols(2, 6));
    const Vector grads_block = Eigen::Map<const Vector>(model.parameters().grads().data(),
                                                        model.parameters().size());
    const double loss_copy = objective.compute_gradients(model, copy);
    const Vector grads_copy = Eigen::Map<const Vector>(model.parameters().grads().data(),
                                                       model.parameters().size());
    EXPECT_DOUBLE_EQ(loss_block, loss_copy) << "tied " << tied;
    EXPECT_LE((grads_block - grads_copy).cwiseAbs().maxCoeff(), 1e-6f) << "tied " << tied;
  }
}

TEST(Autoencoder, ConfigValidateMessages) {
  AutoencoderConfig config;
  config.dims = {784};
  EXPECT_THROW(config.validate(), UsageError);
  std::string message = message_of([&] { config.validate(); });
  EXPECT_NE(message.find("dims"), std::string::npos) << message;
  EXPECT_NE(message.find("784"), std::string::npos) << message;
  EXPECT_THROW(Autoencoder{config}, UsageError);

  config.dims = {};
  EXPECT_THROW(config.validate(), UsageError);

  config.dims = {784, 0, 32};
  EXPECT_THROW(config.validate(), UsageError);
  message = message_of([&] { config.validate(); });
  EXPECT_NE(message.find("found 0"), std::string::npos) << message;
  EXPECT_NE(message.find("784,0,32"), std::string::npos) << message;
  EXPECT_THROW(Autoencoder{config}, UsageError);

  config.dims = {784, -5};
  EXPECT_THROW(config.validate(), UsageError);

  config.dims = {784, 32};
  EXPECT_NO_THROW(config.validate());
}

TEST(Autoencoder, ConfigJsonRoundTrip) {
  AutoencoderConfig config;
  config.dims = {10, 6, 2};
  config.hidden = Activation::tanh;
  config.code = Activation::identity;
  config.output = Activation::identity;
  config.tied = true;
  config.init = nn::Init::parse("uniform:0.05");
  const AutoencoderConfig back = AutoencoderConfig::from_json(config.to_json());
  EXPECT_EQ(back.dims, config.dims);
  EXPECT_EQ(back.hidden, config.hidden);
  EXPECT_EQ(back.code, config.code);
  EXPECT_EQ(back.output, config.output);
  EXPECT_EQ(back.tied, config.tied);
  EXPECT_EQ(back.init.name(), config.init.name());
}

TEST(Objective, BceNeedsSigmoidOutput) {
  EXPECT_NO_THROW((Objective{LossKind::bce, Activation::sigmoid}));
  EXPECT_NO_THROW((Objective{LossKind::mse, Activation::identity}));
  for (const Activation output : {Activation::identity, Activation::relu, Activation::tanh}) {
    EXPECT_THROW((Objective{LossKind::bce, output}), UsageError);
    const std::string message = message_of([&] { Objective{LossKind::bce, output}; });
    EXPECT_NE(message.find("bce"), std::string::npos) << message;
    EXPECT_NE(message.find("sigmoid"), std::string::npos) << message;
    EXPECT_NE(message.find(activation_name(output)), std::string::npos) << message;
  }
  EXPECT_EQ(parse_loss("mse"), LossKind::mse);
  EXPECT_EQ(parse_loss("bce"), LossKind::bce);
  EXPECT_EQ(loss_name(parse_loss("bce")), "bce");
  const std::string message = message_of([] { parse_loss("l1"); });
  EXPECT_NE(message.find("'l1'"), std::string::npos) << message;
  EXPECT_THROW(parse_loss("l1"), UsageError);
}

// Data on a 4-dimensional manifold in 32 dimensions: x = sigmoid(A z), z ~ N(0, I_4).
Matrix low_rank_data(Index n, Index d, Index rank, Rng& rng) {
  Matrix a(rank, d), z(n, rank);
  for (Index i = 0; i < a.size(); ++i) a.data()[i] = Scalar(rng.normal());
  for (Index i = 0; i < z.size(); ++i) z.data()[i] = Scalar(rng.normal());
  Matrix x = z * a;
  return x.array().logistic().matrix();
}

// Mean squared error of predicting every column by its mean: what a model that learnt
// nothing but the biases would reach.
double variance_per_entry(const Matrix& x) {
  const RowVector mean = x.colwise().mean();
  return double((x.rowwise() - mean).squaredNorm()) / double(x.size());
}

struct LearningCase {
  const char* name;
  LossKind loss;
  bool tied;
};
void PrintTo(const LearningCase& c, std::ostream* os) { *os << c.name; }

class AutoencoderLearning : public ::testing::TestWithParam<LearningCase> {};

TEST_P(AutoencoderLearning, AdamReducesTheLossByALargeFactor) {
  const LearningCase c = GetParam();
  Rng rng(11);
  const Matrix x = low_rank_data(512, 32, 4, rng);
  const double baseline = variance_per_entry(x);

  AutoencoderConfig config;
  config.dims = {32, 16, 4};
  config.hidden = Activation::tanh;
  config.code = Activation::identity;
  config.output = Activation::sigmoid;
  config.tied = c.tied;
  Autoencoder model(config);
  model.initialize(rng);
  Objective objective(c.loss, config.output);
  optim::OptimizerConfig adam;
  adam.kind = "adam";
  auto optimizer = optim::make_optimizer(adam);

  const auto mse_of_model = [&] { return double((model.reconstruct(x) - x).squaredNorm()) / x.size(); };
  const double initial = mse_of_model();
  double loss = 0;
  const Index batch = 64;
  for (int step = 0; step < 600; ++step) {
    const Index begin = (step * batch) % x.rows();
    loss = objective.compute_gradients(model, x.middleRows(begin, batch));
    ASSERT_TRUE(std::isfinite(loss)) << "step " << step;
    optimizer->step(model.parameters().values(), model.parameters().grads(), 1e-2);
  }
  const double final_mse = mse_of_model();
  std::printf("[ learning ] %s: reconstruction mse %.2e -> %.2e after 600 Adam steps "
              "(column means alone: %.2e)\n", c.name, initial, final_mse, baseline);
  // Far below the start, and far below what the column means alone would give: the code
  // carries the 4 underlying factors.
  EXPECT_LT(final_mse, initial / 10) << "initial " << initial << " final " << final_mse;
  EXPECT_LT(final_mse, baseline / 10) << "baseline " << baseline << " final " << final_mse;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, AutoencoderLearning,
    ::testing::Values(LearningCase{"mse", LossKind::mse, false},
                      LearningCase{"bce", LossKind::bce, false},
                      LearningCase{"mse_tied", LossKind::mse, true}),
    [](const auto& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace aekit::models
