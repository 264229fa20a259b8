#pragma once
// Sets the size limit (tensor/size_limit.hpp) for one test and puts the previous one back.
#include <cstdint>

#include "aekit/tensor/size_limit.hpp"

namespace aekit::test {

class ScopedSizeLimit {
 public:
  explicit ScopedSizeLimit(std::uint64_t bytes) : previous_(size_limit()) { set_size_limit(bytes); }
  ~ScopedSizeLimit() { set_size_limit(previous_); }
  ScopedSizeLimit(const ScopedSizeLimit&) = delete;
  ScopedSizeLimit& operator=(const ScopedSizeLimit&) = delete;

 private:
  std::uint64_t previous_;
};

}  // namespace aekit::test
