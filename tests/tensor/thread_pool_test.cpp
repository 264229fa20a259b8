// ThreadPool: every part runs exactly once, on a worker index below the team; a job inside a
// job and a job from a second thread run inline; a worker descheduled while it holds a part
// (simulated by a part that sleeps) delays the job but loses nothing; the pool can be resized
// and read back.
#include "aekit/tensor/thread_pool.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <chrono>
#include <thread>
#include <vector>

#include "aekit/error.hpp"
#include "aekit/tensor/threads.hpp"
#include "support/scoped_threads.hpp"

namespace aekit {
namespace {

TEST(ThreadPool, RunsEveryPartOnceOnAWorkerBelowTheTeam) {
  ThreadPool pool(4);
  EXPECT_EQ(pool.size(), 4);
  for (const Index parts : {1, 2, 3, 7, 64, 1000}) {
    for (const Index team : {1, 2, 4, 9}) {
      std::vector<std::atomic<int>> runs(static_cast<std::size_t>(parts));
      std::atomic<Index> highest_worker{0};
      pool.run(parts, team, [&](Index part, Index worker) {
        ++runs[std::size_t(part)];
        Index seen = highest_worker.load();
        while (worker > seen && !highest_worker.compare_exchange_weak(seen, worker)) {
        }
        // Several parts on several threads run inside a job, wherever they run.
        if (std::min<Index>({parts, team, 4}) > 1) {
          EXPECT_TRUE(ThreadPool::in_job());
        }
      });
      for (Index p = 0; p < parts; ++p) EXPECT_EQ(runs[std::size_t(p)].load(), 1) << p;
      EXPECT_LT(highest_worker.load(), std::min<Index>(team, 4));
      EXPECT_FALSE(ThreadPool::in_job());
    }
  }
}

TEST(ThreadPool, MorePartsThanAJobHoldsRunAsSeveralJobs) {
  ThreadPool pool(2);
  const Index parts = 2 * ThreadPool::kMaxPartsPerJob + 5;
  std::vector<std::uint8_t> runs(static_cast<std::size_t>(parts), 0);
  pool.run(parts, 2, [&](Index part, Index) { ++runs[std::size_t(part)]; });
  EXPECT_EQ(std::count(runs.begin(), runs.end(), 1), parts);
}

TEST(ThreadPool, ImpossibleThreadCountsAreRefused) {
  EXPECT_THROW(ThreadPool(0), Error);
  EXPECT_THROW(ThreadPool(ThreadPool::kMaxThreads + 1), Error);
}

TEST(ThreadPool, AJobInsideAJobRunsInlineOnItsThread) {
  const test::ScopedThreads two(2);
  std::atomic<int> inner_runs{0}, inner_off_thread{0};
  run_parts(8, 2, [&](Index, Index) {
    const auto outer = std::this_thread::get_id();
    run_parts(5, 2, [&](Index, Index worker) {
      ++inner_runs;
      if (std::this_thread::get_id() != outer || worker != 0) ++inner_off_thread;
    });
  });
  EXPECT_EQ(inner_runs.load(), 40);
  EXPECT_EQ(inner_off_thread.load(), 0);
}

TEST(ThreadPool, ASecondCallerWhileAJobRunsGetsItsPartsInline) {
  ThreadPool pool(2);
  std::atomic<bool> first_started{false}, second_done{false};
  std::atomic<int> second_runs{0};
  std::thread second;
  pool.run(2, 2, [&](Index part, Index) {
    if (part != 0) return;
    first_started = true;
    second = std::thread([&] {
      pool.run(6, 2, [&](Index, Index worker) { second_runs += worker == 0 && ThreadPool::in_job() ? 1 : 100; });
      second_done = true;
    });
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (!second_done && std::chrono::steady_clock::now() < deadline) std::this_thread::yield();
  });
  second.join();
  EXPECT_TRUE(second_done.load());
  EXPECT_EQ(second_runs.load(), 6) << "all six parts on the second caller itself, inside a job";
}

// A part that stalls (as a worker descheduled by the OS would) makes the caller wait for it and
// triggers the stall back-off; the following jobs still run every part exactly once, and inside
// a job: the caller running them alone must not let their nested work (a conv layer's
// per-sample GEMMs) split otherwise than on the team, or results would depend on timing (the
// kill test of issue 13 found conv runs differing in the last bits on a busy machine).
TEST(ThreadPool, AStalledPartDelaysTheJobButLosesNothing) {
  ThreadPool pool(2);
  for (int job = 0; job < 20; ++job) {
    std::vector<std::atomic<int>> runs(16);
    std::atomic<int> outside_a_job{0};
    pool.run(16, 2, [&](Index part, Index worker) {
      if (job % 5 == 0 && worker == 1 && part < 2)
        std::this_thread::sleep_for(std::chrono::milliseconds(3));
      ++runs[std::size_t(part)];
      outside_a_job += !ThreadPool::in_job();
    });
    for (auto& r : runs) EXPECT_EQ(r.load(), 1) << "job " << job;
    EXPECT_EQ(outside_a_job.load(), 0) << "job " << job;
  }
}

TEST(ThreadPool, SetThreadsResizesTheProcessPool) {
  const int before = threads();
  set_threads(3);
  EXPECT_EQ(threads(), 3);
  EXPECT_EQ(thread_pool().size(), 3);
  set_threads(0);  // keeps the count
  EXPECT_EQ(threads(), 3);
  set_threads(before);
  EXPECT_EQ(threads(), before);
}

}  // namespace
}  // namespace aekit
