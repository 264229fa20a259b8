#include "aekit/data/element_type.hpp"

#include <cstdint>
#include <cstring>

#include "aekit/error.hpp"
#include "aekit/io/binary.hpp"

namespace aekit::data {
namespace {

// The tight loop: native order needs one memcpy per value, which compiles to a plain load
// and vectorises; the other order swaps bytes first.
template <typename T>
void convert(const char* src, std::size_t count, std::endian order, float* dst) {
  if (order == std::endian::native || sizeof(T) == 1) {
    for (std::size_t i = 0; i < count; ++i) {
      T value;
      std::memcpy(&value, src + i * sizeof(T), sizeof(T));
      dst[i] = static_cast<float>(value);
    }
  } else {
    for (std::size_t i = 0; i < count; ++i)
      dst[i] = static_cast<float>(io::load<T>(src + i * sizeof(T), order));
  }
}

}  // namespace

std::size_t element_size(ElementType type) {
  switch (type) {
    case ElementType::u8: case ElementType::i8: return 1;
    case ElementType::u16: case ElementType::i16: return 2;
    case ElementType::u32: case ElementType::i32: case ElementType::f32: return 4;
    case ElementType::u64: case ElementType::i64: case ElementType::f64: return 8;
  }
  assertion_failed("known ElementType", __FILE__, __LINE__);
}

std::string_view element_name(ElementType type) {
  switch (type) {
    case ElementType::u8: return "uint8";
    case ElementType::i8: return "int8";
    case ElementType::u16: return "uint16";
    case ElementType::i16: return "int16";
    case ElementType::u32: return "uint32";
    case ElementType::i32: return "int32";
    case ElementType::u64: return "uint64";
    case ElementType::i64: return "int64";
    case ElementType::f32: return "float32";
    case ElementType::f64: return "float64";
  }
  assertion_failed("known ElementType", __FILE__, __LINE__);
}

bool is_integer(ElementType type) { return type != ElementType::f32 && type != ElementType::f64; }

void convert_to_float(const char* src, std::size_t count, ElementType type, std::endian order,
                      float* dst) {
  switch (type) {
    case ElementType::u8: return convert<std::uint8_t>(src, count, order, dst);
    case ElementType::i8: return convert<std::int8_t>(src, count, order, dst);
    case ElementType::u16: return convert<std::uint16_t>(src, count, order, dst);
    case ElementType::i16: return convert<std::int16_t>(src, count, order, dst);
    case ElementType::u32: return convert<std::uint32_t>(src, count, order, dst);
    case ElementType::i32: return convert<std::int32_t>(src, count, order, dst);
    case ElementType::u64: return convert<std::uint64_t>(src, count, order, dst);
    case ElementType::i64: return convert<std::int64_t>(src, count, order, dst);
    case ElementType::f32: return convert<float>(src, count, order, dst);
    case ElementType::f64: return convert<double>(src, count, order, dst);
  }
  assertion_failed("known ElementType", __FILE__, __LINE__);
}

}  // namespace aekit::data
