#include "aekit/data/element_type.hpp"

#include <gtest/gtest.h>

namespace aekit::data {
namespace {

TEST(ElementType, ConvertsBothByteOrders) {
  const unsigned char big_i16[] = {0xFF, 0xFE, 0x01, 0x00};  // -2, 256 big-endian
  float out[2];
  convert_to_float(reinterpret_cast<const char*>(big_i16), 2, ElementType::i16,
                   std::endian::big, out);
  EXPECT_EQ(out[0], -2.f);
  EXPECT_EQ(out[1], 256.f);
  const unsigned char little_u16[] = {0x01, 0x02};  // 0x0201 little-endian
  convert_to_float(reinterpret_cast<const char*>(little_u16), 1, ElementType::u16,
                   std::endian::little, out);
  EXPECT_EQ(out[0], 513.f);
}

TEST(ElementType, SizesAndNames) {
  EXPECT_EQ(element_size(ElementType::f64), 8u);
  EXPECT_EQ(element_size(ElementType::u8), 1u);
  EXPECT_EQ(element_name(ElementType::f32), "float32");
  EXPECT_TRUE(is_integer(ElementType::i32));
  EXPECT_FALSE(is_integer(ElementType::f64));
}

}  // namespace
}  // namespace aekit::data
