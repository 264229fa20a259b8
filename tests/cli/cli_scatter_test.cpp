// aekit scatter: the SVG holds one dot per encoded row, coloured by label, and bad code
// columns are refused without writing anything.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "aekit/data/npy.hpp"
#include "support/cli_runner.hpp"
#include "support/random_data.hpp"
#include "support/test_support.hpp"

namespace aekit::test {
namespace {

namespace fs = std::filesystem;

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

TEST(CliScatter, DrawsOneDotPerRowColouredByLabel) {
  TempDir dir;
  const FloatMatrix x = manifold_data(90, 8, 4);
  FloatMatrix labelled(90, 9);
  labelled << x, FloatMatrix::NullaryExpr(90, 1, [](Index i) { return float(i % 3); });
  data::write_npy(dir / "x.npy", x);
  data::write_npy(dir / "xl.npy", labelled);
  const std::string out = (dir / "pca").string();
  ASSERT_EQ(run_aekit("train --model pca --code 3 --data npy:" + (dir / "x.npy").string() +
                          " --test-data none --out " + out, dir).exit_code, 0);
  const std::string model = out + "/model.aek";
  const std::string data = "npy:" + (dir / "xl.npy").string() + "?label_column=-1";
  const auto r = run_aekit("scatter -m " + model + " -d " + data + " --columns 2 0 -n 60 -o " +
                               (dir / "codes.svg").string(), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string svg = read_file(dir / "codes.svg");
  EXPECT_EQ(count(svg, "<circle"), 60u + 3u);  // 60 dots and a legend dot per class
  EXPECT_TRUE(contains(svg, "class 2"));
  EXPECT_TRUE(contains(svg, "code 2"));
  EXPECT_TRUE(contains(svg, "pca 8 -&gt; 3 components"));  // the default title, escaped

  expect_failure(run_aekit("scatter -m " + model + " -d " + data + " --columns 0 3 -o " +
                               (dir / "bad.svg").string(), dir),
                 2, {"--columns: model", "has code columns 0..2, found 3"});
  EXPECT_FALSE(fs::exists(dir / "bad.svg"));
}

}  // namespace
}  // namespace aekit::test
