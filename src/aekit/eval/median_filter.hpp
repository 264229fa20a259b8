#pragma once
// The classic denoising baseline: a median filter, channel by channel.
//
//   out[n, c, y, x] = median { in[n, c, clamp(y + dy, 0, H-1), clamp(x + dx, 0, W-1)] :
//                              |dy|, |dx| <= size / 2 }
// Rows are images in channel-major order (Shape{C, H, W}); edges replicate the border
// pixel. size is odd, so each window holds an odd number size^2 of values and the median is
// its middle one.
#include "aekit/tensor/matrix.hpp"

namespace aekit::eval {

// Filters every row of images[N, C*H*W] with a size x size window (3, 5, ...).
// Throws UsageError if size is not odd and >= 1, aekit::Error if images.cols() !=
// shape.size().
Matrix median_filter(ConstMatrixRef images, Shape shape, int size);

}  // namespace aekit::eval
