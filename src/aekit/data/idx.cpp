#include "aekit/data/idx.hpp"

#include <fmt/format.h>

#include <cmath>
#include <cstdint>
#include <string>

#include "aekit/data/element_type.hpp"
#include "aekit/data/labels.hpp"
#include "aekit/error.hpp"
#include "aekit/io/binary.hpp"
#include "aekit/io/file_bytes.hpp"
#include "aekit/tensor/size_limit.hpp"

namespace aekit::data {
namespace {

constexpr std::uint32_t kImagesMagic = 0x00000803;
constexpr std::uint32_t kLabelsMagic = 0x00000801;

struct IdxArray {
  ElementType type;
  std::vector<Index> dims;  // dims[0] = N
  const char* values;       // into the file's bytes, big-endian
  std::size_t count;        // product of dims
};

bool element_type_of(unsigned char code, ElementType& type) {
  switch (code) {
    case 0x08: type = ElementType::u8; return true;
    case 0x09: type = ElementType::i8; return true;
    case 0x0B: type = ElementType::i16; return true;
    case 0x0C: type = ElementType::i32; return true;
    case 0x0D: type = ElementType::f32; return true;
    case 0x0E: type = ElementType::f64; return true;
    default: return false;
  }
}

std::string magic_hex(std::string_view bytes) {
  std::string hex = "0x";
  for (std::size_t i = 0; i < 4; ++i)
    hex += i < bytes.size() ? fmt::format("{:02x}", static_cast<unsigned char>(bytes[i])) : "";
  return bytes.size() < 4 ? fmt::format("{} (the file has only {} bytes)", hex, bytes.size())
                          : hex;
}

// Parses the header of `bytes` and checks that all the values the header promises are there.
IdxArray parse(const std::filesystem::path& path, const std::string& bytes, const char* what) {
  IdxArray array{};
  const auto* b = reinterpret_cast<const unsigned char*>(bytes.data());
  const bool magic_ok = bytes.size() >= 4 && b[0] == 0 && b[1] == 0 &&
                        element_type_of(b[2], array.type) && b[3] >= 1 && b[3] <= 4;
  if (!magic_ok)
    throw Error(fmt::format(
        "'{}' is not an IDX file: expected magic 0x{:08x} (images) or 0x{:08x} (labels), "
        "found {}",
        path.string(), kImagesMagic, kLabelsMagic, magic_hex(bytes)));
  const std::size_t rank = b[3];
  const std::size_t header = 4 + 4 * rank;
  if (bytes.size() < header)
    throw Error(fmt::format("'{}' is truncated: its IDX header needs {} bytes, found {}",
                            path.string(), header, bytes.size()));
  std::vector<std::uint64_t> claimed;
  std::string dims_text;
  for (std::size_t k = 0; k < rank; ++k) {
    claimed.push_back(io::load_be<std::uint32_t>(bytes.data() + 4 + 4 * k));
    array.dims.push_back(static_cast<Index>(claimed.back()));
    dims_text += fmt::format("{}{}", k ? "x" : "", claimed.back());
  }
  // The values become floats: that is what the header asks aekit to allocate.
  check_rows_claim(claimed, sizeof(float), fmt::format("'{}': its header says {} {}", path.string(), dims_text, what));
  array.count = claimed_bytes(claimed, 1);
  const std::size_t needed = array.count * element_size(array.type);
  if (bytes.size() - header < needed)
    throw Error(fmt::format("'{}' is truncated: header says {}{} = {} bytes of {}, found {}",
                            path.string(), dims_text,
                            array.type == ElementType::u8
                                ? ""
                                : fmt::format(" {}", element_name(array.type)),
                            needed, what, bytes.size() - header));
  array.values = bytes.data() + header;
  return array;
}

void append_dims(std::string& out, unsigned char type_code, const std::vector<Index>& dims) {
  out.append({'\0', '\0', static_cast<char>(type_code), static_cast<char>(dims.size())});
  for (const Index d : dims) io::append_be<std::uint32_t>(out, static_cast<std::uint32_t>(d));
}

bool is_byte(float value) { return value >= 0.0f && value <= 255.0f && value == std::floor(value); }

[[noreturn]] void throw_not_a_byte(const std::filesystem::path& path, std::string_view where,
                                   float value) {
  throw Error(fmt::format(
      "cannot write '{}' as uint8 IDX: {} is {}, expected a whole number in 0..255 "
      "(scale the data to 0..255 first)",
      path.string(), where, value));
}

}  // namespace

IdxImages read_idx_images(const std::filesystem::path& path) {
  const std::string bytes = io::read_maybe_gzip(path);
  const IdxArray array = parse(path, bytes, "pixels");
  const Index n = array.dims[0];
  const Index d = n == 0 ? 0 : static_cast<Index>(array.count) / n;
  IdxImages images;
  switch (array.dims.size()) {
    case 1: images.shape = {1, 1, 1}; break;
    case 2: images.shape = {1, 1, array.dims[1]}; break;
    case 3: images.shape = {1, array.dims[1], array.dims[2]}; break;
    default: images.shape = {array.dims[1], array.dims[2], array.dims[3]}; break;
  }
  images.x.resize(n, n == 0 ? images.shape.size() : d);
  convert_to_float(array.values, array.count, array.type, std::endian::big, images.x.data());
  return images;
}

std::vector<int> read_idx_labels(const std::filesystem::path& path) {
  const std::string bytes = io::read_maybe_gzip(path);
  const IdxArray array = parse(path, bytes, "labels");
  if (array.dims.size() != 1)
    throw Error(fmt::format(
        "'{}' does not hold labels: expected magic 0x{:08x} (one dimension), found an IDX "
        "array with {} dimensions (is it an images file? check that images and labels are not "
        "swapped)",
        path.string(), kLabelsMagic, array.dims.size()));
  std::vector<float> values(array.count);
  convert_to_float(array.values, array.count, array.type, std::endian::big, values.data());
  return labels_from_values(values.data(), values.size(), path.string());
}

void write_idx_images(const std::filesystem::path& path, const FloatMatrix& x, Shape shape) {
  if (shape.size() != x.cols())
    throw Error(fmt::format("cannot write '{}': shape {}x{}x{} has {} values, rows have {}",
                            path.string(), shape.c, shape.h, shape.w, shape.size(), x.cols()));
  std::vector<Index> dims = {x.rows(), shape.h, shape.w};
  if (shape.c != 1) dims.insert(dims.begin() + 1, shape.c);
  std::string bytes;
  bytes.reserve(4 + 4 * dims.size() + static_cast<std::size_t>(x.size()));
  append_dims(bytes, 0x08, dims);
  for (Index i = 0; i < x.rows(); ++i)
    for (Index j = 0; j < x.cols(); ++j) {
      if (!is_byte(x(i, j)))
        throw_not_a_byte(path, fmt::format("the value at row {}, column {}", i, j), x(i, j));
      bytes += static_cast<char>(static_cast<unsigned char>(x(i, j)));
    }
  io::write_maybe_gzip(path, bytes);
}

void write_idx_labels(const std::filesystem::path& path, const std::vector<int>& labels) {
  std::string bytes;
  append_dims(bytes, 0x08, {static_cast<Index>(labels.size())});
  for (std::size_t i = 0; i < labels.size(); ++i) {
    if (labels[i] < 0 || labels[i] > 255)
      throw_not_a_byte(path, fmt::format("label {}", i), static_cast<float>(labels[i]));
    bytes += static_cast<char>(static_cast<unsigned char>(labels[i]));
  }
  io::write_maybe_gzip(path, bytes);
}

}  // namespace aekit::data
