// Hostile size claims: headers that ask for more memory than the size limit allows
// (tensor/size_limit.hpp) are refused by every loader before it allocates, in one line that
// names the claim, the limit and --max-input-size. Each file here is small; obeying its claim
// would take terabytes, so a loader that allocated first would fail the test by running out
// of memory rather than by a wrong message.
#include <gtest/gtest.h>
#include <zlib.h>

#include <nlohmann/json.hpp>

#include "aekit/data/idx.hpp"
#include "aekit/data/npy.hpp"
#include "aekit/image/image.hpp"
#include "aekit/image/image_file.hpp"
#include "aekit/image/jpeg_codec.hpp"
#include "aekit/image/webp_codec.hpp"
#include "aekit/io/binary.hpp"
#include "aekit/io/file_bytes.hpp"
#include "aekit/io/model_file.hpp"
#include "aekit/store/saved_model.hpp"
#include "support/cli_runner.hpp"
#include "support/expect_error.hpp"
#include "support/scoped_size_limit.hpp"
#include "support/test_support.hpp"

namespace aekit::test {
namespace {

constexpr const char* kLimitPhrase = "more than the size limit of 16 GiB; pass --max-input-size to raise it";

TEST(SizeClaims, AnIdxHeaderClaimingTrillionsOfValuesRawOrGzipped) {
  TempDir dir;
  std::string bytes = {'\0', '\0', '\x08', '\x03'};
  for (const std::uint32_t d : {4000000000u, 28u, 28u}) io::append_be<std::uint32_t>(bytes, d);
  bytes += std::string(100, '\0');
  write_file(dir / "x.idx", bytes);
  io::write_maybe_gzip(dir / "x.idx.gz", bytes);
  for (const char* name : {"x.idx", "x.idx.gz"})
    expect_error([&] { data::read_idx_images(dir / name); },
                 {"its header says 4000000000x28x28 pixels needs 12544000000000 bytes (11 TiB)", kLimitPhrase});
}

TEST(SizeClaims, AnNpyHeaderClaiming10To12Rows) {
  TempDir dir;
  std::string dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (1000000000000, 784), }";
  dict.append(118 - dict.size(), ' ');
  dict += '\n';
  std::string bytes = "\x93NUMPY\x01";
  bytes += '\0';
  io::append_le<std::uint16_t>(bytes, static_cast<std::uint16_t>(dict.size()));
  write_file(dir / "x.npy", bytes + dict + std::string(64, '\0'));
  expect_error([&] { data::read_npy(dir / "x.npy"); },
               {"its header says shape 1000000000000x784 needs 3136000000000000 bytes", kLimitPhrase});
}

TEST(SizeClaims, AModelFileWhoseBlobClaims2To40Bytes) {
  TempDir dir;
  io::save_model_file(dir / "m.aek", {{{"model", "small"}}, std::vector<float>(6, 1.0f)});
  std::string bytes = read_file(dir / "m.aek");
  const auto header_size = io::load_le<std::uint64_t>(bytes.data() + 8);
  const std::size_t count_at = 16 + header_size;
  ASSERT_EQ(io::load_le<std::uint64_t>(bytes.data() + count_at), 6u);
  std::string count;
  io::append_le<std::uint64_t>(count, std::uint64_t(1) << 38);  // float32: 2^40 bytes
  bytes.replace(count_at, 8, count);
  write_file(dir / "m.aek", bytes);
  expect_error([&] { io::load_model_file(dir / "m.aek"); },
               {"its header says the float32 blob holds 274877906944 values needs 1099511627776 bytes (1 TiB)",
                kLimitPhrase});
}

TEST(SizeClaims, AModelWhoseLayerSizesNeedTerabytes) {
  TempDir dir;
  const nlohmann::json model = {{"kind", "autoencoder"},        {"architecture", "mlp"},
                                {"output_activation", "sigmoid"}, {"init", "glorot"},
                                {"dims", {784, 16000000, 32}}, {"activation", "relu"},
                                {"code_activation", "identity"},  {"tied", false}};
  io::save_model_file(dir / "m.aek", {{{"model", model}, {"input_shape", {1, 1, 784}}}, {}});
  expect_error([&] { store::load_model(dir / "m.aek"); },
               {"model '", "a model of ", "16000000x784", "(values and gradients) needs", kLimitPhrase});
}

// `png` with its IHDR's width and height replaced (and the chunk's CRC recomputed).
std::string with_png_size(std::string png, std::uint32_t width, std::uint32_t height) {
  std::string size;
  io::append_be<std::uint32_t>(size, width);
  io::append_be<std::uint32_t>(size, height);
  png.replace(16, 8, size);  // signature 8, length 4, "IHDR" 4, then width and height
  std::string crc;
  io::append_be<std::uint32_t>(crc, static_cast<std::uint32_t>(
                                        ::crc32(0, reinterpret_cast<const Bytef*>(png.data() + 12), 17)));
  png.replace(29, 4, crc);
  return png;
}

TEST(SizeClaims, ImagesClaimingMorePixelsThanTheLimit) {
  const image::Image small = image::Image::filled(8, 8, 1, 100);
  expect_error([&] { image::decode_image(with_png_size(image::encode_png(small), 1000000, 1000000), "'big.png'"); },
               {"'big.png' claims 1000000x1000000 pixels of 1 bytes needs 1000000000000 bytes", kLimitPhrase});

  ScopedSizeLimit one_mib(1 << 20);
  std::string jpeg = image::encode_jpeg(small, 90);
  const auto sof = jpeg.find("\xFF\xC0");
  ASSERT_NE(sof, std::string::npos);
  std::string size;
  io::append_be<std::uint16_t>(size, 60000);  // height, then width
  io::append_be<std::uint16_t>(size, 60000);
  jpeg.replace(sof + 5, 4, size);
  expect_error([&] { image::decode_image(jpeg, "'big.jpg'"); },
               {"'big.jpg' claims 60000x60000 pixels of 1 bytes needs 3600000000 bytes (3 GiB)",
                "more than the size limit of 1 MiB"});
  expect_error([&] { image::decode_image("P5\n100000 100000\n255\n", "'big.pgm'"); },
               {"'big.pgm' claims 100000x100000 pixels of 1 bytes", "more than the size limit of 1 MiB"});
  const std::string webp = image::encode_webp(image::Image::filled(600, 600, 3, 9), 50);
  expect_error([&] { image::decode_image(webp, "'big.webp'"); },
               {"'big.webp' claims 600x600 pixels of 3 bytes needs 1080000 bytes", "more than the size limit of 1 MiB"});
}

TEST(SizeClaims, AGzipBombAndAFileLargerThanTheLimit) {
  TempDir dir;
  io::write_maybe_gzip(dir / "bomb.npy.gz", std::string(std::size_t(64) << 20, '\0'));
  EXPECT_LT(read_file(dir / "bomb.npy.gz").size(), std::size_t(1) << 20);
  write_file(dir / "big.bin", std::string(std::size_t(3) << 20, 'x'));
  ScopedSizeLimit two_mib(2 << 20);
  expect_error([&] { io::read_maybe_gzip(dir / "bomb.npy.gz"); },
               {"bomb.npy.gz' unpacks to more than the size limit of 2 MiB; pass --max-input-size to raise it"});
  expect_error([&] { io::read_file_bytes(dir / "big.bin"); },
               {"reading '", "big.bin' needs 3145728 bytes (3 MiB), more than the size limit of 2 MiB"});
  expect_error([&] { io::read_maybe_gzip(dir / "big.bin"); }, {"big.bin' unpacks to more than the size limit of 2 MiB"});
}

// The largest limit the flag takes: the read buffer's cap (a chunk past the limit) must not
// wrap past 2^64 to a buffer smaller than one read.
TEST(SizeClaims, TheLargestLimitStillReadsGzipWhole) {
  TempDir dir;
  const std::string rows(std::size_t(5) << 20, '\7');
  io::write_maybe_gzip(dir / "rows.gz", rows);
  ScopedSizeLimit everything(~std::uint64_t(0));
  EXPECT_EQ(io::read_maybe_gzip(dir / "rows.gz"), rows);
}

TEST(SizeClaims, TheFlagRaisesAndLowersTheLimitForEveryCommand) {
  TempDir dir;
  write_file(dir / "big.aek", std::string(4096, 'x'));
  auto r = run_aekit("info " + (dir / "big.aek").string() + " --max-input-size 1KiB", dir);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(contains(r.err, "needs 4096 bytes (4 KiB), more than the size limit of 1 KiB; pass --max-input-size"))
      << r.err;
  r = run_aekit("info " + (dir / "big.aek").string() + " --max-input-size 64GiB", dir);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(contains(r.err, "expected magic")) << r.err;
  r = run_aekit("info " + (dir / "big.aek").string() + " --max-input-size 12XB", dir);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "--max-input-size: expected a size such as 64GiB, 500MB or 1000000")) << r.err;
}

}  // namespace
}  // namespace aekit::test
