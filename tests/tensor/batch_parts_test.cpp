// BatchParts: the parts cover the batch in order and do not depend on the thread count; run()
// calls every part once, each worker with its own index; each worker's scratch is aligned
// alike; PartialSums adds the parts in order.
#include "aekit/tensor/batch_parts.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "support/scoped_threads.hpp"

namespace aekit {
namespace {

TEST(BatchParts, CoverTheItemsInOrderWhateverTheThreadCount) {
  for (const Index items : {2, 5, 16, 17, 128, 1000}) {
    const auto on_threads = [&](int count) {
      const test::ScopedThreads scope(count);
      return BatchParts::split(items, 1e9);
    };
    const BatchParts one = on_threads(1), two = on_threads(2);
    EXPECT_EQ(one.count, two.count);
    EXPECT_EQ(two.count, std::min(items, kMaxParts));
    EXPECT_EQ(two.begin(0), 0);
    EXPECT_EQ(two.end(two.count - 1), items);
    for (Index p = 0; p < two.count; ++p) EXPECT_LT(two.begin(p), two.end(p));
  }
}

TEST(BatchParts, SmallWorkIsOnePart) {
  EXPECT_EQ(BatchParts::split(100, kPartMinimumWork / 2).count, 1);
  EXPECT_EQ(BatchParts::split(1, 1e9).count, 1);
}

TEST(BatchParts, RunCallsEveryPartOnceWithItsOwnWorker) {
  for (const int t : {1, 2}) {
    const test::ScopedThreads scope(t);
    const BatchParts parts = BatchParts::split(100, 1e9);
    const Index workers = parts.workers();  // (1 when asked inside the parallel region)
    EXPECT_EQ(workers, t);
    std::vector<int> calls(parts.count, 0);
    std::vector<Index> busy(workers, 0);  // each worker runs one part at a time
    bool overlap = false;
    parts.run([&](Index part, Index worker, Index begin, Index end) {
      ASSERT_LT(worker, workers);
      if (busy[worker]++ != 0) overlap = true;
      ++calls[part];
      EXPECT_EQ(begin, parts.begin(part));
      EXPECT_EQ(end, parts.end(part));
      --busy[worker];
    });
    EXPECT_FALSE(overlap);
    for (const int c : calls) EXPECT_EQ(c, 1);
  }
}

TEST(BatchParts, ForEachItemVisitsEveryItemOnce) {
  const test::ScopedThreads two(2);
  std::vector<int> seen(1000, 0);
  for_each_item(1000, 1e6, [&](Index i) { ++seen[i]; });
  for (const int s : seen) EXPECT_EQ(s, 1);
}

TEST(WorkerScratch, BlocksAreAlignedAlike) {
  WorkerScratch scratch;
  scratch.reserve(3, 5, 7);
  for (Index w = 0; w < 3; ++w) {
    const MatrixMap block = scratch.block(w);
    EXPECT_EQ(block.rows(), 5);
    EXPECT_EQ(block.cols(), 7);
    EXPECT_EQ(reinterpret_cast<std::uintptr_t>(block.data()) % EIGEN_MAX_ALIGN_BYTES, 0u);
    if (w > 0) {
      EXPECT_GE(block.data(), scratch.block(w - 1).data() + 35) << "no overlap";
    }
  }
}

TEST(PartialSums, AddsThePartsToTheTargetInOrder) {
  const BatchParts parts{8, 4};
  PartialSums sums;
  Vector target = Vector::Constant(3, 1);
  sums.reset(parts, target.data(), 3);
  for (Index p = 0; p < parts.count; ++p)
    for (Index i = 0; i < 3; ++i) sums.part(p)[i] += Scalar(p + 1) * Scalar(i + 1);
  sums.reduce();
  // 1 + (1 + 2 + 3 + 4) (i + 1)
  EXPECT_EQ(target, (Vector(3) << 11, 21, 31).finished());
  sums.reset(parts, target.data(), 3);  // zeroed again
  sums.reduce();
  EXPECT_EQ(target, (Vector(3) << 11, 21, 31).finished());
}

}  // namespace
}  // namespace aekit
