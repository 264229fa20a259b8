#include "aekit/report/html_report.hpp"

#include <gtest/gtest.h>

#include "support/test_support.hpp"

namespace aekit::report {
namespace {

TEST(HtmlReport, FigureAndTable) {
  test::TempDir dir;
  test::write_file(dir / "loss.svg", "foo");
  const std::string figure = figure_html(dir / "loss.svg", "Loss <per epoch>");
  EXPECT_NE(figure.find("<img src=\"data:image/svg+xml;base64,Zm9v\""), std::string::npos);
  EXPECT_NE(figure.find("data-file=\"loss.svg\""), std::string::npos);
  EXPECT_NE(figure.find("<figcaption>Loss &lt;per epoch&gt;</figcaption>"), std::string::npos);

  const std::string table = table_html({"model", "mse"}, {{"<script>x</script>", "0.0123"}});
  EXPECT_NE(table.find("<th>model</th>"), std::string::npos);
  EXPECT_NE(table.find("<td>&lt;script&gt;x&lt;/script&gt;</td>"), std::string::npos);
  EXPECT_NE(table.find("<td class=\"num\">0.0123</td>"), std::string::npos);
  EXPECT_EQ(table.find("<script>"), std::string::npos);
}

TEST(HtmlReport, WritesOneSelfContainedPage) {
  test::TempDir dir;
  Report report{"Run <script>alert(1)</script>", 0, {{"model", "ae-784-32"}, {"epochs", "10"}}, {}};
  test::write_file(dir / "loss.svg", "<svg></svg>");
  report.sections.push_back({"Loss", figure_html(dir / "loss.svg", "train and validation loss")});
  report.sections.push_back({"Metrics", table_html({"split", "mse"}, {{"test", "0.01"}})});
  write_html_report(dir / "report.html", report);
  const std::string page = test::read_file(dir / "report.html");
  EXPECT_EQ(page.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(page.find("<title>Run &lt;script&gt;alert(1)&lt;/script&gt;</title>"),
            std::string::npos);
  EXPECT_EQ(page.find("<script"), std::string::npos);
  EXPECT_EQ(page.find("http://"), std::string::npos);  // no external resources
  EXPECT_EQ(page.find("https://"), std::string::npos);
  EXPECT_NE(page.find("<style>"), std::string::npos);
  EXPECT_NE(page.find("<th>model</th><td>ae-784-32</td>"), std::string::npos);
  EXPECT_NE(page.find("<h2>Loss</h2>"), std::string::npos);
  EXPECT_NE(page.find("src=\"data:image/svg+xml;base64,"), std::string::npos);  // no file needed
  EXPECT_EQ(page.find("http-equiv=\"refresh\""), std::string::npos);  // a finished page stays
  EXPECT_LT(page.find("<h2>Loss</h2>"), page.find("<h2>Metrics</h2>"));
  EXPECT_NE(page.find("</html>"), std::string::npos);
}

TEST(HtmlReport, APageInProgressAsksToBeReloaded) {
  Report report{"Run", 5, {}, {}};
  const std::string page = render_html_report(report);
  EXPECT_NE(page.find("<meta http-equiv=\"refresh\" content=\"5\">"), std::string::npos);
  EXPECT_LT(page.find("http-equiv"), page.find("</head>"));
}

}  // namespace
}  // namespace aekit::report
