// The report of a run in progress: written by the epoch files' background writer after every
// epoch, with a refresh tag and the epochs so far.
#include "aekit/app/progress_report.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "aekit/app/epoch_files.hpp"
#include "aekit/store/saved_model.hpp"
#include "support/random_data.hpp"
#include "support/test_support.hpp"
#include "support/train_rig.hpp"

namespace aekit::app {
namespace {

train::TrainConfig three_epochs() {
  train::TrainConfig c = train::TrainConfig::defaults();
  c.set("dims", "16,8,3");
  c.set("batch", "32");
  c.set("epochs", "3");
  c.set("data", "npy:made-up.npy");
  return c;
}

TEST(ProgressReport, ShowsTheEpochSoFarAndRefreshes) {
  const train::TrainConfig config = three_epochs();
  const std::vector<train::EpochRecord> history = {
      {1, {{"train_loss", 0.2}, {"val_loss", 0.25}}, 1e-3, 0.5, 1000},
      {2, {{"train_loss", 0.1}, {"val_loss", 0.15}}, 1e-3, 0.5, 1000}};
  const std::string page = ProgressReport("run-7", config).html(history);
  EXPECT_NE(page.find("<title>aekit run run-7</title>"), std::string::npos);
  EXPECT_NE(page.find("in progress: epoch 2 of 3"), std::string::npos);
  EXPECT_NE(page.find("<meta http-equiv=\"refresh\" content=\"5\">"), std::string::npos);
  EXPECT_NE(page.find("<svg"), std::string::npos);      // the loss curve, inline
  EXPECT_NE(page.find("0.150000"), std::string::npos);  // epoch 2's val_loss in the table
  EXPECT_NE(page.find("npy:made-up.npy"), std::string::npos);
  EXPECT_NE(page.find("<th>page written</th><td>20"), std::string::npos);
}

// A real loop: the page exists after epoch 1 (the writer has finished that epoch's files).
TEST(ProgressReport, EpochFilesWriteItAfterEveryEpoch) {
  test::TempDir dir;
  test::TrainRig rig(three_epochs(), Rng(1));
  const Matrix x = test::uniform_data(96, 16, 2), val = test::uniform_data(32, 16, 3);
  EpochFiles files(dir.path(), store::model_header(rig.model, data::Scaling(), {1, 4, 4}), rig.config);
  std::vector<std::string> pages;
  train::TrainerState state;
  rig.trainer->fit({x}, {val}, state, nullptr, [&](const train::TrainerState& s) {
    files.after_epoch(rig.step, s);
    files.wait();
    pages.push_back(test::read_file(dir / "report.html"));
  });
  files.finish();
  ASSERT_EQ(pages.size(), 3u);
  for (int epoch = 1; epoch <= 3; ++epoch)
    EXPECT_NE(pages[std::size_t(epoch - 1)].find(fmt::format("in progress: epoch {} of 3", epoch)),
              std::string::npos) << epoch;
  const std::string epoch_2_row = "<tr><td class=\"num\">2</td>";
  EXPECT_EQ(pages[0].find(epoch_2_row), std::string::npos);  // the epochs so far only
  EXPECT_NE(pages[1].find(epoch_2_row), std::string::npos);
}

}  // namespace
}  // namespace aekit::app
