// The report of a fit made of stages (app/stage_report.hpp): one line and one table row per
// stage with its epochs, seconds per epoch and first and last loss, and a chart.
#include "aekit/app/stage_report.hpp"

#include <gtest/gtest.h>

namespace aekit::app {
namespace {

nlohmann::json two_stages() {
  return nlohmann::json::array(
      {{{"name", "layer 1"}, {"model", "rbm 784 bernoulli -> 64 bernoulli"}, {"loss", "reconstruction"},
        {"epochs", {{{"epoch", 1}, {"loss", 0.5}, {"seconds", 1.0}}, {{"epoch", 2}, {"loss", 0.25}, {"seconds", 3.0}}}}},
       {{"name", "layer 2"}, {"model", "rbm 64 bernoulli -> 8 gaussian"}, {"loss", "reconstruction"},
        {"epochs", {{{"epoch", 1}, {"loss", 0.125}, {"seconds", 0.5}}}}}});
}

TEST(StageReport, OneLineAndOneRowPerStage) {
  const auto lines = stage_lines(two_stages());
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0], "layer 1: rbm 784 bernoulli -> 64 bernoulli, 2 epochs, 2.00 s/epoch, reconstruction 0.50000 -> 0.25000");
  EXPECT_EQ(lines[1], "layer 2: rbm 64 bernoulli -> 8 gaussian, 1 epochs, 0.50 s/epoch, reconstruction 0.12500 -> 0.12500");
  const std::string table = stage_table(two_stages());
  EXPECT_NE(table.find("layer 2"), std::string::npos);
  EXPECT_NE(table.find("reconstruction 0.50000 -&gt; 0.25000"), std::string::npos) << table;
  const std::string svg = stage_loss_svg(two_stages());
  EXPECT_NE(svg.find("<svg"), std::string::npos);
  EXPECT_NE(svg.find("layer 2"), std::string::npos);
}

}  // namespace
}  // namespace aekit::app
