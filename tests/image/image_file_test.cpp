#include "aekit/image/image_file.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "support/expect_error.hpp"
#include "support/test_support.hpp"

namespace aekit::image {
namespace {

// A smooth picture (JPEG's error stays small on it) with some texture.
image::Image picture(int width, int height, int channels) {
  image::Image image = image::Image::filled(width, height, channels, 0);
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x)
      for (int k = 0; k < channels; ++k)
        image.at(x, y, k) = static_cast<std::uint8_t>(20 + 4 * x + 3 * y + 30 * k);
  return image;
}

int max_difference(const image::Image& a, const image::Image& b) {
  int worst = 0;
  for (std::size_t i = 0; i < a.pixels.size(); ++i)
    worst = std::max(worst, std::abs(int(a.pixels[i]) - int(b.pixels[i])));
  return worst;
}

TEST(ImageFile, LosslessRoundTripsGrayAndRgb) {
  test::TempDir dir;
  for (const char* name : {"a.png", "a.PNG", "b.pnm", "c.pgm", "d.ppm"})
    for (const int channels : {1, 3}) {
      const std::string ext = std::filesystem::path(name).extension().string();
      if ((ext == ".pgm" && channels == 3) || (ext == ".ppm" && channels == 1)) continue;
      const image::Image image = picture(13, 9, channels);
      const auto path = dir / (std::to_string(channels) + name);
      write_image(path, image);
      EXPECT_EQ(read_image(path), image) << path;
    }
}

TEST(ImageFile, JpegRoundTripIsClose) {
  test::TempDir dir;
  for (const int channels : {1, 3})
    for (const char* name : {"a.jpg", "b.jpeg"}) {
      const image::Image image = picture(24, 16, channels);
      const auto path = dir / (std::to_string(channels) + name);
      write_image(path, image);
      EXPECT_EQ(test::read_file(path).substr(0, 3), "\xFF\xD8\xFF");
      const image::Image back = read_image(path);
      ASSERT_EQ(back.width, 24);
      ASSERT_EQ(back.height, 16);
      ASSERT_EQ(back.channels, channels);
      EXPECT_LE(max_difference(back, image), 8) << path;
    }
}

// WebP has no gray mode: a gray image comes back as RGB with R, G and B close to it.
TEST(ImageFile, WebpRoundTripIsCloseAndRgb) {
  test::TempDir dir;
  for (const int channels : {1, 3}) {
    const image::Image image = picture(24, 16, channels);
    const auto path = dir / (std::to_string(channels) + "a.WebP");
    write_image(path, image);
    const std::string bytes = test::read_file(path);
    EXPECT_EQ(bytes.substr(0, 4), "RIFF");
    EXPECT_EQ(bytes.substr(8, 4), "WEBP");
    const image::Image back = read_image(path);
    ASSERT_EQ(back.width, 24);
    ASSERT_EQ(back.height, 16);
    ASSERT_EQ(back.channels, 3);
    for (int y = 0; y < 16; ++y)
      for (int x = 0; x < 24; ++x)
        for (int k = 0; k < 3; ++k)
          EXPECT_LE(std::abs(int(back.at(x, y, k)) - int(image.at(x, y, channels == 1 ? 0 : k))),
                    12)
              << path << " at " << x << "," << y << "," << k;
  }
}

TEST(ImageFile, FormatComesFromMagicNotExtension) {
  test::TempDir dir;
  const image::Image image = picture(5, 4, 3);
  write_image(dir / "x.png", image);
  std::filesystem::rename(dir / "x.png", dir / "x.ppm");
  EXPECT_EQ(read_image(dir / "x.ppm"), image);
}

TEST(ImageFile, PngAlphaIsDropped) {
  image::Image rgba = image::Image::filled(2, 1, 4, 7);
  const image::Image rgb = decode_image(image::encode_png(rgba));
  EXPECT_EQ(rgb, image::Image::filled(2, 1, 3, 7));
}

TEST(ImageFile, UnknownFormatAndMissingFile) {
  test::TempDir dir;
  test::write_file(dir / "page.png", "<html>");
  test::expect_error([&] { read_image(dir / "page.png"); },
                     {"page.png", "expected a PNG, JPEG, WebP or PGM/PPM", "3c 68 74 6d"});
  test::write_file(dir / "empty.jpg", "");
  test::expect_error([&] { read_image(dir / "empty.jpg"); }, {"empty.jpg", "file is empty"});
  test::expect_error([&] { read_image(dir / "missing.png"); }, {"missing.png"});
}

TEST(ImageFile, CorruptAndTruncatedPngJpegAndWebp) {
  test::TempDir dir;
  for (const char* name : {"a.png", "a.jpg", "a.webp"}) {
    write_image(dir / name, picture(32, 32, 3));
    const std::string bytes = test::read_file(dir / name);
    const std::string truncated = bytes.substr(0, bytes.size() / 2);
    test::expect_error([&] { decode_image(truncated, name); }, {name, "damaged"});
    std::string corrupt = bytes;
    for (std::size_t i = 20; i < corrupt.size() - 2; i += 7) corrupt[i] = char(0xFF - corrupt[i]);
    test::expect_error([&] { decode_image(corrupt, name); }, {name});
    test::expect_error([&] { decode_image(bytes.substr(0, 4), name); }, {name});
  }
}

TEST(ImageFile, WriteRefusesWhatItCannotHoldAndWritesNothing) {
  test::TempDir dir;
  test::expect_error<UsageError>([&] { write_image(dir / "a.gif", picture(2, 2, 1)); },
                                 {"a.gif", ".png, .jpg"});
  test::expect_error<UsageError>([&] { write_image(dir / "a.pgm", picture(2, 2, 3)); },
                                 {"a.pgm", "gray", "found 3 channels"});
  test::expect_error([&] { write_image(dir / "a.jpg", picture(2, 2, 2)); }, {"1 (gray) or 3"});
  image::Image broken = picture(2, 2, 1);
  broken.pixels.pop_back();
  test::expect_error([&] { write_image(dir / "a.png", broken); }, {"pixel bytes"});
  EXPECT_TRUE(std::filesystem::is_empty(dir.path()));
}

}  // namespace
}  // namespace aekit::image
