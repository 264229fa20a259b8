// Layer-spec texts (nn/layer_spec.hpp), one per line as in a config's layer list: parsed and
// built in a chain for rows of [1, 8, 8]; a chain small enough to run cheaply is then given
// its parameters and run forward on two rows.
#include <sstream>
#include <string>
#include <vector>

#include "aekit/nn/layer_list.hpp"
#include "aekit/nn/parameters.hpp"
#include "aekit/nn/sequential.hpp"
#include "fuzz_input.hpp"

namespace {

constexpr aekit::Index kRunnableSize = 1 << 16;  // parameters, and values per row, at most

std::vector<std::string> lines_of(std::string_view text) {
  std::vector<std::string> lines;
  std::istringstream in{std::string(text)};
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

aekit::Index parameter_count(const aekit::nn::Layer& layer) {
  aekit::Index n = 0;
  for (const auto& p : layer.param_specs()) n += p.size();
  return n;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  aekit::fuzz::run_loader([&] {
    aekit::nn::Sequential chain;
    const aekit::Shape out = aekit::nn::build_layer_list(lines_of(aekit::fuzz::input_text(data, size)), "layers",
                                                         {1, 8, 8}, aekit::nn::Init{}, chain);
    if (chain.size() == 0 || parameter_count(chain) > kRunnableSize || out.size() > kRunnableSize) return;
    aekit::nn::Parameters parameters;
    parameters.allocate_and_bind({{"layers", &chain}});
    aekit::Rng rng(1);
    chain.initialize(rng);
    chain.forward(aekit::Matrix::Constant(2, 64, 0.5f));
  });
  return 0;
}
