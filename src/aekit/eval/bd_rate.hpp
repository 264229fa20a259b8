#pragma once
// Bjøntegaard deltas (VCEG-M33, 2001): how much rate a codec saves against an anchor at equal
// quality, and how much quality it gains at equal rate, averaged over the qualities (rates)
// both curves reach.
//
// BD-rate: fit ln(rate) = p(psnr), p a least-squares cubic, for each curve; over the PSNR
// interval [lo, hi] both curves cover (lo = the larger of the two lowest PSNRs, hi = the
// smaller of the two highest),
//   d = (1 / (hi - lo)) * integral_lo^hi (p_test - p_anchor) dpsnr
//   BD-rate = 100 (e^d - 1) %      (negative: the test codec needs fewer bits)
// BD-PSNR: fit psnr = q(ln rate) the same way, over the common ln(rate) interval,
//   BD-PSNR = (1 / (hi - lo)) * integral_lo^hi (q_test - q_anchor) d ln(rate)   dB
//   (positive: the test codec is better).
// The rate unit does not matter (bpp or bytes) as long as both curves use the same one.
#include <vector>

namespace aekit::eval {

// One codec's rate-distortion points, in any order: rate[i] > 0 (bpp or bytes) at psnr[i] dB.
struct RateDistortionCurve {
  std::vector<double> rate, psnr;
};

// BD-rate of `test` against `anchor`, in percent. Throws aekit::Error if a curve has
// fewer than 4 points of distinct PSNR, rates that are not finite and > 0, PSNRs that are
// not finite (a lossless point), rate and psnr of different lengths, or if the PSNR ranges
// of the two curves do not overlap.
double bd_rate_percent(const RateDistortionCurve& anchor, const RateDistortionCurve& test);

// BD-PSNR of `test` against `anchor`, in dB. Throws as bd_rate_percent, for 4 distinct rates
// and overlapping rate ranges.
double bd_psnr_db(const RateDistortionCurve& anchor, const RateDistortionCurve& test);

}  // namespace aekit::eval
