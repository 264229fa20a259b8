#include "aekit/tensor/denormals.hpp"

#if defined(__SSE__)
#include <xmmintrin.h>
#endif

namespace aekit {
namespace {

void flush_on_this_thread() {
#if defined(__SSE__)
  constexpr unsigned kFlushToZero = 0x8000, kDenormalsAreZero = 0x0040;
  _mm_setcsr(_mm_getcsr() | kFlushToZero | kDenormalsAreZero);
#endif
}

}  // namespace

void flush_denormals() { flush_on_this_thread(); }

}  // namespace aekit
