#pragma once
// Splitting the samples (or channels) of a batch over aekit's threads: the per-sample loops
// of the image layers.
//
// BatchParts::split(items, work) cuts [0, items) into `count` contiguous parts (at most
// kMaxParts), as a function of items and work alone, never of the thread count or of timing.
// run(body) calls body(part, worker, begin, end) once per part, as ONE job of the thread pool
// (tensor/thread_pool.hpp: one fork and join per layer pass, however many samples): each of the
// workers() threads takes the next part not yet taken, so a core slowed down by other work on
// a shared machine takes fewer parts. `worker` (< workers()) names the thread's own scratch
// buffers; `part` names where the part's sums go. A split with one part runs on the calling
// thread, as every split does when called from inside a job.
//
// Sums over samples (weight and bias gradients) go through PartialSums: each part sums into
// a zeroed row of its own and reduce() adds the rows to the target in part order. As the
// parts do not depend on the threads, these sums are bit-identical whatever the thread count.
// for_each_item() is the simple case: items that are independent of each other.
#include <algorithm>

#include "aekit/tensor/thread_pool.hpp"
#include "aekit/tensor/threads.hpp"
#include "aekit/tensor/workspace.hpp"

namespace aekit {

// Below this many operations (multiply-adds, or values touched) a split is one part.
inline constexpr double kPartMinimumWork = 1 << 17;
// The most parts a batch is cut into: enough to balance two busy cores, few enough that
// each part's sums stay cheap to reduce.
inline constexpr Index kMaxParts = 16;

struct BatchParts {
  Index items = 0, count = 1;

  // `work`: operations for all items together.
  static BatchParts split(Index items, double work) {
    if (items < 2 || work < kPartMinimumWork) return {items, 1};
    return {items, std::min(items, kMaxParts)};
  }
  Index begin(Index part) const { return items * part / count; }
  Index end(Index part) const { return begin(part + 1); }
  // The threads run() uses (each needs its own scratch): 1 inside a job.
  Index workers() const { return ThreadPool::in_job() ? 1 : std::min<Index>(count, threads()); }

  template <typename Body>
  void run(Body body) const {
    run_parts(count, workers(), [&](Index p, Index worker) { body(p, worker, begin(p), end(p)); });
  }
};

// body(i) for every item i in [0, items), the items split over the threads: for loops whose
// items (samples, channels) are independent, so nothing depends on the split.
// work: operations per item.
template <typename Body>
void for_each_item(Index items, double work, Body body) {
  BatchParts::split(items, double(items) * work).run([&](Index, Index, Index begin, Index end) {
    for (Index i = begin; i < end; ++i) body(i);
  });
}

// One [rows, cols] scratch block per worker, the blocks 64 bytes apart from an aligned start
// (so each is aligned as Eigen's packets). Eigen's vectorized reductions over a block (a
// channel's sum, say) add in an order that follows the block's alignment, so every worker's
// block must be aligned alike for a part to give the same bits whichever thread runs it.
class WorkerScratch {
 public:
  // Sizes `workers` blocks (growing only); valid until the next call.
  void reserve(Index workers, Index rows, Index cols) {
    rows_ = rows;
    cols_ = cols;
    stride_ = (rows * cols + kAlign - 1) / kAlign * kAlign;
    data_ = storage_.view(workers, stride_).data();
  }
  MatrixMap block(Index worker) const { return MatrixMap(data_ + worker * stride_, rows_, cols_); }

 private:
  static constexpr Index kAlign = 64 / sizeof(Scalar);
  Workspace storage_;  // Eigen-allocated: its start is aligned (EIGEN_MAX_ALIGN_BYTES)
  Scalar* data_ = nullptr;
  Index rows_ = 0, cols_ = 0, stride_ = 0;
};

class PartialSums {
 public:
  // Zeroes one sum of `size` scalars per part; reduce() adds them to target[size].
  void reset(const BatchParts& parts, Scalar* target, Index size) {
    target_ = target;
    MatrixMap sums = sums_.view(parts.count, size);
    sums.setZero();
    rebind(parts_, sums.data(), sums.rows(), sums.cols());
  }
  // Where part `part` accumulates: [size] scalars.
  Scalar* part(Index part) { return parts_.row(part).data(); }
  // target += part 0, part 1, ... in order.
  void reduce() {
    Eigen::Map<RowVector> target(target_, parts_.cols());
    for (Index p = 0; p < parts_.rows(); ++p) target += parts_.row(p);
  }

 private:
  Workspace sums_;
  MatrixMap parts_{nullptr, 0, 0};  // [parts, size]
  Scalar* target_ = nullptr;
};

}  // namespace aekit
