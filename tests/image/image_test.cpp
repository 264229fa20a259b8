#include "aekit/image/image.hpp"

#include <gtest/gtest.h>

#include "aekit/error.hpp"
#include "support/test_support.hpp"

namespace aekit::image {
namespace {

Image gradient(int width, int height, int channels) {
  Image image = Image::filled(width, height, channels, 0);
  for (std::size_t i = 0; i < image.pixels.size(); ++i)
    image.pixels[i] = static_cast<std::uint8_t>((i * 37 + 11) % 256);
  return image;
}

std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(Png, RoundTripGrayAndRgb) {
  test::TempDir dir;
  for (const int channels : {1, 2, 3, 4}) {
    const Image image = gradient(7, 5, channels);
    const auto path = dir / ("image" + std::to_string(channels) + ".png");
    write_png(path, image);
    const Image back = read_png(path);
    EXPECT_EQ(back.width, 7);
    EXPECT_EQ(back.height, 5);
    EXPECT_EQ(back.channels, channels);
    EXPECT_EQ(back, image) << "channels " << channels;
  }
}

TEST(Png, EncodeStartsWithSignature) {
  const std::string bytes = encode_png(gradient(3, 3, 1));
  ASSERT_GT(bytes.size(), 8u);
  EXPECT_EQ(bytes.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
  EXPECT_EQ(decode_png(bytes), gradient(3, 3, 1));
}

TEST(Png, PixelAccessIsRowMajorInterleaved) {
  Image image = Image::filled(4, 2, 3, 0);
  image.at(3, 1, 2) = 9;
  EXPECT_EQ(image.pixels[(1 * 4 + 3) * 3 + 2], 9);
}

TEST(Png, CorruptFileHasClearError) {
  test::TempDir dir;
  test::write_file(dir / "bad.png", "this is not a png");
  const std::string message = error_of([&] { read_png(dir / "bad.png"); });
  EXPECT_NE(message.find("bad.png"), std::string::npos) << message;
  EXPECT_NE(message.find("not a valid PNG"), std::string::npos) << message;

  // A real PNG cut short: the header is fine, the pixel data is missing.
  const std::string bytes = encode_png(gradient(64, 64, 3));
  test::write_file(dir / "cut.png", bytes.substr(0, bytes.size() / 2));
  EXPECT_THROW(read_png(dir / "cut.png"), Error);
}

TEST(Png, MissingFileAndBadImageAreErrors) {
  test::TempDir dir;
  EXPECT_NE(error_of([&] { read_png(dir / "nope.png"); }).find("nope.png"), std::string::npos);
  Image wrong{2, 2, 1, {1, 2, 3}};
  EXPECT_NE(error_of([&] { encode_png(wrong); }).find("needs 4 pixel bytes, found 3"),
            std::string::npos);
  EXPECT_THROW(encode_png(Image::filled(2, 2, 5, 0)), Error);
}

TEST(Png, FailedWriteLeavesExistingFile) {
  test::TempDir dir;
  const auto path = dir / "keep.png";
  write_png(path, gradient(2, 2, 1));
  const std::string before = test::read_file(path);
  EXPECT_THROW(write_png(path, Image{2, 2, 1, {}}), Error);
  EXPECT_EQ(test::read_file(path), before);
}

}  // namespace
}  // namespace aekit::image
