#pragma once
// The latent explorer's JavaScript (latent_explorer.hpp), plain and self-contained: it reads
// the JSON data block #aekit-explorer-data, runs the decoder on the sliders' code and draws
// the result on #aekit-explorer-canvas. Its arithmetic follows the C++ decoder:
//   a_{l+1} = f_l(a_l W_l^T + b_l)   sums in double, each layer's output rounded to float32
//   x = f_out(a_L) / gain + shift    the scaling inverted (data::Scaling::invert), in float32
// and it exposes, for tests and the curious:
//   window.aekitExplorer.decode(code)   code [K] -> x [D] in the data's units, a plain Array
//   window.aekitExplorer.code()         the sliders' current code [K]
//   window.aekitExplorer.range          {low, high}: data values drawn black and white
#include <string_view>

namespace aekit::report {

std::string_view latent_explorer_script();

}  // namespace aekit::report
