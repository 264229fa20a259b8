// The training inner loop allocates nothing after the first epoch (docs/architecture.md, Engine).
//
// This file replaces malloc & co. for the whole test binary with versions that forward to
// glibc's __libc_* functions and, while `g_counting` is set, count every call from any
// thread (the thread pool's workers included). operator new and new[] go through malloc in libstdc++,
// so they are counted too (and are replaced here as well, to be sure). Under AddressSanitizer
// (`make test-sanitize`), which owns malloc, the count comes from its allocation hook instead.
// On the first counted allocation a backtrace is kept, so a failure says where the allocation
// came from.
#include <execinfo.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <cmath>
#include <cstdio>
#include <thread>
#include <vector>
#include <cstdlib>
#include <new>

#include "aekit/tensor/threads.hpp"
#include "aekit/tensor/rng.hpp"
#include "aekit/train/trainer.hpp"
#include "aekit/app/family.hpp"
#include "aekit/models/autoencoder/autoencoder_step.hpp"
#include "support/random_data.hpp"

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define AEKIT_COUNT_THROUGH_ASAN
#include <sanitizer/allocator_interface.h>
#endif
#endif

#ifndef AEKIT_COUNT_THROUGH_ASAN
extern "C" {
void* __libc_malloc(std::size_t size);
void* __libc_calloc(std::size_t count, std::size_t size);
void* __libc_realloc(void* pointer, std::size_t size);
void* __libc_memalign(std::size_t alignment, std::size_t size);
void __libc_free(void* pointer);
}
#endif

namespace {

std::atomic<bool> g_counting{false};
std::atomic<long> g_allocations{0};
constexpr int kMaxFrames = 64;
void* g_frames[kMaxFrames];
std::atomic<int> g_frame_count{0};
thread_local bool t_in_hook = false;

void note_allocation() {
  if (!g_counting.load(std::memory_order_relaxed) || t_in_hook) return;
  if (g_allocations.fetch_add(1) == 0) {
    t_in_hook = true;
    g_frame_count = backtrace(g_frames, kMaxFrames);
    t_in_hook = false;
  }
}

}  // namespace

#ifdef AEKIT_COUNT_THROUGH_ASAN
namespace {
void count_allocation(const volatile void*, std::size_t) { note_allocation(); }
void ignore_free(const volatile void*) {}  // the runtime installs a pair of hooks, never one alone
[[maybe_unused]] const int g_hook_installed = __sanitizer_install_malloc_and_free_hooks(count_allocation, ignore_free);
}  // namespace
#else
extern "C" {
void* malloc(std::size_t size) {
  note_allocation();
  return __libc_malloc(size);
}
void* calloc(std::size_t count, std::size_t size) {
  note_allocation();
  return __libc_calloc(count, size);
}
void* realloc(void* pointer, std::size_t size) {
  note_allocation();
  return __libc_realloc(pointer, size);
}
void* aligned_alloc(std::size_t alignment, std::size_t size) {
  note_allocation();
  return __libc_memalign(alignment, size);
}
void* memalign(std::size_t alignment, std::size_t size) {
  note_allocation();
  return __libc_memalign(alignment, size);
}
int posix_memalign(void** out, std::size_t alignment, std::size_t size) {
  note_allocation();
  void* p = __libc_memalign(alignment, size);
  if (!p) return ENOMEM;
  *out = p;
  return 0;
}
void free(void* pointer) { __libc_free(pointer); }
}

void* operator new(std::size_t size) {
  if (void* p = malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t size) { return operator new(size); }
void operator delete(void* p) noexcept { free(p); }
void operator delete[](void* p) noexcept { free(p); }
void operator delete(void* p, std::size_t) noexcept { free(p); }
void operator delete[](void* p, std::size_t) noexcept { free(p); }
#endif

namespace aekit::train {
namespace {

using test::uniform_data;

// Counts allocations while alive.
class CountAllocations {
 public:
  CountAllocations() {
    g_allocations = 0;
    g_frame_count = 0;
    g_counting = true;
  }
  ~CountAllocations() { g_counting = false; }
  long stop() {
    g_counting = false;
    return g_allocations.load();
  }
};

void print_first_allocation() {
  std::fprintf(stderr, "backtrace of the first allocation:\n");
  backtrace_symbols_fd(g_frames, g_frame_count.load(), STDERR_FILENO);
}

struct Case {
  const char* name;
  std::vector<std::pair<const char*, const char*>> options;
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.name; }

class Allocation : public ::testing::TestWithParam<Case> {
 protected:
  void SetUp() override {
    threads_before_ = threads();
    void* frames[4];
    backtrace(frames, 4);  // loads libgcc's unwinder now rather than while counting
  }
  void TearDown() override { set_threads(threads_before_); }

  // Warms up with one epoch, then counts the allocations of the next one.
  long allocations_in_second_epoch(int thread_count) {
    set_threads(thread_count);
    TrainConfig c = TrainConfig::defaults();
    c.set("dims", "784,256,32");
    c.set("batch", "32");
    for (const auto& [name, value] : GetParam().options) c.set(name, value);
    const Index width = c.model.dims.front();
    c.validate();
    models::Autoencoder model(c.model);
    Rng rng(1);
    model.initialize(rng);
    models::Objective objective(c.loss, c.model.output, c.regularization());
    models::AutoencoderStep step(model, objective, optim::make_optimizer(c.optimizer), c.lr);
    Trainer trainer(step, app::loop_settings(c));
    const Matrix x = uniform_data(104, width, 2);  // 3 batches of 32 and one of 8

    trainer.train_epoch({x}, 1, nullptr);
    CountAllocations counting;
    const double loss = trainer.train_epoch({x}, 2, nullptr)[0];
    const long n = counting.stop();
    EXPECT_TRUE(std::isfinite(loss));
    return n;
  }

  int threads_before_ = 0;
};

TEST_P(Allocation, NoneAfterTheFirstEpochOneThread) {
  const long n = allocations_in_second_epoch(1);
  EXPECT_EQ(n, 0);
  if (n) print_first_allocation();
}

TEST_P(Allocation, NoneAfterTheFirstEpochTwoThreads) {
  const long n = allocations_in_second_epoch(2);
  EXPECT_EQ(n, 0);
  if (n) print_first_allocation();
}

INSTANTIATE_TEST_SUITE_P(
    Trainer, Allocation,
    ::testing::Values(Case{"adam", {}},
                      Case{"sgd_momentum_decay_clip",
                           {{"optimizer", "sgd"}, {"momentum", "0.9"}, {"nesterov", "true"},
                            {"weight_decay", "0.001"}, {"clip_norm", "1"}}},
                      Case{"rmsprop", {{"optimizer", "rmsprop"}, {"lr", "0.0001"}}},
                      Case{"bce_tied_tanh", {{"loss", "bce"}, {"tied", "true"}, {"activation", "tanh"}}},
                      Case{"deep_identity_output",
                           {{"dims", "784,128,64,16"}, {"output_activation", "identity"},
                            {"activation", "leaky_relu"}}},
                      // Batches of 64 x 784 are corrupted in parallel blocks.
                      Case{"denoising_sparse", {{"noise", "gaussian:0.1:clip"}, {"l1", "1e-4"}, {"batch", "64"}}},
                      Case{"mask_kl_code_noise",
                           {{"noise", "mask:0.3"}, {"code_activation", "sigmoid"}, {"kl", "0.05:3"},
                            {"code_noise", "2"}}},
                      Case{"contractive_deep", {{"dims", "784,128,16"}, {"activation", "sigmoid"}, {"contractive", "0.1"}}},
                      Case{"contractive_one_layer", {{"dims", "784,64"}, {"activation", "tanh"}, {"contractive", "0.1"}}},
                      // 2,180 parameters: below optim::kParallelMinimumSize.
                      Case{"small_model", {{"dims", "64,16,4"}}}),
    [](const ::testing::TestParamInfo<Case>& info) { return std::string(info.param.name); });

// The families with a step of their own: an RBM (CD-1, and persistent CD-3 with a sparsity
// target) and a classifier (supervised, and hybrid with an unlabelled pool): no allocation in
// the second epoch, nor in a validation after the first.
struct FamilyCase {
  const char* name;
  std::vector<std::pair<const char*, const char*>> settings;  // the first is the model
};
void PrintTo(const FamilyCase& c, std::ostream* os) { *os << c.name; }

class FamilyAllocation : public ::testing::TestWithParam<FamilyCase> {
 protected:
  long allocations_in_second_epoch(int thread_count) {
    const int before = threads();
    set_threads(thread_count);
    TrainConfig c = TrainConfig::defaults();
    for (const auto& [name, value] : GetParam().settings) c.set(name, value);
    c.validate();
    const Matrix x = uniform_data(104, 784, 2);  // 3 batches of 32 and one of 8
    std::vector<int> labels(104);
    for (std::size_t i = 0; i < labels.size(); ++i) labels[i] = int(i % 10);
    const auto run = app::find_family(c.get("model")).start(c, {x, labels});
    const Rows rows = run->loop_rows({x, labels});
    const Rows held_out = {x.topRows(50), std::span<const int>(labels).first(50)};
    TrainingStep& step = *run->step();
    Trainer trainer(step, app::loop_settings(c));
    std::vector<double> metrics(step.metric_names().size());
    trainer.train_epoch(rows, 1, nullptr);
    step.validate({held_out.x, held_out.labels}, metrics);
    CountAllocations counting;
    const double loss = trainer.train_epoch(rows, 2, nullptr)[0];
    step.validate({held_out.x, held_out.labels}, metrics);
    const long n = counting.stop();
    set_threads(before);
    EXPECT_TRUE(std::isfinite(loss));
    EXPECT_TRUE(std::isfinite(metrics[0]));
    return n;
  }
};

TEST_P(FamilyAllocation, NoneAfterTheFirstEpochOneThread) {
  const long n = allocations_in_second_epoch(1);
  EXPECT_EQ(n, 0);
  if (n) print_first_allocation();
}

TEST_P(FamilyAllocation, NoneAfterTheFirstEpochTwoThreads) {
  const long n = allocations_in_second_epoch(2);
  EXPECT_EQ(n, 0);
  if (n) print_first_allocation();
}

INSTANTIATE_TEST_SUITE_P(
    Trainer, FamilyAllocation,
    ::testing::Values(
        FamilyCase{"rbm_cd1", {{"model", "rbm"}, {"code", "64"}, {"batch", "32"}, {"optimizer", "sgd"},
                               {"momentum", "0.9"}, {"weight_decay", "0.0002"}}},
        FamilyCase{"rbm_persistent_cd3_sparse",
                   {{"model", "rbm"}, {"code", "64"}, {"batch", "32"}, {"optimizer", "sgd"}, {"momentum", "0.9"},
                    {"persistent", "true"}, {"cd_steps", "3"}, {"sparsity_target", "0.1"}}},
        FamilyCase{"classifier", {{"model", "classifier"}, {"dims", "784,64,16"}, {"batch", "32"}}},
        FamilyCase{"classifier_hybrid_pool",
                   {{"model", "classifier"}, {"dims", "784,64,16"}, {"batch", "16"}, {"labelled", "60"},
                    {"reconstruction_weight", "0.5"}, {"loss", "bce"}}}),
    [](const auto& info) { return std::string(info.param.name); });

// The counter itself works, for this thread and for others.
TEST(AllocationCounter, SeesAllocationsFromThisAndOtherThreads) {
  void* volatile sink = nullptr;
  {
    CountAllocations counting;
    sink = std::malloc(24);
    std::free(sink);
    auto* v = new std::vector<int>(1000);
    sink = v;
    delete v;
    EXPECT_GE(counting.stop(), 2);
  }
  std::atomic<bool> go{false};
  std::thread worker([&] {
    while (!go) std::this_thread::yield();
    sink = std::malloc(24);
    std::free(sink);
  });
  CountAllocations counting;
  go = true;
  worker.join();
  EXPECT_GE(counting.stop(), 1);
}

}  // namespace
}  // namespace aekit::train
