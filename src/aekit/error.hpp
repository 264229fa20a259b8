#pragma once
// Errors that speak to the user, and internal invariants.
//
// Library code throws aekit::Error with a message that says what was expected, what was
// found and, where possible, a hint. Only the CLI turns errors into exit codes:
// UsageError -> 2 (bad flags, bad config keys, impossible hyper-parameters), Error -> 1.
#include <stdexcept>
#include <string>

namespace aekit {

class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A mistake in how the user called us (flag, config key, hyper-parameter value).
class UsageError : public Error {
 public:
  using Error::Error;
};

[[noreturn]] void assertion_failed(const char* expression, const char* file, int line);

}  // namespace aekit

// Internal invariant: a failure is a bug in aekit, reported with file:line.
#define AEKIT_ASSERT(condition) \
  ((condition) ? (void)0 : ::aekit::assertion_failed(#condition, __FILE__, __LINE__))
