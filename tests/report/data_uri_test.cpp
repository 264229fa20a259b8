#include "aekit/report/data_uri.hpp"

#include <gtest/gtest.h>

#include "support/expect_error.hpp"
#include "support/test_support.hpp"

namespace aekit::report {
namespace {

TEST(DataUri, EmbedsAFileWithItsMediaType) {
  test::TempDir dir;
  test::write_file(dir / "a.svg", "foo");
  EXPECT_EQ(data_uri(dir / "a.svg"), "data:image/svg+xml;base64,Zm9v");
  test::write_file(dir / "b.png", "fo");
  EXPECT_EQ(data_uri(dir / "b.png"), "data:image/png;base64,Zm8=");
  test::write_file(dir / "c.txt", "x");
  test::expect_error([&] { data_uri(dir / "c.txt"); }, {"expected a .png, .svg or .jpg", "'.txt'"});
  test::expect_error([&] { data_uri(dir / "missing.png"); }, {"missing.png"});
}

}  // namespace
}  // namespace aekit::report
