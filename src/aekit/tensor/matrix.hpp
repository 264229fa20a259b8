#pragma once
// The one numeric type of aekit: a row-major matrix of Scalar, one sample per row.
//
// Shape legend used in every comment: N = batch rows, D = input features, H = output
// features; image rows hold C*Hh*Ww values in channel-major order, described by Shape.
//
// Scalar is float32. Test-only builds compile the math with -DAEKIT_DOUBLE so that the
// finite-difference gradient checker runs in double precision on the very same code.
#include <Eigen/Core>
#include <cstdint>

namespace aekit {

#ifdef AEKIT_DOUBLE
using Scalar = double;
#else
using Scalar = float;
#endif

using Index = Eigen::Index;
using Matrix = Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using Vector = Eigen::Matrix<Scalar, Eigen::Dynamic, 1>;
using RowVector = Eigen::Matrix<Scalar, 1, Eigen::Dynamic>;

// Views: a layer reads its input through ConstMatrixRef and writes into MatrixMap views of
// buffers it owns. Both bind to a Matrix, a Map or a block of whole rows without copying.
using MatrixMap = Eigen::Map<Matrix>;
using ConstMatrixMap = Eigen::Map<const Matrix>;
using MatrixRef = Eigen::Ref<Matrix>;
using ConstMatrixRef = Eigen::Ref<const Matrix>;

// A read-only view that keeps the row stride of what it views: a block of columns of a wider
// matrix has outerStride() > cols(). Layers keep their forward input in one for backward.
using ConstStridedMap = Eigen::Map<const Matrix, 0, Eigen::OuterStride<>>;

// Float32 data as it is stored on disk and loaded from data sets, whatever Scalar is.
using FloatMatrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

// Channels, height and width of an image row (C*Hh*Ww values, channel-major).
struct Shape {
  Index c = 1, h = 1, w = 1;
  Index size() const { return c * h * w; }
  bool operator==(const Shape&) const = default;
};

// Re-points an Eigen::Map at new memory (the documented placement-new idiom).
template <typename MapType, typename Pointer>
void rebind(MapType& map, Pointer data, Index rows, Index cols) {
  new (&map) MapType(data, rows, cols);
}

// Re-points a strided view at whatever `view` views, row stride included.
inline void rebind(ConstStridedMap& map, ConstMatrixRef view) {
  new (&map) ConstStridedMap(view.data(), view.rows(), view.cols(),
                             Eigen::OuterStride<>(view.outerStride()));
}

}  // namespace aekit
