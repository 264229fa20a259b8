#include "aekit/error.hpp"

namespace aekit {

// Plain strings, no fmt: the engine alone builds with the compiler and Eigen (bench/scaling).
void assertion_failed(const char* expression, const char* file, int line) {
  throw Error(std::string("internal error: assertion '") + expression + "' failed at " + file +
              ":" + std::to_string(line) + " (please report)");
}

}  // namespace aekit
