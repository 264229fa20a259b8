#include "aekit/data/scaling.hpp"

#include <gtest/gtest.h>

#include "support/expect_error.hpp"

namespace aekit::data {
namespace {

FloatMatrix pixels() {
  FloatMatrix x(4, 3);
  x << 0, 10, 255, 20, 30, 40, 255, 0, 7, 128, 64, 32;
  return x;
}

TEST(Scaling, ParsesNames) {
  EXPECT_EQ(parse_scaling_kind("none"), ScalingKind::none);
  EXPECT_EQ(parse_scaling_kind("unit"), ScalingKind::unit);
  EXPECT_EQ(parse_scaling_kind("symmetric"), ScalingKind::symmetric);
  EXPECT_EQ(parse_scaling_kind("standardize"), ScalingKind::standardize);
  EXPECT_EQ(scaling_name(ScalingKind::symmetric), "symmetric");
  test::expect_error<UsageError>([] { parse_scaling_kind("minmax"); },
                                 {"unknown scaling 'minmax'", "none", "unit", "symmetric",
                                  "standardize"});
}

TEST(Scaling, UnitAndSymmetricUseTheGlobalRange) {
  const FloatMatrix x = pixels();
  FloatMatrix unit = x;
  const Scaling u = Scaling::fit(ScalingKind::unit, x);
  u.apply(unit);
  EXPECT_FLOAT_EQ(unit(0, 2), 1.0f);
  EXPECT_FLOAT_EQ(unit(1, 0), 20.0f / 255.0f);  // global, not per column (col max is 255)
  EXPECT_EQ(unit.minCoeff(), 0.0f);
  FloatMatrix sym = x;
  const Scaling s = Scaling::fit(ScalingKind::symmetric, x);
  s.apply(sym);
  EXPECT_FLOAT_EQ(sym.minCoeff(), -1.0f);
  EXPECT_FLOAT_EQ(sym.maxCoeff(), 1.0f);
  for (const Scaling* scaling : {&u, &s}) {
    FloatMatrix back = scaling == &u ? unit : sym;
    scaling->invert(back);
    EXPECT_LT((back - x).cwiseAbs().maxCoeff(), 1e-4f);
  }
}

TEST(Scaling, StandardizePerFeatureAndConstantFeatures) {
  FloatMatrix x = pixels();
  x.col(1).setConstant(0.0f);  // a pixel that is always black in training
  const Scaling st = Scaling::fit(ScalingKind::standardize, x);
  FloatMatrix y = x;
  st.apply(y);
  const Eigen::RowVectorXf mean = y.colwise().mean();
  EXPECT_LT(mean.cwiseAbs().maxCoeff(), 1e-6f);
  EXPECT_NEAR((y.col(0).array().square().mean()), 1.0f, 1e-5f);
  EXPECT_EQ(y.col(1).cwiseAbs().maxCoeff(), 0.0f);
  FloatMatrix test_row(1, 3);
  test_row << 10, 200, 10;  // the black pixel is lit: stays finite and modest
  st.apply(test_row);
  EXPECT_EQ(test_row(0, 1), 200.0f);
  st.invert(y);
  EXPECT_LT((y - x).cwiseAbs().maxCoeff(), 1e-4f);
  FloatMatrix wrong(2, 4);
  test::expect_error([&] { st.apply(wrong); }, {"fitted on 3 features", "has 4 columns"});
}

TEST(Scaling, ConstantDataDoesNotDivideByZero) {
  const FloatMatrix x = FloatMatrix::Constant(3, 2, 5.0f);
  for (const auto kind : {ScalingKind::unit, ScalingKind::symmetric, ScalingKind::standardize}) {
    FloatMatrix y = x;
    const Scaling scaling = Scaling::fit(kind, x);
    scaling.apply(y);
    EXPECT_TRUE(y.allFinite());
    scaling.invert(y);
    EXPECT_EQ(y, x);
  }
}

TEST(Scaling, JsonRoundTripGivesTheSameTransform) {
  FloatMatrix x = pixels();
  x(2, 1) = 0.123456789f;
  for (const auto kind : {ScalingKind::none, ScalingKind::unit, ScalingKind::symmetric,
                          ScalingKind::standardize}) {
    const Scaling fitted = Scaling::fit(kind, x);
    const Scaling loaded = Scaling::from_json(nlohmann::json::parse(fitted.to_json().dump()));
    EXPECT_EQ(loaded.kind(), kind);
    FloatMatrix a = x, b = x;
    fitted.apply(a);
    loaded.apply(b);
    EXPECT_EQ(a, b) << scaling_name(kind);
  }
  EXPECT_EQ(Scaling::fit(ScalingKind::unit, x).to_json(),
            (nlohmann::json{{"kind", "unit"}, {"min", 0.0}, {"max", 255.0}}));
}

TEST(Scaling, MalformedJsonIsNamed) {
  test::expect_error([] { Scaling::from_json({{"kind", "unit"}, {"min", 0}}); },
                     {"scaling recorded in the model is malformed"});
  test::expect_error([] { Scaling::from_json({{"kind", "whiten"}}); },
                     {"unknown scaling 'whiten'", "newer aekit"});
  test::expect_error([] {
    Scaling::from_json({{"kind", "standardize"}, {"mean", {1, 2}}, {"std", {1}}});
  }, {"2 means, 1 stds"});
}

TEST(Scaling, AffineIsWhatApplyAndInvertDo) {
  const FloatMatrix x = pixels();
  for (const auto kind : {ScalingKind::none, ScalingKind::unit, ScalingKind::symmetric,
                          ScalingKind::standardize}) {
    const Scaling scaling = Scaling::fit(kind, x);
    const Scaling::Affine map = scaling.affine(x.cols());
    FloatMatrix y = x;
    scaling.apply(y);
    const FloatMatrix by_map = (x.rowwise() - map.shift).array().rowwise() * map.gain.array();
    EXPECT_EQ(y, by_map) << scaling_name(kind);
    FloatMatrix back = y;
    scaling.invert(back);
    const FloatMatrix inverted = (y.array().rowwise() / map.gain.array()).matrix().rowwise() + map.shift;
    EXPECT_EQ(back, inverted) << scaling_name(kind);
  }
  EXPECT_EQ(Scaling().affine(2).gain, Eigen::RowVectorXf::Ones(2));
  EXPECT_THROW(Scaling::fit(ScalingKind::standardize, x).affine(4), Error);
}

}  // namespace
}  // namespace aekit::data
