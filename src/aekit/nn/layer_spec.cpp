#include "aekit/nn/layer_spec.hpp"

#include <fmt/format.h>

#include <charconv>
#include <sstream>
#include <vector>

#include "aekit/error.hpp"
#include "aekit/nn/activation_layer.hpp"
#include "aekit/nn/avg_pool2d.hpp"
#include "aekit/nn/batch_norm.hpp"
#include "aekit/nn/conv2d.hpp"
#include "aekit/nn/conv_transpose2d.hpp"
#include "aekit/nn/dense.hpp"
#include "aekit/nn/dropout.hpp"
#include "aekit/nn/max_pool2d.hpp"
#include "aekit/nn/reshape.hpp"
#include "aekit/number_text.hpp"
#include "aekit/tensor/size_limit.hpp"

namespace aekit::nn {
namespace {

// Bounds that keep every size computed from a layer's numbers and its input within 63 bits:
// a number in a layer's text (sizes, strides, paddings, factors) at most 2^20; a layer's
// weights, and its output row, at most 2^40 values.
constexpr Index kLargestLayerNumber = Index(1) << 20;
constexpr Index kLargestLayerValues = Index(1) << 40;

// Whether the product of `factors` is at most kLargestLayerValues.
bool within_layer_values(std::initializer_list<Index> factors) {
  const std::vector<std::uint64_t> sizes(factors.begin(), factors.end());  // factors are >= 1
  return claimed_bytes(sizes, 1) <= std::uint64_t(kLargestLayerValues);
}

constexpr std::string_view kGrammar =
    "conv OUT K [stride=S] [pad=P] [dilation=D] [ACT], deconv OUT K [stride=S] [pad=P] "
    "[outpad=Q] [ACT], maxpool K [stride=S], avgpool K [stride=S], upsample F "
    "[nearest|bilinear], dense OUT [ACT], flatten, reshape CxHxW, batchnorm, dropout P, or ACT";

using Kind = LayerSpec::Kind;

struct KindName {
  std::string_view name;
  Kind kind;
};
constexpr KindName kKinds[] = {
    {"conv", Kind::conv},       {"deconv", Kind::deconv},     {"maxpool", Kind::maxpool},
    {"avgpool", Kind::avgpool}, {"upsample", Kind::upsample}, {"dense", Kind::dense},
    {"flatten", Kind::flatten}, {"reshape", Kind::reshape},   {"batchnorm", Kind::batchnorm},
    {"dropout", Kind::dropout}};

// Reads the words of one layer's text and reports what is wrong with them.
class Words {
 public:
  explicit Words(std::string_view text) : text_(text) {
    std::istringstream in{std::string(text)};
    for (std::string word; in >> word;) words_.push_back(word);
  }

  bool empty() const { return next_ >= words_.size(); }
  const std::string& peek() const { return words_[next_]; }
  std::string take() { return words_[next_++]; }

  UsageError error(std::string_view what) const {
    return UsageError(fmt::format("layer '{}': {}; a layer is one of: {}", text_, what, kGrammar));
  }

  // A whole number from minimum to kLargestLayerNumber.
  Index number(const std::string& word, std::string_view meaning, Index minimum) const {
    Index value = 0;
    const auto* end = word.data() + word.size();
    const auto [ptr, ec] = std::from_chars(word.data(), end, value);
    if (ec != std::errc() || ptr != end || word.empty() || value < minimum || value > kLargestLayerNumber)
      throw error(fmt::format("{} must be a whole number >= {} and <= {}, found '{}'", meaning, minimum,
                              kLargestLayerNumber, word));
    return value;
  }

  Index required_number(std::string_view meaning, Index minimum) {
    if (empty()) throw error(fmt::format("missing {}", meaning));
    return number(take(), meaning, minimum);
  }

  // K or KxK.
  Index kernel_size() {
    if (empty()) throw error("missing the kernel size K (or KxK)");
    const std::string word = take();
    const auto x = word.find('x');
    if (x == std::string::npos) return number(word, "the kernel size", 1);
    const Index k = number(word.substr(0, x), "the kernel size", 1);
    if (number(word.substr(x + 1), "the kernel size", 1) != k)
      throw error(fmt::format("kernels are square: expected KxK with equal sides, found '{}'", word));
    return k;
  }

  // name=value options in any order; the first word that is not one ends them. stride and
  // dilation are at least 1, padding 0.
  void options(std::initializer_list<std::pair<std::string_view, Index*>> known) {
    while (!empty() && peek().find('=') != std::string::npos) {
      const std::string word = take();
      const auto eq = word.find('=');
      const std::string_view key = std::string_view(word).substr(0, eq);
      bool found = false;
      for (const auto& [name, target] : known)
        if (key == name) {
          *target = number(word.substr(eq + 1), name, name == "stride" || name == "dilation" ? 1 : 0);
          found = true;
        }
      if (!found) {
        std::string names;
        for (const auto& [name, target] : known) names += fmt::format("{}{}=", names.empty() ? "" : ", ", name);
        throw error(fmt::format("unknown option '{}' (this layer takes {})", word, names));
      }
    }
  }

  std::optional<Activation> optional_activation() {
    if (empty()) return std::nullopt;
    const std::string word = take();
    try {
      return parse_activation(word);
    } catch (const UsageError&) {
      throw error(fmt::format("unexpected '{}' where an activation ({}) or nothing was expected",
                              word, activation_names()));
    }
  }

  void finish() const {
    if (!empty()) throw error(fmt::format("unexpected '{}' at the end", peek()));
  }

 private:
  std::string_view text_;
  std::vector<std::string> words_;
  std::size_t next_ = 0;
};

Shape parse_shape(Words& words) {
  if (words.empty()) throw words.error("missing the target shape CxHxW");
  const std::string word = words.take();
  Index sides[3];
  std::size_t begin = 0;
  for (int i = 0; i < 3; ++i) {
    const auto x = i < 2 ? word.find('x', begin) : word.size();
    if (x == std::string::npos) throw words.error(fmt::format("expected a shape CxHxW, found '{}'", word));
    sides[i] = words.number(word.substr(begin, x - begin), "every side of the shape", 1);
    begin = x + 1;
  }
  return {sides[0], sides[1], sides[2]};
}

}  // namespace

std::string shape_text(Shape s) { return fmt::format("[{}, {}, {}]", s.c, s.h, s.w); }

LayerSpec parse_layer_spec(std::string_view text) {
  Words words(text);
  LayerSpec spec;
  spec.text = std::string(text);
  if (words.empty()) throw words.error("it is empty");
  const std::string head = words.take();
  bool known = false;
  for (const auto& k : kKinds)
    if (head == k.name) {
      spec.kind = k.kind;
      known = true;
    }
  if (!known) {
    try {
      spec.activation = parse_activation(head);
    } catch (const UsageError&) {
      throw words.error(fmt::format("unknown layer '{}'", head));
    }
    spec.kind = Kind::activation;
  }
  switch (spec.kind) {
    case Kind::conv:
    case Kind::deconv:
      spec.size = words.required_number("the number of output channels OUT", 1);
      spec.kernel.size = words.kernel_size();
      if (spec.kind == Kind::conv)
        words.options({{"stride", &spec.kernel.stride}, {"pad", &spec.kernel.padding},
                       {"dilation", &spec.kernel.dilation}});
      else
        words.options({{"stride", &spec.kernel.stride}, {"pad", &spec.kernel.padding},
                       {"outpad", &spec.output_padding}});
      spec.activation = words.optional_activation();
      break;
    case Kind::maxpool:
    case Kind::avgpool:
      spec.kernel.size = words.required_number("the pooling window K", 1);
      spec.kernel.stride = spec.kernel.size;
      words.options({{"stride", &spec.kernel.stride}});
      break;
    case Kind::upsample:
      spec.size = words.required_number("the upsampling factor F", 1);
      if (!words.empty()) {
        const std::string mode = words.take();
        if (mode == "bilinear") spec.mode = UpsampleMode::bilinear;
        else if (mode != "nearest")
          throw words.error(fmt::format("upsampling mode must be nearest or bilinear, found '{}'", mode));
      }
      break;
    case Kind::dense:
      spec.size = words.required_number("the number of output features OUT", 1);
      spec.activation = words.optional_activation();
      break;
    case Kind::reshape:
      spec.shape = parse_shape(words);
      break;
    case Kind::dropout: {
      if (words.empty()) throw words.error("missing the drop probability P");
      const std::string word = words.take();
      const auto p = parse_double(word);
      if (!p || !(*p >= 0 && *p < 1))
        throw words.error(fmt::format("the drop probability must be in [0, 1), found '{}'", word));
      spec.drop = *p;
      break;
    }
    case Kind::flatten:
    case Kind::batchnorm:
    case Kind::activation:
      break;
  }
  words.finish();
  return spec;
}

namespace {

// The layer of `spec` for rows of shape `input`, its sizes unchecked.
BuiltLayer make_layer(const LayerSpec& spec, Shape input, Init init) {
  const auto misfit = [&](std::string_view why) {
    return UsageError(fmt::format("layer '{}' does not fit its input of shape {} [C, H, W]: {}",
                                  spec.text, shape_text(input), why));
  };
  const Activation f = spec.activation.value_or(Activation::identity);
  switch (spec.kind) {
    case Kind::conv: {
      const ConvGeometry geometry{input, spec.kernel};
      if (!geometry.valid()) throw misfit("the dilated kernel is larger than the padded image");
      auto layer = std::make_unique<Conv2d>(input, spec.size, spec.kernel, f, init);
      const Shape out = layer->output_shape();
      return {std::move(layer), out};
    }
    case Kind::deconv: {
      if (spec.output_padding >= spec.kernel.stride)
        throw misfit(fmt::format("outpad must be smaller than stride ({}), found {}",
                                 spec.kernel.stride, spec.output_padding));
      const Index k = spec.kernel.size, s = spec.kernel.stride, p = spec.kernel.padding;
      const Index extent_h = (input.h - 1) * s - 2 * p + (k - 1) + 1 + spec.output_padding;
      const Index extent_w = (input.w - 1) * s - 2 * p + (k - 1) + 1 + spec.output_padding;
      if (extent_h < 1 || extent_w < 1) throw misfit("the padding leaves an empty output");
      auto layer = std::make_unique<ConvTranspose2d>(input, spec.size, spec.kernel,
                                                     spec.output_padding, f, init);
      const Shape out = layer->output_shape();
      return {std::move(layer), out};
    }
    case Kind::maxpool:
    case Kind::avgpool: {
      if (spec.kernel.size > input.h || spec.kernel.size > input.w)
        throw misfit("the pooling window is larger than the image");
      std::unique_ptr<Pool2d> layer;
      if (spec.kind == Kind::maxpool)
        layer = std::make_unique<MaxPool2d>(input, spec.kernel.size, spec.kernel.stride);
      else
        layer = std::make_unique<AvgPool2d>(input, spec.kernel.size, spec.kernel.stride);
      const Shape out = layer->output_shape();
      return {std::move(layer), out};
    }
    case Kind::upsample: {
      auto layer = std::make_unique<Upsample>(input, spec.size, spec.mode);
      const Shape out = layer->output_shape();
      return {std::move(layer), out};
    }
    case Kind::dense:
      return {std::make_unique<Dense>(input.size(), spec.size, f, init), Shape{1, 1, spec.size}};
    case Kind::flatten:
      return {std::make_unique<Reshape>(Reshape::flatten(input)), Shape{1, 1, input.size()}};
    case Kind::reshape:
      if (spec.shape.size() != input.size())
        throw misfit(fmt::format("{} holds {} values, the input {}", shape_text(spec.shape),
                                 spec.shape.size(), input.size()));
      return {std::make_unique<Reshape>(input, spec.shape), spec.shape};
    case Kind::batchnorm:
      if (input.c == 1 && input.h == 1)  // a flat row [1, 1, D]: each feature is a channel
        return {std::make_unique<BatchNorm>(input.w, 1), input};
      return {std::make_unique<BatchNorm>(input.c, input.h * input.w), input};
    case Kind::dropout:
      return {std::make_unique<Dropout>(input.size(), spec.drop), input};
    case Kind::activation:
      return {std::make_unique<ActivationLayer>(input.size(), f), input};
  }
  AEKIT_ASSERT(false);
  return {};
}

}  // namespace

BuiltLayer build_layer(const LayerSpec& spec, Shape input, Init init) {
  const auto too_large = [&](std::string_view what) {
    return UsageError(fmt::format("layer '{}' on an input of shape {} [C, H, W]: {} would hold more than {} values",
                                  spec.text, shape_text(input), what, kLargestLayerValues));
  };
  if (!within_layer_values({input.c, input.h, input.w})) throw too_large("its input row");
  const Index k = spec.kernel.size;
  if ((spec.kind == Kind::conv || spec.kind == Kind::deconv) && !within_layer_values({spec.size, input.c, k, k}))
    throw too_large("its weights");
  if (spec.kind == Kind::dense && !within_layer_values({input.c, input.h, input.w, spec.size}))
    throw too_large("its weights");
  BuiltLayer built = make_layer(spec, input, init);
  if (!within_layer_values({built.output.c, built.output.h, built.output.w})) throw too_large("its output row");
  return built;
}

}  // namespace aekit::nn
