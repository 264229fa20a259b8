// Both image codecs (lecture 000's patch codec and the learned codec) through compress and
// decompress: the decoded file equals the model's quantized reconstruction bit for bit, on 1
// and 2 threads, for odd sizes, a 1x1 image, several tiles, gray and RGB; and every way a
// request or a file can be wrong fails in one line.
#include "aekit/codec/image_codec.hpp"

#include <gtest/gtest.h>

#include <string>

#include "aekit/codec/open_codec.hpp"
#include "aekit/error.hpp"
#include "aekit/tensor/gemm.hpp"
#include "support/codec_models.hpp"
#include "support/expect_error.hpp"
#include "support/scoped_threads.hpp"
#include "support/test_support.hpp"

namespace aekit::codec {
namespace {

enum class Kind { learned, patch };

std::unique_ptr<ImageCodec> make_codec(const test::TempDir& dir, Kind kind, int channels, std::uint64_t seed = 1) {
  const auto path = dir / ("codec_" + std::to_string(int(kind)) + "_" + std::to_string(channels) + "_" +
                           std::to_string(seed) + ".aek");
  if (kind == Kind::learned) test::write_learned_codec_file(path, channels, seed);
  else test::write_patch_codec_file(path, channels, 4, 6, Activation::tanh, seed);
  return open_codec(path);
}

// compress -> file bytes -> parse -> decompress, as `aekit compress` and `decompress` do.
image::Image round_trip(ImageCodec& codec, const image::Image& image, int quality, std::string* file_bytes = nullptr) {
  const std::string bytes = io::serialize_compressed_image(compress(codec, image, quality));
  if (file_bytes) *file_bytes = bytes;
  return decompress(codec, io::parse_compressed_image(bytes, "test.aeimg"), "test.aeimg");
}

struct SizeCase {
  int width, height, image_channels, codec_channels;
};

class ImageCodecExactness : public ::testing::TestWithParam<std::tuple<Kind, SizeCase>> {};

TEST_P(ImageCodecExactness, DecompressedFileEqualsTheQuantizedReconstructionOnAnyThreadCount) {
  const auto [kind, size] = GetParam();
  test::TempDir dir;
  auto codec = make_codec(dir, kind, size.codec_channels);
  const image::Image image = test::smooth_image(size.width, size.height, size.image_channels, 7);
  for (const int quality : {1, codec->qualities() / 2, codec->qualities()}) {
    std::string one_thread_file, two_thread_file;
    image::Image one_thread, two_threads;
    {
      test::ScopedThreads threads(1);
      one_thread = round_trip(*codec, image, quality, &one_thread_file);
      EXPECT_EQ(one_thread, codec->reconstruct(image, quality)) << "quality " << quality;
    }
    {
      test::ScopedThreads threads(2);
      two_threads = round_trip(*codec, image, quality, &two_thread_file);
      EXPECT_EQ(two_threads, codec->reconstruct(image, quality)) << "quality " << quality;
    }
    EXPECT_EQ(one_thread_file, two_thread_file) << "quality " << quality;
    EXPECT_EQ(one_thread, two_threads);
    EXPECT_EQ(one_thread.width, size.width);
    EXPECT_EQ(one_thread.height, size.height);
    EXPECT_EQ(one_thread.channels, size.image_channels);
  }
}

INSTANTIATE_TEST_SUITE_P(
    SizesAndChannels, ImageCodecExactness,
    ::testing::Combine(::testing::Values(Kind::learned, Kind::patch),
                       ::testing::Values(SizeCase{1, 1, 1, 1}, SizeCase{1, 1, 3, 3}, SizeCase{17, 9, 1, 1},
                                         SizeCase{17, 9, 3, 3}, SizeCase{23, 30, 1, 3},  // gray into RGB codec
                                         SizeCase{261, 19, 3, 3}, SizeCase{19, 270, 1, 1})));  // several tiles

TEST(ImageCodec, FinerQualitiesCostMoreBytesAndLoseLess) {
  test::TempDir dir;
  for (const Kind kind : {Kind::learned, Kind::patch}) {
    auto codec = make_codec(dir, kind, 1);
    const image::Image image = test::smooth_image(64, 48, 1, 3);
    const auto coarse = compress(*codec, image, 1), fine = compress(*codec, image, codec->qualities());
    EXPECT_LT(coarse.payload.size(), fine.payload.size()) << int(kind);
  }
}

TEST(PatchCodec, PayloadIsTheLecturesCountOfBits) {
  test::TempDir dir;
  auto codec = make_codec(dir, Kind::patch, 1);  // 4x4 patches, 6 codes
  const image::Image image = test::random_image(10, 7, 1, 2);  // 3 x 2 patches, the last ones padded
  for (int bits = 1; bits <= 8; ++bits) {
    EXPECT_DOUBLE_EQ(codec->nominal_bpp(bits), 6.0 * bits / 16);
    EXPECT_EQ(compress(*codec, image, bits).payload.size(), std::size_t((6 * 6 * bits + 7) / 8)) << bits;
  }
}

TEST(PatchCodec, RefusesModelsWithUnboundedCodesOrNonPatchRows) {
  test::TempDir dir;
  test::write_patch_codec_file(dir / "relu.aek", 1, 4, 6, Activation::relu);
  test::expect_error<UsageError>([&] { open_codec(dir / "relu.aek"); }, {"codes must be bounded", "relu"});
  test::write_patch_codec_file(dir / "two.aek", 2, 4, 6);
  test::expect_error<UsageError>([&] { open_codec(dir / "two.aek"); }, {"square 1- or 3-channel patches", "2x4x4"});
}

TEST(ImageCodec, RefusesBadRequests) {
  test::TempDir dir;
  for (const Kind kind : {Kind::learned, Kind::patch}) {
    auto gray = make_codec(dir, kind, 1);
    const image::Image rgb = test::random_image(8, 8, 3, 1);
    test::expect_error<UsageError>([&] { compress(*gray, rgb, 1); }, {"codes gray images", "has 3 channels"});
    const image::Image image = test::random_image(8, 8, 1, 1);
    test::expect_error<UsageError>([&] { compress(*gray, image, 0); }, {"quality: expected 1 to", "found 0"});
    test::expect_error<UsageError>([&] { compress(*gray, image, 9); }, {"quality: expected 1 to", "found 9"});
  }
}

TEST(ImageCodec, RefusesFilesOfAnotherModelQualityOrChannelCount) {
  test::TempDir dir;
  for (const Kind kind : {Kind::learned, Kind::patch}) {
    auto codec = make_codec(dir, kind, 1), other = make_codec(dir, kind, 1, 2);
    const image::Image image = test::random_image(9, 9, 1, 4);
    const io::CompressedImage file = compress(*codec, image, 2);
    test::expect_error([&] { decompress(*other, file, "x.aeimg"); }, {"x.aeimg", "another codec model"});
    io::CompressedImage bad_quality = file;
    bad_quality.quality = 9;
    test::expect_error([&] { decompress(*codec, bad_quality, "x.aeimg"); }, {"x.aeimg", "quality 9"});
    io::CompressedImage bad_channels = file;
    bad_channels.channels = 3;
    test::expect_error([&] { decompress(*codec, bad_channels, "x.aeimg"); }, {"3-channel image", "1-channel codec"});
  }
}

TEST(ImageCodec, RefusesDamagedOrTruncatedPayloadsThatPassTheChecksum) {
  test::TempDir dir;
  for (const Kind kind : {Kind::learned, Kind::patch}) {
    auto codec = make_codec(dir, kind, 3);
    const image::Image image = test::smooth_image(40, 33, 3, 5);
    const io::CompressedImage file = compress(*codec, image, 8);
    for (const std::size_t keep : {std::size_t(0), std::size_t(1), file.payload.size() / 2, file.payload.size() - 1}) {
      io::CompressedImage truncated = file;
      truncated.payload.resize(keep);
      // Re-serialized, so the container's checksum is right and the payload itself is at fault.
      const auto parsed = io::parse_compressed_image(io::serialize_compressed_image(truncated), "t.aeimg");
      test::expect_error([&] { decompress(*codec, parsed, "t.aeimg"); }, {"t.aeimg"});
    }
    io::CompressedImage padded = file;
    padded.payload += std::string(3, '\x01');
    test::expect_error([&] { decompress(*codec, padded, "p.aeimg"); }, {"p.aeimg"});
  }
}

}  // namespace
}  // namespace aekit::codec
