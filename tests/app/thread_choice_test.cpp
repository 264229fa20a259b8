// choose_threads: auto (0) takes this process's core budget, a count is kept as asked; the
// reason and the config.toml note say which; recorded_threads_note reads them back from a
// summary, and gives "" for summaries without them (older runs).
#include "aekit/app/thread_choice.hpp"

#include <gtest/gtest.h>

namespace aekit::app {
namespace {

TEST(ThreadChoice, AutoTakesTheCoreBudgetAndSaysWhy) {
  const ThreadChoice choice = choose_threads(0);
  EXPECT_TRUE(choice.automatic);
  EXPECT_EQ(choice.threads, usable_cores());
  EXPECT_EQ(choice.requested(), "auto");
  EXPECT_EQ(choice.reason(), choice.budget.explanation());
  EXPECT_EQ(choice.to_json()["threads"], choice.threads);
}

TEST(ThreadChoice, ACountIsKeptAsAskedAndNamesWhatAutoWouldGive) {
  const ThreadChoice choice = choose_threads(3);
  EXPECT_FALSE(choice.automatic);
  EXPECT_EQ(choice.threads, 3);
  EXPECT_EQ(choice.requested(), 3);
  EXPECT_NE(choice.reason().find("as asked (auto would give " + std::to_string(usable_cores())),
            std::string::npos)
      << choice.reason();
  EXPECT_EQ(choice.note().rfind("3 threads here: as asked", 0), 0u) << choice.note();
}

TEST(ThreadChoice, TheNoteIsRebuiltFromASummaryOrEmptyWithoutIt) {
  const ThreadChoice choice = choose_threads(1);
  EXPECT_EQ(recorded_threads_note({{"run", choice.to_json()}}), choice.note());
  EXPECT_EQ(choice.note().rfind("1 thread here: ", 0), 0u) << choice.note();
  EXPECT_EQ(recorded_threads_note({{"run", {{"threads", 2}}}}), "");
  EXPECT_EQ(recorded_threads_note(nlohmann::json::object()), "");
}

}  // namespace
}  // namespace aekit::app
