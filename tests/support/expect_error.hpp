#pragma once
// Checking that a call fails with a message that speaks to the user.
//
//   expect_error([&] { load_model_file(p); }, {"is corrupt", "CRC-32 expected 0x"});
// fails the test unless the call throws E (aekit::Error by default) whose what() contains
// every phrase (given as a braced list or a vector); returns the message for further checks.
#include <gtest/gtest.h>

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "aekit/error.hpp"

namespace aekit::test {

namespace detail {

template <typename E, typename F, typename Phrases>
std::string expect_error(F&& call, const Phrases& phrases) {
  try {
    call();
  } catch (const E& e) {
    const std::string message = e.what();
    for (const auto& phrase : phrases)
      EXPECT_NE(message.find(phrase), std::string::npos)
          << "the message lacks \"" << phrase << "\":\n  " << message;
    return message;
  } catch (const std::exception& e) {
    ADD_FAILURE() << "threw the wrong kind of exception: " << e.what();
    return e.what();
  }
  ADD_FAILURE() << "expected an error containing \"" << *phrases.begin() << "\", got none";
  return {};
}

}  // namespace detail

template <typename E = Error, typename F>
std::string expect_error(F&& call, std::initializer_list<std::string_view> phrases) {
  return detail::expect_error<E>(std::forward<F>(call), phrases);
}

template <typename E = Error, typename F>
std::string expect_error(F&& call, const std::vector<std::string>& phrases) {
  return detail::expect_error<E>(std::forward<F>(call), phrases);
}

}  // namespace aekit::test
