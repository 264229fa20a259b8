#include "aekit/io/background_writer.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>
#include <vector>

#include "aekit/error.hpp"

namespace aekit::io {
namespace {

TEST(BackgroundWriter, RunsJobsOneAtATimeInTheOrderSubmitted) {
  std::vector<int> done;
  {
    BackgroundWriter writer;
    for (int i = 0; i < 5; ++i)
      writer.submit([&done, i] {
        std::this_thread::sleep_for(std::chrono::milliseconds(5 - i));  // later jobs are quicker
        done.push_back(i);
      });
    writer.wait();
    EXPECT_EQ(done, (std::vector<int>{0, 1, 2, 3, 4}));
  }
}

TEST(BackgroundWriter, AJobsErrorComesBackFromTheNextWaitOrSubmitOnce) {
  BackgroundWriter writer;
  writer.submit([] { throw Error("disk full"); });
  EXPECT_THROW(writer.wait(), Error);
  EXPECT_NO_THROW(writer.wait());

  bool later_ran = false;
  writer.submit([] { throw Error("disk full"); });
  EXPECT_THROW(writer.submit([&] { later_ran = true; }), Error);
  writer.wait();
  EXPECT_FALSE(later_ran) << "a job submitted after a failed one must not run";
}

TEST(BackgroundWriter, TheDestructorWaitsForTheRunningJob) {
  bool finished = false;
  {
    BackgroundWriter writer;
    writer.submit([&] {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
      finished = true;
    });
  }
  EXPECT_TRUE(finished);
}

}  // namespace
}  // namespace aekit::io
