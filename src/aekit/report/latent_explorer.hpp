#pragma once
// The run report's latent explorer: one slider per latent axis (latent_axes.hpp) and a
// <canvas> showing the decoded image, the decoder running in the page itself
// (latent_explorer_script.hpp): no server, no network, no library. The section holds
//   canvas   #aekit-explorer-canvas, W x H pixels, drawn larger (pixelated)
//   sliders  k <= 8 <input type=range> over s_i in [-3, 3], each with its value, and Reset
//   data     <script type="application/json" id="aekit-explorer-data">, read by the script:
//              {"shape": [C, H, W], "range": {"low", "high"}, "output_activation": f_out,
//               "layers": [{"in", "out", "activation", "weight" W [out, in], "bias" b [out]}],
//               "unscale": {"shift" [D], "gain" [D]},
//               "axes": {"kind", "mean" [K], "sd" [k], "directions" v [k, K]}}
//            every array float32 little-endian in base64, matrices row-major
//   script   the one inline script of the report
// A 784-256-32 decoder embeds 209,936 weights: ~1.1 MB of base64. Decoders of more than
// kMaxExplorerValues weights are left out (the section says so in one line).
#include <optional>
#include <string>

#include "aekit/data/scaling.hpp"
#include "aekit/models/model.hpp"
#include "aekit/report/html_report.hpp"
#include "aekit/report/latent_axes.hpp"

namespace aekit::report {

inline constexpr Index kMaxExplorerValues = 2'000'000;  // ~10.7 MB of base64
inline constexpr Index kExplorerAxisRows = 2000;        // test rows whose codes place the axes

struct LatentExplorer {
  const models::DenseChain& decoder;
  const data::Scaling& scaling;  // the decoder's output is inverted through it
  Shape image;                   // the picture of a row: C = 1 (gray) or 3 (RGB)
  const LatentAxes& axes;
  float low, high;               // data values drawn black and white, low < high
};

// The section's markup (see above).
std::string latent_explorer_html(const LatentExplorer& explorer);

// The "Latent explorer" section of a run report for `model`, its axes placed by the codes of
// the first kExplorerAxisRows `scaled_rows` (the model's units) and its gray levels by their
// range in the data's units. A model that decodes but cannot be explored here gets the
// section with one line saying why (a decoder with other than Dense layers, no encoder, too
// many weights, rows that make no picture, fewer than 2 rows); one that does not decode, none.
std::optional<ReportSection> latent_explorer_section(models::Model& model,
                                                     const data::Scaling& scaling,
                                                     Shape input_shape,
                                                     const FloatMatrix& scaled_rows);

}  // namespace aekit::report
