#pragma once
// aekit's threads: one persistent team that runs the parts of one job at a time, the calling
// thread among them. Every parallel loop of the library (GEMM stripes, the samples of an image
// layer, an optimizer's update, random blocks) is a job of this pool; OpenMP is not used.
//
// Built to hold up when other processes share the cores (a laptop, a shared server):
// - Parts are taken, not assigned: the caller and the workers each claim the next part not yet
//   taken (one compare-and-swap on a word holding generation, team, parts and next part), so a
//   thread that the scheduler has descheduled takes none, and the others take its share.
//   The caller waits only for parts that were claimed, never for a worker that has not woken.
// - Waits spin briefly (kSpinSeconds, enough to catch the next GEMM of a training step on an
//   idle machine) and then sleep on a futex (std::atomic::wait). A sleeping thread leaves its
//   core to whoever needs it; the scheduler favours threads that sleep over busy loops, so a
//   woken worker runs promptly even beside a spinning process. OpenMP's default spins for
//   about 300 000 iterations at every barrier, which on a busy core steals the time of the very
//   thread it waits for (docs/results.md 28).
// - Stall back-off: when the caller, done with its own parts, waited longer than it worked
//   plus kStallSlack (a worker was descheduled holding a part: a scheduler time slice, ms;
//   judged only when the caller ran at least one part),
//   the next jobs run on the caller alone for a back-off period (50 ms, doubled at each stall
//   that follows, at most 1.6 s; reset by a job without one), then the team is tried again.
//   The parts are the same whoever runs them, so results do not change.
// - Nothing allocates per job: the body is passed as a function pointer and an address.
// A job started from inside a job (a GEMM inside an image layer's per-sample loop) runs its
// parts in order on the calling thread. The parts a loop is cut into never depend on timing;
// each loop's header says whether they depend on the thread count.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <pthread.h>

#include <vector>

#include "aekit/tensor/matrix.hpp"

namespace aekit {

class ThreadPool {
 public:
  // `threads` counts the caller: threads - 1 workers are started.
  explicit ThreadPool(int threads);
  ~ThreadPool();
  ThreadPool(const ThreadPool&) = delete;
  ThreadPool& operator=(const ThreadPool&) = delete;

  int size() const { return int(workers_.size()) + 1; }

  static constexpr int kMaxThreads = (1 << 14) - 1;
  static constexpr Index kMaxPartsPerJob = (1 << 19) - 1;  // more parts run as several jobs

  // Each worker's stack: Eigen's GEMM blocks live there (EIGEN_STACK_ALLOCATION_LIMIT).
  static constexpr std::size_t kWorkerStackBytes = std::size_t(16) << 20;

  // body(part, worker) once for every part in [0, parts), on at most `team` threads (the
  // caller is worker 0; worker < team). Returns when every part has run.
  template <typename Body>
  void run(Index parts, Index team, Body&& body) {
    if (parts <= kMaxPartsPerJob) {
      run_erased(parts, team, &invoke<std::remove_reference_t<Body>>, &body);
      return;
    }
    for (Index first = 0; first < parts; first += kMaxPartsPerJob) {
      auto shifted = [&](Index part, Index worker) { body(first + part, worker); };
      run_erased(std::min(kMaxPartsPerJob, parts - first), team, &invoke<decltype(shifted)>, &shifted);
    }
  }

  // True while a thread runs a part of a job of several parts and threads, whoever runs it (a
  // worker, the caller, or the caller alone during a stall back-off); a nested run is then
  // inline, so nested work splits the same whatever the timing.
  static bool in_job();

 private:
  using Invoke = void (*)(void* body, Index part, Index worker);
  template <typename Body>
  static void invoke(void* body, Index part, Index worker) {
    (*static_cast<Body*>(body))(part, worker);
  }
  void run_erased(Index parts, Index team, Invoke invoke, void* body);
  void work_loop(Index worker);
  void stop_workers();
  // Claims and runs parts of the current job while any are left.
  void take_parts(Index worker);

  std::vector<pthread_t> workers_;
  // The current job: generation, team, parts and the next unclaimed part in one word.
  std::atomic<std::uint64_t> job_{0};
  Invoke invoke_ = nullptr;
  void* body_ = nullptr;
  std::atomic<unsigned> mxcsr_{0};  // the caller's floating-point mode, copied by workers (denormals.hpp)
  std::atomic<std::uint32_t> parts_done_{0};
  std::atomic<bool> caller_sleeping_{false};
  // Bumped once a job, and at shutdown: what sleeping workers wait on.
  std::atomic<std::uint32_t> wake_{0};
  std::atomic<int> sleepers_{0};
  std::atomic<bool> stop_{false};
  std::atomic<bool> busy_{false};  // a job is running
  // Stall back-off (the caller's alone; see run_erased): until solo_until_ jobs run on the
  // caller alone; solo_period_ is the next back-off.
  std::chrono::steady_clock::time_point solo_until_{};
  std::chrono::steady_clock::duration solo_period_{};
};

// The process's pool (sized by set_threads, tensor/threads.hpp; at first use, all usable cores).
ThreadPool& thread_pool();

// body(part, worker) for parts in [0, parts) on the process's pool; with one part, one thread,
// or inside a job, in order on the calling thread (worker 0). `team` caps the threads used.
template <typename Body>
void run_parts(Index parts, Index team, Body&& body) {
  if (parts <= 0) return;
  if (parts == 1 || team <= 1 || ThreadPool::in_job()) {
    for (Index p = 0; p < parts; ++p) body(p, Index(0));
    return;
  }
  thread_pool().run(parts, team, body);
}

}  // namespace aekit
