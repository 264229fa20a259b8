// The hash index file (retrieval/hash_index_file.hpp): what is saved loads back the same (codes,
// thresholds, labels, model identity); damaged, truncated, foreign and inconsistent files are
// refused with one line naming the file and what is wrong.
#include "aekit/retrieval/hash_index_file.hpp"

#include <gtest/gtest.h>

#include "aekit/error.hpp"
#include "aekit/io/checked_file.hpp"
#include "aekit/io/model_file.hpp"
#include "support/binary_codes.hpp"
#include "support/expect_error.hpp"
#include "support/test_support.hpp"

namespace aekit::retrieval {
namespace {

HashIndex example_index(bool labelled) {
  HashIndex index;
  for (std::size_t i = 0; i < index.model_sha256.size(); ++i) index.model_sha256[i] = std::uint8_t(31 * i + 5);
  index.model_file = "/models/m.aek";
  index.model_kind = "autoencoder";
  index.data = "npy:x.npy";
  index.codes = test::random_binary_codes(9, 70, 0.5, 4);
  index.thresholds.assign(70, 0.5f);
  index.thresholds[3] = -0.1234567f;
  if (labelled) index.labels = {0, 1, 2, 3, 4, 5, 6, 7, 8};
  return index;
}

void expect_same(const HashIndex& a, const HashIndex& b) {
  EXPECT_EQ(a.model_sha256, b.model_sha256);
  EXPECT_EQ(a.model_file, b.model_file);
  EXPECT_EQ(a.model_kind, b.model_kind);
  EXPECT_EQ(a.data, b.data);
  EXPECT_EQ(a.thresholds, b.thresholds);
  EXPECT_EQ(a.labels, b.labels);
  ASSERT_EQ(a.codes.rows(), b.codes.rows());
  ASSERT_EQ(a.codes.bits(), b.codes.bits());
  EXPECT_TRUE(std::equal(a.codes.words().begin(), a.codes.words().end(), b.codes.words().begin()));
}

TEST(HashIndexFile, LoadsBackWhatWasSavedWithAndWithoutLabels) {
  test::TempDir dir;
  for (const bool labelled : {true, false}) {
    const HashIndex index = example_index(labelled);
    save_hash_index(dir / "i.aeki", index);
    expect_same(load_hash_index(dir / "i.aeki"), index);
  }
}

TEST(HashIndexFile, RefusesDamagedTruncatedAndForeignFiles) {
  test::TempDir dir;
  save_hash_index(dir / "i.aeki", example_index(true));
  const std::string bytes = test::read_file(dir / "i.aeki");

  std::string flipped = bytes;
  flipped[bytes.size() - 20] ^= 0x10;  // a code word
  test::write_file(dir / "flipped.aeki", flipped);
  test::expect_error<Error>([&] { load_hash_index(dir / "flipped.aeki"); }, {"flipped.aeki' is corrupt", "CRC-32"});

  test::write_file(dir / "short.aeki", bytes.substr(0, bytes.size() - 30));
  test::expect_error<Error>([&] { load_hash_index(dir / "short.aeki"); },
                            {"short.aeki' is truncated", "64-bit code words"});

  io::save_model_file(dir / "m.aek", io::ModelFile{{{"format", "aekit-model"}}, {1.0f, 2.0f}});
  test::expect_error<Error>([&] { load_hash_index(dir / "m.aek"); },
                            {"m.aek' is not an aekit hash index: expected magic AEKH, found 'AEK1'"});
}

TEST(HashIndexFile, RefusesAHeaderThatDisagreesWithItselfOrTheCodes) {
  test::TempDir dir;
  const io::CheckedFileKind kind{"AEKH", kHashIndexFormatVersion, "an aekit hash index", 8, "64-bit code words"};
  const HashIndex index = example_index(true);
  save_hash_index(dir / "good.aeki", index);
  const nlohmann::json good = io::load_checked_file(dir / "good.aeki", kind).header;
  const auto words = index.codes.words();
  const std::string blob(reinterpret_cast<const char*>(words.data()), words.size_bytes());
  const auto expect_refused = [&](const char* field, const nlohmann::json& value,
                                  std::initializer_list<std::string> phrases) {
    nlohmann::json header = good;
    header[field] = value;
    if (std::string(field) == "rows") header.erase("labels");  // else the labels' count disagrees first
    io::save_checked_file(dir / "bad.aeki", kind, header, blob);
    test::expect_error<Error>([&] { load_hash_index(dir / "bad.aeki"); }, phrases);
  };
  expect_refused("rows", 10, {"bad.aeki' is corrupt", "expected 20 words for 10 rows of 70 bits, found 18"});
  expect_refused("bits", 64, {"expected 64 thresholds (one per bit), found 70"});
  expect_refused("labels", {1, 2}, {"expected 9 labels (one per row), found 2"});
  expect_refused("format", "aekit-model", {"not a hash index's"});
  expect_refused("model", {{"sha256", "xyz"}, {"file", "m"}, {"kind", "k"}}, {"expected 64 hex digits"});
  expect_refused("thresholds", "none", {"lacks a field or has one of the wrong type"});
}

}  // namespace
}  // namespace aekit::retrieval
