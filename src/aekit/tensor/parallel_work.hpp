#pragma once

namespace aekit {

// Below this many multiply-adds a product runs on one thread: forking the team costs more.
inline constexpr double kParallelMinimumWork = 1 << 18;

}  // namespace aekit
