// PGM/PPM through decode_image: ASCII (P2/P3) and binary 16-bit samples scaled to 8 bits, and
// malformed files named in the error.
#include "aekit/image/pnm_codec.hpp"

#include <gtest/gtest.h>

#include "aekit/image/image_file.hpp"

#include "support/expect_error.hpp"

namespace aekit::image {
namespace {

TEST(PnmCodec, AsciiAndSixteenBitSamples) {
  EXPECT_EQ(decode_image("P2\n# a comment\n2 1\n4\n0 4\n"),
            (image::Image{2, 1, 1, {0, 255}}));
  EXPECT_EQ(decode_image("P3 1 1 255 10 20 30"), (image::Image{1, 1, 3, {10, 20, 30}}));
  EXPECT_EQ(decode_image(std::string("P5 1 1 65535\n\xff\xff")),
            (image::Image{1, 1, 1, {255}}));
}

TEST(PnmCodec, MalformedHeadersAndSamplesAreNamed) {
  test::expect_error([] { decode_image("P5 2 2 255\n\x01"); }, {"truncated"});
  test::expect_error([] { decode_image("P2 1 1 3 9"); }, {"sample 9 above its maxval 3"});
  test::expect_error([] { decode_image("P6 x"); }, {"expected the width"});
  test::expect_error([] { decode_image("P5 0 2 255\n"); }, {"expected positive width"});
}

}  // namespace
}  // namespace aekit::image
