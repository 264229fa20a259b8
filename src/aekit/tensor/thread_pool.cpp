#include "aekit/tensor/thread_pool.hpp"

#include <algorithm>
#include <chrono>
#include <cstring>

#if defined(__SSE__)
#include <immintrin.h>
#endif

#include "aekit/error.hpp"
#include "aekit/tensor/threads.hpp"

namespace aekit {
namespace {

// How long a waiting thread spins before it sleeps. Long enough to bridge the serial code
// between two GEMMs of a training step (tens of microseconds) without a futex round trip;
// short enough that a wait on a busy core gives the core up soon (docs/results.md 28).
constexpr double kSpinSeconds = 50e-6;

// A wait this much longer than the caller's own work is a stall (see thread_pool.hpp).
constexpr auto kStallSlack = std::chrono::milliseconds(1);
constexpr auto kFirstBackOff = std::chrono::milliseconds(50);
constexpr auto kLongestBackOff = std::chrono::milliseconds(1600);

// The job word: | generation 12 | team 14 | parts 19 | next part 19 | (bits, high to low).
constexpr std::uint64_t kPartBits = 19, kTeamBits = 14;
static_assert(ThreadPool::kMaxPartsPerJob == (1 << kPartBits) - 1 &&
              ThreadPool::kMaxThreads == (1 << kTeamBits) - 1);
constexpr std::uint64_t kPartMask = (std::uint64_t(1) << kPartBits) - 1;
constexpr std::uint64_t kTeamMask = (std::uint64_t(1) << kTeamBits) - 1;
constexpr std::uint64_t kGenerationMask = (std::uint64_t(1) << (64 - 2 * kPartBits - kTeamBits)) - 1;

struct JobWord {
  std::uint64_t generation, team, parts, next;
  static JobWord unpack(std::uint64_t w) {
    return {w >> (2 * kPartBits + kTeamBits), (w >> (2 * kPartBits)) & kTeamMask,
            (w >> kPartBits) & kPartMask, w & kPartMask};
  }
  std::uint64_t pack() const {
    return (generation << (2 * kPartBits + kTeamBits)) | (team << (2 * kPartBits)) |
           (parts << kPartBits) | next;
  }
};

thread_local bool t_in_job = false;
thread_local Index t_parts_taken = 0;  // parts this thread has run through take_parts

void pause() {
#if defined(__SSE__)
  _mm_pause();
#endif
}

unsigned float_mode() {
#if defined(__SSE__)
  return _mm_getcsr();
#else
  return 0;
#endif
}

void set_float_mode(unsigned mode) {
#if defined(__SSE__)
  if (_mm_getcsr() != mode) _mm_setcsr(mode);
#else
  (void)mode;
#endif
}

using Clock = std::chrono::steady_clock;

// Spins until done() or kSpinSeconds have passed; true if done. (Sleeping at once on a
// busy machine, judged by this thread's involuntary context switches, measured slower than
// spinning 50 us: docs/results.md 28.)
template <typename Done>
bool spin_until(Done done) {
  const auto start = Clock::now();
  for (;;) {
    for (int i = 0; i < 64; ++i) {
      if (done()) return true;
      pause();
    }
    if (std::chrono::duration<double>(Clock::now() - start).count() > kSpinSeconds)
      return done();
  }
}

}  // namespace

struct WorkerStart {
  ThreadPool* pool;
  Index worker;
};

ThreadPool::ThreadPool(int threads) {
  if (threads < 1 || threads > kMaxThreads)
    throw Error("threads: expected 1 to " + std::to_string(kMaxThreads) + ", found " +
                std::to_string(threads));
  pthread_attr_t attributes;
  pthread_attr_init(&attributes);
  pthread_attr_setstacksize(&attributes, kWorkerStackBytes);
  workers_.reserve(std::size_t(threads - 1));
  for (int w = 1; w < threads; ++w) {
    auto* start = new WorkerStart{this, w};
    pthread_t thread;
    const int failed = pthread_create(
        &thread, &attributes,
        [](void* arg) -> void* {
          const WorkerStart s = *static_cast<WorkerStart*>(arg);
          delete static_cast<WorkerStart*>(arg);
          s.pool->work_loop(s.worker);
          return nullptr;
        },
        start);
    if (failed) {
      delete start;
      pthread_attr_destroy(&attributes);
      stop_workers();
      throw Error("could not start thread " + std::to_string(w + 1) + " of " +
                  std::to_string(threads) + ": " + std::strerror(failed));
    }
    workers_.push_back(thread);
  }
  pthread_attr_destroy(&attributes);
}

ThreadPool::~ThreadPool() { stop_workers(); }

void ThreadPool::stop_workers() {
  stop_.store(true);
  wake_.fetch_add(1);
  wake_.notify_all();
  for (pthread_t w : workers_) pthread_join(w, nullptr);
  workers_.clear();
}

bool ThreadPool::in_job() { return t_in_job; }

void ThreadPool::take_parts(Index worker) {
  std::uint64_t word = job_.load(std::memory_order_acquire);
  for (;;) {
    const JobWord job = JobWord::unpack(word);
    if (job.next >= job.parts || std::uint64_t(worker) >= job.team) return;
    if (!job_.compare_exchange_weak(word, word + 1, std::memory_order_acquire)) continue;
    // Claimed: the caller waits for this part, so the job's fields stay as they are.
    invoke_(body_, Index(job.next), worker);
    ++t_parts_taken;
    parts_done_.fetch_add(1);
    if (caller_sleeping_.load()) parts_done_.notify_one();
    word = job_.load(std::memory_order_acquire);
  }
}

void ThreadPool::work_loop(Index worker) {
  t_in_job = true;  // everything a worker runs is inside a job
  // wake_ was 0 when the pool was made: a job, or a stop, that came before this thread ran
  // is seen at once (reading wake_ here instead lost a stop and hung the pool's destructor).
  std::uint32_t seen = 0;
  for (;;) {
    if (!spin_until([&] { return wake_.load(std::memory_order_acquire) != seen; })) {
      sleepers_.fetch_add(1);
      wake_.wait(seen);
      sleepers_.fetch_sub(1);
    }
    seen = wake_.load();
    if (stop_.load()) return;
    set_float_mode(mxcsr_.load(std::memory_order_relaxed));
    take_parts(worker);
  }
}

void ThreadPool::run_erased(Index parts, Index team, Invoke invoke, void* body) {
  AEKIT_ASSERT(parts >= 0 && std::uint64_t(parts) <= kPartMask);
  team = std::min<Index>({team, size(), parts});
  // A single part, or a single thread, runs as a plain call: what its body nests (a layer's
  // GEMM) may still use the team. That depends on the counts alone.
  if (team <= 1 || t_in_job) {
    for (Index p = 0; p < parts; ++p) invoke(body, p, 0);
    return;
  }
  // Otherwise the parts run inside a job wherever they run: on the team, on the caller alone
  // during a stall back-off, or inline for a second thread calling in while a job runs (one
  // job at a time). Nested work sees in_job() either way and splits the same, so the result
  // does not depend on timing.
  const auto run_alone = [&] {
    t_in_job = true;
    for (Index p = 0; p < parts; ++p) invoke(body, p, 0);
    t_in_job = false;
  };
  if (busy_.exchange(true, std::memory_order_acquire)) {
    run_alone();
    return;
  }
  const auto start = Clock::now();
  if (start < solo_until_) {
    run_alone();
    busy_.store(false, std::memory_order_release);
    return;
  }
  invoke_ = invoke;
  body_ = body;
  mxcsr_.store(float_mode(), std::memory_order_relaxed);
  parts_done_.store(0);
  const JobWord previous = JobWord::unpack(job_.load());
  const std::uint64_t generation = (previous.generation + 1) & kGenerationMask;
  job_.store(JobWord{generation, std::uint64_t(team), std::uint64_t(parts), 0}.pack(),
             std::memory_order_release);
  wake_.fetch_add(1);
  if (sleepers_.load() > 0) wake_.notify_all();

  t_in_job = true;
  const Index taken_before = t_parts_taken;
  take_parts(0);
  const bool caller_worked = t_parts_taken > taken_before;
  t_in_job = false;
  const auto own_parts_done = Clock::now();
  const auto all_done = [&] { return parts_done_.load() == std::uint32_t(parts); };
  if (!spin_until(all_done)) {
    caller_sleeping_.store(true);
    for (std::uint32_t done = parts_done_.load(); done != std::uint32_t(parts);
         done = parts_done_.load())
      parts_done_.wait(done);
    caller_sleeping_.store(false);
  }
  const auto end = Clock::now();
  // A caller that the workers left no part cannot tell a stall from a long part: no verdict.
  if (caller_worked && end - own_parts_done > own_parts_done - start + kStallSlack) {
    if (solo_period_ == Clock::duration{}) solo_period_ = kFirstBackOff;
    solo_until_ = end + solo_period_;
    solo_period_ = std::min<Clock::duration>(2 * solo_period_, kLongestBackOff);
  } else if (caller_worked) {
    solo_period_ = {};
  }
  busy_.store(false, std::memory_order_release);
}

}  // namespace aekit
