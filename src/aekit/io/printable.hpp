#pragma once
// Bytes shown in an error message: printable ASCII as is, everything else escaped.
//
//   printable("\x89PNG") == "\\x89PNG"      printable("a\nb") == "a\\nb"
#include <string>
#include <string_view>

namespace aekit::io {

std::string printable(std::string_view bytes);

}  // namespace aekit::io
