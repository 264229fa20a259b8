#include "aekit/error.hpp"

#include <fmt/format.h>

namespace aekit {

void assertion_failed(const char* expression, const char* file, int line) {
  throw Error(fmt::format("internal error: assertion '{}' failed at {}:{} (please report)",
                          expression, file, line));
}

}  // namespace aekit
