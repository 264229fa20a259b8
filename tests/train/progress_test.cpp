#include "aekit/train/progress.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "support/test_support.hpp"

namespace aekit::train {
namespace {

using namespace std::chrono_literals;
using Clock = Progress::Clock;

// A clock the test moves by hand.
struct FakeClock {
  Clock::time_point now{};
  std::function<Clock::time_point()> function() {
    return [this] { return now; };
  }
};

using test::count_occurrences;

TEST(Progress, FormatsDurationsAndRates) {
  EXPECT_EQ(format_duration(12), "0:12");
  EXPECT_EQ(format_duration(754.4), "12:34");
  EXPECT_EQ(format_duration(3723), "1:02:03");
  EXPECT_EQ(format_duration(-1), "--:--");
  EXPECT_EQ(format_duration(std::nan("")), "--:--");
  EXPECT_EQ(format_rate(52100), "52.1k");
  EXPECT_EQ(format_rate(523.4), "523");
  EXPECT_EQ(format_rate(5.234), "5.23");
  EXPECT_EQ(format_rate(1234567), "1.23M");
  EXPECT_EQ(format_rate(999999), "1.00M");
  EXPECT_EQ(format_rate(0), "0");
}

TEST(Progress, TerminalRewritesOneLineWithBarAndEta) {
  std::ostringstream out;
  FakeClock clock;
  Progress progress(out, true, 10, 100);
  progress.set_clock(clock.function());
  progress.batch(1, 1, 0.5, 1000);  // first call: starts the rate measurement
  clock.now += 1s;
  progress.batch(1, 11, 0.25, 52100);  // 10 batches in 1 s; 1000 - 11 = 989 left -> 98.9 s
  const std::string text = out.str();
  EXPECT_EQ(text.find('\n'), std::string::npos);
  EXPECT_EQ(count_occurrences(text, "\r"), 2u);
  EXPECT_NE(text.find("\033[K"), std::string::npos);
  EXPECT_NE(
      text.find("epoch 1/10 [##..................] 11/100 loss 0.25 52.1k samples/s ETA 1:39"),
      std::string::npos)
      << text;
}

TEST(Progress, TerminalRedrawsAtMostOncePerInterval) {
  std::ostringstream out;
  FakeClock clock;
  Progress progress(out, true, 1, 1000);
  progress.set_clock(clock.function());
  for (int b = 1; b <= 999; ++b) {  // 999 batches within 0.5 s
    progress.batch(1, b, 0.1, 1e4);
    clock.now += 500us;
  }
  EXPECT_EQ(count_occurrences(out.str(), "\r"), 5u);  // t = 0, 0.1, 0.2, 0.3, 0.4 s
  progress.batch(1, 1000, 0.1, 1e4);      // the last batch always shows
  EXPECT_EQ(count_occurrences(out.str(), "\r"), 6u);
  EXPECT_NE(out.str().find("[####################] 1000/1000"), std::string::npos);

  progress.set_min_interval(Clock::duration::zero());
  progress.batch(1, 1000, 0.1, 1e4);
  EXPECT_EQ(count_occurrences(out.str(), "\r"), 7u);
}

TEST(Progress, TerminalEpochEndLeavesSummaryLine) {
  std::ostringstream out;
  FakeClock clock;
  {
    Progress progress(out, true, 3, 4);
    progress.set_clock(clock.function());
    progress.batch(2, 4, 0.1, 100);
    progress.epoch_end(2, "train 0.1 val 0.2");
    EXPECT_TRUE(out.str().ends_with("\repoch 2/3 train 0.1 val 0.2\033[K\n")) << out.str();
    progress.batch(3, 1, 0.1, 100);  // a new epoch draws at once
    EXPECT_TRUE(out.str().ends_with("\033[K"));
  }
  EXPECT_TRUE(out.str().ends_with("\n"));  // the destructor ends the open line
}

TEST(Progress, PlainOutputHasOneLinePerEpoch) {
  std::ostringstream out;
  {
    Progress progress(out, false, 10, 3);
    for (int epoch = 1; epoch <= 2; ++epoch) {
      for (int b = 1; b <= 3; ++b) progress.batch(epoch, b, 0.5, 1000);
      progress.epoch_end(epoch, "loss 0.5");
    }
  }
  EXPECT_EQ(out.str(), "epoch 1/10 loss 0.5\nepoch 2/10 loss 0.5\n");
}

TEST(Progress, StdoutIsTerminalHonoursDumbTerm) {
  const char* old = std::getenv("TERM");
  const std::string saved = old ? old : "";
  setenv("TERM", "dumb", 1);
  EXPECT_FALSE(Progress::stdout_is_terminal());
  if (old)
    setenv("TERM", saved.c_str(), 1);
  else
    unsetenv("TERM");
}

}  // namespace
}  // namespace aekit::train
