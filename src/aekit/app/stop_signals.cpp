#include "aekit/app/stop_signals.hpp"

#include <unistd.h>

#include <csignal>

namespace aekit::app {
namespace {

std::atomic<bool> g_requested{false};
std::atomic<int> g_signal{0};
static_assert(std::atomic<bool>::is_always_lock_free && std::atomic<int>::is_always_lock_free,
              "set from a signal handler");

struct sigaction g_previous_int, g_previous_term;

void on_signal(int number) {
  g_signal.store(number, std::memory_order_relaxed);
  g_requested.store(true, std::memory_order_relaxed);
  static constexpr char kMessage[] =
      "\naekit: stopping after the current step (signal again to stop at once)\n";
  [[maybe_unused]] const auto written = ::write(STDERR_FILENO, kMessage, sizeof kMessage - 1);  // async-signal-safe
}

}  // namespace

StopSignals::StopSignals() {
  g_requested = false;
  g_signal = 0;
  struct sigaction action {};
  action.sa_handler = on_signal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESETHAND | SA_RESTART;  // one request; the next signal acts as usual
  sigaction(SIGINT, &action, &g_previous_int);
  sigaction(SIGTERM, &action, &g_previous_term);
}

StopSignals::~StopSignals() {
  sigaction(SIGINT, &g_previous_int, nullptr);
  sigaction(SIGTERM, &g_previous_term, nullptr);
}

const std::atomic<bool>& StopSignals::requested() const { return g_requested; }

int StopSignals::signal_number() const { return g_signal.load(std::memory_order_relaxed); }

}  // namespace aekit::app
