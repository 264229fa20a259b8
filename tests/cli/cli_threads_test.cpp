// `aekit train --threads`: auto (the default) runs on the cores this process may use
// (tensor/usable_cores.hpp), a count as given; every run records the count used and how it
// was chosen in summary.json's "run", beside `threads` in config.toml and in the report's Run
// table (also when `aekit report` rebuilds it); config.toml keeps what was asked, so a rerun of
// it on a larger machine uses its cores.
// A value that is neither auto nor a positive integer is refused with one line.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "aekit/data/npy.hpp"
#include "aekit/report/escape.hpp"
#include "aekit/tensor/usable_cores.hpp"
#include "support/cli_runner.hpp"
#include "support/random_data.hpp"
#include "support/test_support.hpp"

namespace aekit::test {
namespace {

namespace fs = std::filesystem;

class CliThreads : public ::testing::Test {
 protected:
  void SetUp() override { data::write_npy(dir_ / "x.npy", uniform_data(200, 64, 1)); }
  // One epoch of a small MLP on x.npy into `out`, plus `extra` flags.
  CliResult train(const fs::path& out, const std::string& extra = "") const {
    return run_aekit("train --data npy:" + (dir_ / "x.npy").string() +
                         " --test-data none --dims 64,16,4 --epochs 1 --out " + out.string() + " " + extra,
                     dir_);
  }
  static nlohmann::json run_facts(const fs::path& run) {
    return nlohmann::json::parse(read_file(run / "summary.json")).at("run");
  }
  TempDir dir_;
};

TEST_F(CliThreads, TheDefaultIsAutoTheCoresThisProcessMayUse) {
  const fs::path run = dir_ / "auto";
  const auto r = train(run);
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  const CoreBudget budget = core_budget();
  const int cores = usable_cores();
  EXPECT_TRUE(contains(r.out, fmt::format(", {} threads -> ", cores))) << r.out;

  const auto facts = run_facts(run);
  EXPECT_EQ(facts.at("threads"), cores);
  EXPECT_EQ(facts.at("threads_requested"), "auto");
  EXPECT_EQ(facts.at("threads_reason"), budget.explanation());

  const std::string config = read_file(run / "config.toml");
  const std::string line = fmt::format("threads = \"auto\"  # {} {} here: {}\n", cores,
                                       cores == 1 ? "thread" : "threads", budget.explanation());
  EXPECT_TRUE(contains(config, line)) << config;

  const std::string page = read_file(run / "report.html");
  EXPECT_TRUE(contains(page, "<td>threads</td><td>" +
                                 report::html_escape(fmt::format("{} (auto: {})", cores, budget.explanation())) +
                                 "</td>"))
      << page;

  // A report rebuilt later shows the run's choice (from summary.json), not the rebuilding machine's.
  fs::remove(run / "report.html");
  const auto rebuilt = run_aekit("report " + run.string(), dir_);
  ASSERT_EQ(rebuilt.exit_code, 0) << rebuilt.err;
  // (Its figures differ: without test data, the training rows stand in for the validation rows.)
  const auto run_and_settings = [](const std::string& html) { return html.substr(html.find("<h2>Run</h2>")); };
  EXPECT_EQ(run_and_settings(read_file(run / "report.html")), run_and_settings(page));

  // The written config asks for auto again; a rerun of it records the same.
  const auto again = run_aekit("train --config " + (run / "config.toml").string() + " --out " +
                                   (dir_ / "again").string(), dir_);
  ASSERT_EQ(again.exit_code, 0) << again.out << again.err;
  EXPECT_EQ(run_facts(dir_ / "again").at("threads_requested"), "auto");
  EXPECT_EQ(run_facts(dir_ / "again").at("threads"), cores);
}

TEST_F(CliThreads, ACountIsUsedAsAsked) {
  const fs::path run = dir_ / "one";
  const auto r = train(run, "--threads 1");
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_TRUE(contains(r.out, ", 1 threads -> ")) << r.out;
  const auto facts = run_facts(run);
  EXPECT_EQ(facts.at("threads"), 1);
  EXPECT_EQ(facts.at("threads_requested"), 1);
  EXPECT_EQ(facts.at("threads_reason"),
            fmt::format("as asked (auto would give {}: {})", usable_cores(), core_budget().explanation()));
  const std::string config = read_file(run / "config.toml");
  EXPECT_TRUE(contains(config, "threads = 1  # 1 thread here: as asked (auto would give ")) << config;
  EXPECT_TRUE(contains(read_file(run / "report.html"), "<td>threads</td><td>1 (as asked (auto would give "));
}

TEST_F(CliThreads, ResumeMaySwitchBetweenACountAndAuto) {
  const fs::path run = dir_ / "run";
  ASSERT_EQ(train(run, "--threads 1").exit_code, 0);
  auto r = run_aekit("train --resume --epochs 2 --threads auto --out " + run.string(), dir_);
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_TRUE(contains(r.out, "resuming with training.threads auto (was 1)")) << r.out;
  EXPECT_TRUE(contains(read_file(run / "config.toml"), "threads = \"auto\"  # "));
  EXPECT_EQ(run_facts(run).at("threads_requested"), "auto");
  EXPECT_EQ(run_facts(run).at("threads"), usable_cores());
  // Resumed without --threads: the run's config.toml (auto) holds.
  r = run_aekit("train --resume --epochs 3 --out " + run.string(), dir_);
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_FALSE(contains(r.out, "resuming with training.threads")) << r.out;
  EXPECT_EQ(run_facts(run).at("threads_requested"), "auto");
}

TEST_F(CliThreads, ZeroInAnOlderConfigMeansAuto) {
  // config.toml files written before auto existed say threads = 0 ("all cores").
  write_file(dir_ / "old.toml", "[training]\nthreads = 0\n");
  const fs::path run = dir_ / "old";
  const auto r = train(run, "--config " + (dir_ / "old.toml").string());
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(run_facts(run).at("threads_requested"), "auto");
  EXPECT_TRUE(contains(read_file(run / "config.toml"), "threads = \"auto\""));
}

TEST_F(CliThreads, AValueThatIsNeitherAutoNorAPositiveIntegerIsRefused) {
  for (const char* bad : {"-1", "two", "1.5", "Auto", "2x"}) {
    SCOPED_TRACE(bad);
    expect_failure(train(dir_ / "never", fmt::format("--threads '{}'", bad)), 2,
                   {fmt::format("threads: expected auto or a positive integer, found '{}'", bad)});
  }
  for (const char* bad : {"0.5", "\"two\"", "-3", "true"}) {
    SCOPED_TRACE(bad);
    write_file(dir_ / "bad.toml", fmt::format("[training]\nthreads = {}\n", bad));
    const std::string found = std::string(bad) == "\"two\"" ? "two" : bad;
    expect_failure(train(dir_ / "never", "--config " + (dir_ / "bad.toml").string()), 2,
                   {"bad.toml", fmt::format("threads: expected auto or a positive integer, found '{}'", found)});
  }
  EXPECT_FALSE(fs::exists(dir_ / "never"));
}

}  // namespace
}  // namespace aekit::test
