#pragma once
// Sets aekit's thread count for a scope and restores the earlier one when the scope ends.
#include "aekit/tensor/threads.hpp"

namespace aekit::test {

class ScopedThreads {
 public:
  explicit ScopedThreads(int count) : before_(threads()) { set_threads(count); }
  ~ScopedThreads() { set_threads(before_); }
  ScopedThreads(const ScopedThreads&) = delete;
  ScopedThreads& operator=(const ScopedThreads&) = delete;

 private:
  int before_;
};

}  // namespace aekit::test
