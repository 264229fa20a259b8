#include "aekit/report/latent_explorer_script.hpp"

namespace aekit::report {

std::string_view latent_explorer_script() {
  return R"JS(
(() => {
  const data = JSON.parse(document.getElementById("aekit-explorer-data").textContent);
  const f32 = Math.fround;
  // base64 of little-endian float32 values -> Float32Array
  const floats = (text) => {
    const bytes = atob(text);
    const view = new DataView(new ArrayBuffer(bytes.length));
    for (let i = 0; i < bytes.length; ++i) view.setUint8(i, bytes.charCodeAt(i));
    const values = new Float32Array(bytes.length / 4);
    for (let i = 0; i < values.length; ++i) values[i] = view.getFloat32(4 * i, true);
    return values;
  };
  const activations = {
    identity: (z) => z,
    sigmoid: (z) => 1 / (1 + Math.exp(-z)),
    tanh: (z) => Math.tanh(z),
    relu: (z) => (z > 0 ? z : 0),
    leaky_relu: (z) => (z > 0 ? z : f32(0.01) * z),
    'leaky_relu_0.2': (z) => (z > 0 ? z : f32(0.2) * z),
    softplus: (z) => (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))),
  };
  const layers = data.layers.map((l) => ({
    in: l.in, out: l.out, f: activations[l.activation], weight: floats(l.weight), bias: floats(l.bias),
  }));
  const output = activations[data.output_activation];
  const shift = floats(data.unscale.shift), gain = floats(data.unscale.gain);
  const axes = { mean: floats(data.axes.mean), sd: floats(data.axes.sd), v: floats(data.axes.directions) };
  const codeSize = axes.mean.length;

  // code [K] -> x [D] in the data's units
  const decode = (code) => {
    let a = Float32Array.from(code);
    for (const l of layers) {
      const next = new Float32Array(l.out);
      for (let j = 0; j < l.out; ++j) {
        let sum = 0;
        for (let i = 0, w = j * l.in; i < l.in; ++i, ++w) sum += a[i] * l.weight[w];
        next[j] = l.f(f32(f32(sum) + l.bias[j]));
      }
      a = next;
    }
    return Array.from(a, (z, j) => f32(f32(f32(output(z)) / gain[j]) + shift[j]));
  };

  const sliders = Array.from(document.querySelectorAll("#aekit-explorer input[type=range]"));
  // code = mean + sum_i s_i sd_i v_i
  const code = () => {
    const h = Array.from(axes.mean);
    sliders.forEach((slider, i) => {
      const step = Number(slider.value) * axes.sd[i];
      for (let c = 0; c < codeSize; ++c) h[c] += step * axes.v[i * codeSize + c];
    });
    return h;
  };

  const canvas = document.getElementById("aekit-explorer-canvas");
  const [channels, height, width] = data.shape;
  const { low, high } = data.range;
  const draw = () => {
    const x = decode(code());
    const image = canvas.getContext("2d").createImageData(width, height);
    const plane = width * height;
    const level = (v) => Math.min(255, Math.max(0, Math.round((255 * (v - low)) / (high - low))));
    for (let p = 0; p < plane; ++p)
      for (let c = 0; c < 3; ++c) image.data[4 * p + c] = level(x[(channels === 3 ? c : 0) * plane + p]);
    for (let p = 0; p < plane; ++p) image.data[4 * p + 3] = 255;
    canvas.getContext("2d").putImageData(image, 0, 0);
  };

  const show = (slider) => {
    const s = Number(slider.value);
    slider.nextElementSibling.textContent = (s < 0 ? "" : "+") + s.toFixed(2) + " sd";
  };
  sliders.forEach((slider) => slider.addEventListener("input", () => { show(slider); draw(); }));
  document.getElementById("aekit-explorer-reset").addEventListener("click", () => {
    sliders.forEach((slider) => { slider.value = 0; show(slider); });
    draw();
  });
  window.aekitExplorer = { decode, code, range: { low, high } };
  draw();
})();
)JS";
}

}  // namespace aekit::report
