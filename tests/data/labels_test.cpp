#include "aekit/data/labels.hpp"

#include <gtest/gtest.h>

#include "aekit/error.hpp"

namespace aekit::data {
namespace {

TEST(Labels, WholeNumbersBecomeClassIndices) {
  const float values[] = {0, 3, 9};
  EXPECT_EQ(labels_from_values(values, 3, "y.npy"), (std::vector<int>{0, 3, 9}));
}

TEST(Labels, FractionsAreRejectedNamingFileAndRow) {
  const float values[] = {1, 2.5f};
  try {
    labels_from_values(values, 2, "y.npy");
    FAIL() << "accepted 2.5 as a label";
  } catch (const Error& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find("y.npy"), std::string::npos) << message;
    EXPECT_NE(message.find("2.5"), std::string::npos) << message;
  }
}

}  // namespace
}  // namespace aekit::data
