#pragma once
// Element types of array files (IDX, NPY) and their conversion to float32.
//
// Both formats store a typed, densely packed array in a stated byte order; the readers parse
// their own headers and hand the payload here to become the float32 rows aekit works on.
#include <bit>
#include <cstddef>
#include <string_view>

namespace aekit::data {

enum class ElementType { u8, i8, u16, i16, u32, i32, u64, i64, f32, f64 };

std::size_t element_size(ElementType type);

// The NumPy name of the type: "uint8", "float32", ...
std::string_view element_name(ElementType type);

bool is_integer(ElementType type);

// dst[i] = float(src[i]) for i < count; src holds `count` values of `type` in `order`
// (no alignment needed). Integers above 2^24 round to the nearest float.
void convert_to_float(const char* src, std::size_t count, ElementType type, std::endian order,
                      float* dst);

}  // namespace aekit::data
