// Bjøntegaard deltas against closed forms: a curve at 0.8x the anchor's rates is -20%, the
// anchor against it +25%, a curve against itself 0; a PSNR-vs-ln(rate) line shifted by 1 dB
// gains exactly 1 dB and exp(-1/slope) - 1 of rate; too few points and disjoint ranges are
// refused.
#include "aekit/eval/bd_rate.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "support/expect_error.hpp"

namespace aekit::eval {
namespace {

// A codec-like curve: rates in bpp against PSNRs, not on a cubic (so the fits are inexact).
RateDistortionCurve bd_anchor_curve() {
  return {{0.12, 0.25, 0.41, 0.66, 1.05, 1.7}, {26.1, 28.9, 31.0, 33.4, 35.8, 38.9}};
}

RateDistortionCurve with_rates_scaled(RateDistortionCurve curve, double factor) {
  for (double& r : curve.rate) r *= factor;
  return curve;
}

TEST(BdRate, ScaledRatesGiveTheirRatioAndSwappingInvertsIt) {
  const RateDistortionCurve anchor = bd_anchor_curve();
  const RateDistortionCurve cheaper = with_rates_scaled(anchor, 0.8);
  EXPECT_NEAR(bd_rate_percent(anchor, cheaper), -20.0, 1e-9);
  EXPECT_NEAR(bd_rate_percent(cheaper, anchor), 25.0, 1e-9);
  EXPECT_NEAR(bd_rate_percent(anchor, anchor), 0.0, 1e-12);
  EXPECT_NEAR(bd_psnr_db(anchor, anchor), 0.0, 1e-12);
  EXPECT_GT(bd_psnr_db(anchor, cheaper), 0.0);  // fewer bits for the same PSNR: a gain
  // The rate unit does not matter: bytes instead of bpp.
  EXPECT_NEAR(bd_rate_percent(with_rates_scaled(anchor, 1000), with_rates_scaled(cheaper, 1000)),
              -20.0, 1e-9);
}

TEST(BdRate, ShiftedLogLineGivesClosedForms) {
  // psnr = 30 + 4 ln(rate); the test curve is 1 dB higher at every rate, so
  // BD-PSNR = 1 and, at equal PSNR, ln(rate) is 1/4 lower: BD-rate = e^(-1/4) - 1.
  RateDistortionCurve anchor, better;
  for (const double rate : {0.1, 0.2, 0.4, 0.8, 1.6}) {
    anchor.rate.push_back(rate);
    anchor.psnr.push_back(30 + 4 * std::log(rate));
    better.rate.push_back(rate);
    better.psnr.push_back(31 + 4 * std::log(rate));
  }
  EXPECT_NEAR(bd_psnr_db(anchor, better), 1.0, 1e-9);
  EXPECT_NEAR(bd_psnr_db(better, anchor), -1.0, 1e-9);
  EXPECT_NEAR(bd_rate_percent(anchor, better), 100 * (std::exp(-0.25) - 1), 1e-9);
}

TEST(BdRate, OnlyTheOverlapCounts) {
  // The test curve reaches higher PSNRs than the anchor; its extra points lie on the same
  // line in ln(rate), so only the 0.8 factor over the shared range shows.
  RateDistortionCurve anchor, test;
  for (int i = 0; i < 5; ++i) {
    anchor.psnr.push_back(28 + 2 * i);
    anchor.rate.push_back(std::exp(0.3 * i));
  }
  for (int i = 0; i < 7; ++i) {
    test.psnr.push_back(29 + 2 * i);
    test.rate.push_back(0.8 * std::exp(0.3 * (i + 0.5)));
  }
  EXPECT_NEAR(bd_rate_percent(anchor, test), -20.0, 1e-9);
}

TEST(BdRate, RefusesTooFewPointsDisjointRangesAndBadValues) {
  const RateDistortionCurve anchor = bd_anchor_curve();
  const RateDistortionCurve three{{0.1, 0.2, 0.3}, {30, 32, 34}};
  test::expect_error([&] { bd_rate_percent(anchor, three); },
                     {"test curve", "at least 4 points", "found 3"});
  const RateDistortionCurve repeated{{0.1, 0.2, 0.3, 0.4}, {30, 32, 34, 34}};
  test::expect_error([&] { bd_rate_percent(repeated, anchor); },
                     {"anchor curve", "distinct PSNR", "found 3"});
  RateDistortionCurve high = anchor;
  for (double& p : high.psnr) p += 20;
  test::expect_error([&] { bd_rate_percent(anchor, high); },
                     {"overlapping PSNR ranges", "26.1..38.9 dB", "46.1..58.9 dB"});
  test::expect_error([&] { bd_psnr_db(anchor, with_rates_scaled(anchor, 100)); },
                     {"overlapping rate ranges", "0.12..1.7"});
  RateDistortionCurve lossless = anchor;
  lossless.psnr.back() = std::numeric_limits<double>::infinity();
  test::expect_error([&] { bd_rate_percent(anchor, lossless); }, {"finite PSNRs", "inf"});
  RateDistortionCurve zero = anchor;
  zero.rate[0] = 0;
  test::expect_error([&] { bd_rate_percent(anchor, zero); }, {"rates > 0", "found rate 0"});
  RateDistortionCurve ragged = anchor;
  ragged.rate.pop_back();
  test::expect_error([&] { bd_rate_percent(anchor, ragged); }, {"5 rates and 6 PSNRs"});
}

}  // namespace
}  // namespace aekit::eval
