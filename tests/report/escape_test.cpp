#include "aekit/report/escape.hpp"

#include <gtest/gtest.h>

namespace aekit::report {
namespace {

TEST(HtmlEscape, EscapesMarkup) {
  EXPECT_EQ(html_escape("<script>alert('x') & \"y\"</script>"),
            "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;");
  EXPECT_EQ(html_escape("plain"), "plain");
}

}  // namespace
}  // namespace aekit::report
