#include "aekit/data/npy.hpp"

#include <fmt/format.h>

#include <bit>
#include <cctype>
#include <limits>
#include <cstdint>
#include <string>

#include "aekit/data/element_type.hpp"
#include "aekit/error.hpp"
#include "aekit/io/binary.hpp"
#include "aekit/io/file_bytes.hpp"
#include "aekit/io/printable.hpp"
#include "aekit/tensor/size_limit.hpp"

namespace aekit::data {
namespace {

static_assert(std::endian::native == std::endian::little, "write_npy writes host floats as '<f4'");

constexpr std::string_view kMagic = "\x93NUMPY";

struct NpyHeader {
  ElementType type;
  std::endian order;
  std::vector<Index> dims;
  std::size_t data_offset;
};

// A tiny reader for the one dict literal np.save writes.
class DictParser {
 public:
  DictParser(const std::filesystem::path& path, std::string_view text) : path_(path), text_(text) {}

  // Positions just after "'key':" and the spaces following it.
  void seek(std::string_view key) {
    auto at = text_.find(fmt::format("'{}'", key));
    if (at == std::string_view::npos) at = text_.find(fmt::format("\"{}\"", key));
    if (at == std::string_view::npos) fail(fmt::format("no '{}' key", key));
    pos_ = text_.find(':', at);
    if (pos_ == std::string_view::npos) fail(fmt::format("no ':' after '{}'", key));
    ++pos_;
    skip_spaces();
  }

  std::string_view quoted() {
    if (pos_ >= text_.size() || (text_[pos_] != '\'' && text_[pos_] != '"'))
      fail("'descr' is not a simple type string (structured arrays are not supported)");
    const auto end = text_.find(text_[pos_], pos_ + 1);
    if (end == std::string_view::npos) fail("unterminated string");
    const auto value = text_.substr(pos_ + 1, end - pos_ - 1);
    pos_ = end + 1;
    return value;
  }

  bool boolean() {
    if (text_.substr(pos_, 4) == "True") return true;
    if (text_.substr(pos_, 5) == "False") return false;
    fail("'fortran_order' is neither True nor False");
  }

  std::vector<Index> tuple() {
    if (pos_ >= text_.size() || text_[pos_] != '(') fail("'shape' is not a tuple");
    std::vector<Index> dims;
    for (++pos_;;) {
      skip_spaces();
      if (pos_ < text_.size() && text_[pos_] == ')') return dims;
      Index value = 0;
      const auto start = pos_;
      while (pos_ < text_.size() && std::isdigit(static_cast<unsigned char>(text_[pos_]))) {
        if (value > (std::numeric_limits<Index>::max() - 9) / 10) fail("a 'shape' entry does not fit 63 bits");
        value = value * 10 + (text_[pos_++] - '0');
      }
      if (pos_ == start) fail("'shape' holds something other than whole numbers");
      dims.push_back(value);
      skip_spaces();
      if (pos_ < text_.size() && text_[pos_] == ',') ++pos_;
    }
  }

  [[noreturn]] void fail(std::string_view what) const {
    throw Error(fmt::format("'{}' has a malformed NPY header: {} in \"{}\"", path_.string(), what,
                            io::printable(text_)));
  }

 private:
  void skip_spaces() {
    while (pos_ < text_.size() && text_[pos_] == ' ') ++pos_;
  }

  const std::filesystem::path& path_;
  std::string_view text_;
  std::size_t pos_ = 0;
};

bool parse_descr(std::string_view descr, ElementType& type, std::endian& order) {
  if (descr.size() < 3) return false;
  if (descr[0] == '>') order = std::endian::big;
  else if (descr[0] == '<' || descr[0] == '|' || descr[0] == '=') order = std::endian::little;
  else return false;
  const auto code = descr.substr(1);
  if (code == "f4") type = ElementType::f32;
  else if (code == "f8") type = ElementType::f64;
  else if (code == "u1" || code == "b1") type = ElementType::u8;
  else if (code == "i1") type = ElementType::i8;
  else if (code == "u2") type = ElementType::u16;
  else if (code == "i2") type = ElementType::i16;
  else if (code == "u4") type = ElementType::u32;
  else if (code == "i4") type = ElementType::i32;
  else if (code == "u8") type = ElementType::u64;
  else if (code == "i8") type = ElementType::i64;
  else return false;
  return true;
}

NpyHeader parse_header(const std::filesystem::path& path, std::string_view bytes) {
  if (bytes.substr(0, kMagic.size()) != kMagic)
    throw Error(fmt::format("'{}' is not an NPY file: expected magic \\x93NUMPY, found '{}'",
                            path.string(), io::printable(bytes.substr(0, kMagic.size()))));
  const std::size_t length_at = kMagic.size() + 2;
  if (bytes.size() < length_at + 2)
    throw Error(fmt::format("'{}' is truncated: the NPY header is cut short", path.string()));
  const int major = static_cast<unsigned char>(bytes[kMagic.size()]);
  if (major < 1 || major > 3)
    throw Error(fmt::format("'{}' is NPY format version {}, aekit reads versions 1 to 3",
                            path.string(), major));
  const std::size_t width = major == 1 ? 2 : 4;
  if (bytes.size() < length_at + width)
    throw Error(fmt::format("'{}' is truncated: the NPY header is cut short", path.string()));
  const std::size_t length = width == 2 ? io::load_le<std::uint16_t>(bytes.data() + length_at)
                                        : io::load_le<std::uint32_t>(bytes.data() + length_at);
  NpyHeader header{};
  header.data_offset = length_at + width + length;
  if (bytes.size() < header.data_offset)
    throw Error(fmt::format("'{}' is truncated: its NPY header says {} bytes, found {}",
                            path.string(), length, bytes.size() - length_at - width));
  DictParser dict(path, bytes.substr(length_at + width, length));
  dict.seek("descr");
  const auto descr = dict.quoted();
  if (!parse_descr(descr, header.type, header.order))
    throw Error(fmt::format(
        "'{}' has dtype '{}'; aekit reads float32, float64, int8..int64, uint8..uint64 and bool "
        "(convert it with a.astype('float32'))",
        path.string(), io::printable(descr)));
  dict.seek("fortran_order");
  if (dict.boolean())
    throw Error(fmt::format(
        "'{}' is in Fortran (column-major) order; aekit reads C order (save it with "
        "np.save(path, np.ascontiguousarray(a)))",
        path.string()));
  dict.seek("shape");
  header.dims = dict.tuple();
  return header;
}

Shape shape_of(const std::vector<Index>& dims) {
  switch (dims.size()) {
    case 1: return {1, 1, 1};
    case 3: return {1, dims[1], dims[2]};
    case 4: return {dims[1], dims[2], dims[3]};
    default: {
      Index d = 1;
      for (std::size_t k = 1; k < dims.size(); ++k) d *= dims[k];
      return {1, 1, d};
    }
  }
}

std::string dims_text(const std::vector<Index>& dims) {
  std::string text;
  for (std::size_t k = 0; k < dims.size(); ++k) text += fmt::format("{}{}", k ? "x" : "", dims[k]);
  return text;
}

}  // namespace

NpyArray read_npy(const std::filesystem::path& path) {
  const std::string bytes = io::read_maybe_gzip(path);
  const NpyHeader header = parse_header(path, bytes);
  if (header.dims.empty())
    throw Error(fmt::format(
        "'{}' holds a single number (shape ()); expected an array with one row per sample",
        path.string()));
  const std::vector<std::uint64_t> claimed(header.dims.begin(), header.dims.end());
  // The values become floats: that is what the header asks aekit to allocate.
  check_rows_claim(claimed, sizeof(float),
                   fmt::format("'{}': its header says shape {}", path.string(), dims_text(header.dims)));
  const std::size_t count = claimed_bytes(claimed, 1);
  const std::size_t needed = count * element_size(header.type);
  const std::size_t found = bytes.size() - header.data_offset;
  if (found < needed)
    throw Error(fmt::format("'{}' is truncated: header says {} {} = {} bytes of data, found {}",
                            path.string(), dims_text(header.dims), element_name(header.type),
                            needed, found));
  NpyArray array;
  array.dims = header.dims;
  array.shape = shape_of(header.dims);
  array.x.resize(header.dims[0], array.shape.size());
  convert_to_float(bytes.data() + header.data_offset, count, header.type, header.order,
                   array.x.data());
  return array;
}

void write_npy_array(const std::filesystem::path& path, std::string_view descr,
                     const std::vector<Index>& dims, std::string_view data) {
  ElementType type;
  std::endian order;
  AEKIT_ASSERT(parse_descr(descr, type, order));
  std::size_t count = 1;
  for (const Index d : dims) count *= static_cast<std::size_t>(d);
  AEKIT_ASSERT(data.size() == count * element_size(type));
  std::string shape = "(";
  for (const Index d : dims) shape += fmt::format("{}, ", d);
  if (dims.size() > 1) shape.resize(shape.size() - 2);
  else if (dims.size() == 1) shape.pop_back();  // "(N,)"
  shape += ")";
  std::string dict =
      fmt::format("{{'descr': '{}', 'fortran_order': False, 'shape': {}, }}", descr, shape);
  // Pad with spaces so that the data starts on a 64-byte boundary, as NumPy does.
  const bool v1 = dict.size() + 1 + 10 <= 0xFFFF;
  const std::size_t prefix = kMagic.size() + 2 + (v1 ? 2 : 4);
  dict.append((64 - (prefix + dict.size() + 1) % 64) % 64, ' ');
  dict += '\n';
  std::string bytes(kMagic);
  bytes += static_cast<char>(v1 ? 1 : 2);
  bytes += '\0';
  if (v1) io::append_le<std::uint16_t>(bytes, static_cast<std::uint16_t>(dict.size()));
  else io::append_le<std::uint32_t>(bytes, static_cast<std::uint32_t>(dict.size()));
  bytes += dict;
  bytes.append(data);
  io::write_maybe_gzip(path, bytes);
}

void write_npy(const std::filesystem::path& path, const FloatMatrix& x) {
  write_npy(path, x, Shape{1, 1, x.cols()});
}

void write_npy(const std::filesystem::path& path, const FloatMatrix& x, Shape shape) {
  AEKIT_ASSERT(shape.size() == x.cols());
  std::vector<Index> dims = {x.rows(), shape.c, shape.h, shape.w};
  if (shape.c == 1 && shape.h == 1) dims = {x.rows(), shape.w};
  else if (shape.c == 1) dims = {x.rows(), shape.h, shape.w};
  write_npy_array(path, "<f4", dims,
                  {reinterpret_cast<const char*>(x.data()), x.size() * sizeof(float)});
}

void write_npy_labels(const std::filesystem::path& path, const std::vector<int>& labels) {
  static_assert(sizeof(int) == 4);
  write_npy_array(path, "<i4", {static_cast<Index>(labels.size())},
                  {reinterpret_cast<const char*>(labels.data()), labels.size() * sizeof(int)});
}

}  // namespace aekit::data
