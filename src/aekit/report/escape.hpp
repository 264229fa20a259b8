#pragma once
// Escaping text for HTML and SVG (XML): & < > " ' become entities, so user-provided names
// (data set paths, series names, class names) can never inject markup.
#include <string>
#include <string_view>

namespace aekit::report {

std::string html_escape(std::string_view text);

}  // namespace aekit::report
