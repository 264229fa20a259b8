// The run report's latent explorer (report/latent_explorer.hpp): the data block embeds the
// decoder, the inverse scaling and the sliders' axes so that they decode back to the very
// same floats; one slider per code unit up to 8, then 8 principal directions; the section
// says in one line why it is left out for a model without a Dense decoder, and is absent
// for a model that does not decode. (tests/browser runs the page's script.)
#include "aekit/report/latent_explorer.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "aekit/models/autoencoder/autoencoder.hpp"
#include "aekit/models/linear/pca_model.hpp"
#include "support/base64_decode.hpp"
#include "support/generator_model.hpp"
#include "support/random_data.hpp"

namespace aekit::report {
namespace {

using test::float32_from_base64;

std::unique_ptr<models::Autoencoder> mlp(std::vector<Index> dims, bool tied = false) {
  models::AutoencoderConfig config;
  config.dims = std::move(dims);
  config.tied = tied;
  auto model = std::make_unique<models::Autoencoder>(config);
  Rng rng(2);
  model->initialize(rng);
  return model;
}

// The JSON of <script type="application/json" id="aekit-explorer-data">.
nlohmann::json explorer_data(const std::string& html) {
  const std::string open = "<script type=\"application/json\" id=\"aekit-explorer-data\">";
  const auto begin = html.find(open);
  EXPECT_NE(begin, std::string::npos) << "no data block";
  if (begin == std::string::npos) return {};
  const auto end = html.find("</script>", begin);
  return nlohmann::json::parse(html.substr(begin + open.size(), end - begin - open.size()));
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

std::vector<float> values_of(const FloatMatrix& m) { return {m.data(), m.data() + m.size()}; }
std::vector<float> values_of(const Eigen::RowVectorXf& v) { return {v.data(), v.data() + v.size()}; }

TEST(LatentExplorer, EmbedsTheDecoderScalingAndAxesBitForBit) {
  const auto model = mlp({16, 8, 3}, /*tied=*/true);
  const FloatMatrix raw = test::uniform_data(40, 16, 4) * 255;
  const auto scaling = data::Scaling::fit(data::ScalingKind::standardize, raw);
  FloatMatrix rows = raw;
  scaling.apply(rows);
  const auto section = latent_explorer_section(*model, scaling, {1, 4, 4}, rows);
  ASSERT_TRUE(section);
  EXPECT_EQ(section->heading, "Latent explorer");
  EXPECT_EQ(count(section->html, "<script>"), 1u);  // the one inline script
  EXPECT_EQ(count(section->html, "<canvas id=\"aekit-explorer-canvas\" width=\"4\" height=\"4\""), 1u);

  const nlohmann::json data = explorer_data(section->html);
  EXPECT_EQ(data["shape"], nlohmann::json({1, 4, 4}));
  EXPECT_EQ(data["output_activation"], "sigmoid");
  const models::DenseChain chain = model->dense_layers();
  ASSERT_EQ(data["layers"].size(), chain.layers.size());
  for (std::size_t l = 0; l < chain.layers.size(); ++l) {
    const auto& layer = data["layers"][l];
    EXPECT_EQ(layer["in"], chain.layers[l].weight.cols());
    EXPECT_EQ(layer["out"], chain.layers[l].weight.rows());
    EXPECT_EQ(layer["activation"], activation_name(chain.layers[l].activation));
    EXPECT_EQ(float32_from_base64(layer["weight"].get<std::string>()), values_of(chain.layers[l].weight));
    EXPECT_EQ(float32_from_base64(layer["bias"].get<std::string>()), values_of(chain.layers[l].bias));
  }
  const auto unscale = scaling.affine(16);
  EXPECT_EQ(float32_from_base64(data["unscale"]["shift"].get<std::string>()), values_of(unscale.shift));
  EXPECT_EQ(float32_from_base64(data["unscale"]["gain"].get<std::string>()), values_of(unscale.gain));

  const LatentAxes axes = latent_axes(model->encode(rows).cast<float>());
  EXPECT_EQ(data["axes"]["kind"], "code units");
  EXPECT_EQ(float32_from_base64(data["axes"]["mean"].get<std::string>()), values_of(axes.mean));
  EXPECT_EQ(float32_from_base64(data["axes"]["sd"].get<std::string>()), values_of(axes.sd));
  EXPECT_EQ(float32_from_base64(data["axes"]["directions"].get<std::string>()), values_of(axes.directions));
  // The gray range is the rows' in the data's units, after scaling and back (float rounding).
  EXPECT_NEAR(data["range"]["low"].get<float>(), raw.minCoeff(), 1e-3);
  EXPECT_NEAR(data["range"]["high"].get<float>(), raw.maxCoeff(), 1e-3);
}

TEST(LatentExplorer, OneSliderPerCodeUnitUpToEightThenEightPrincipalDirections) {
  const FloatMatrix rows = test::uniform_data(30, 16, 6);
  for (const Index code : {1, 3, 8, 9, 12}) {
    const auto model = mlp({16, code});
    const auto section = latent_explorer_section(*model, data::Scaling(), {1, 4, 4}, rows);
    ASSERT_TRUE(section) << code;
    EXPECT_EQ(count(section->html, "type=\"range\""), std::size_t(std::min<Index>(8, code))) << code;
    EXPECT_EQ(explorer_data(section->html)["axes"]["kind"],
              code <= 8 ? "code units" : "principal directions") << code;
    EXPECT_EQ(count(section->html, code <= 8 ? ">unit " : ">PC "), std::size_t(std::min<Index>(8, code)));
  }
}

TEST(LatentExplorer, SaysWhyWhenTheDecoderIsNotDense) {
  models::AutoencoderConfig config;
  config.architecture = models::Architecture::conv;
  config.input_shape = {1, 4, 4};
  config.encoder_layers = {"conv 2 3x3 pad=1 relu"};
  config.decoder_layers = {"conv 1 3x3 pad=1"};
  models::Autoencoder conv(config);
  models::PcaModel pca(models::Pca::fit(test::uniform_data(20, 16, 1).cast<Scalar>(), 2));
  const FloatMatrix rows = test::uniform_data(10, 16, 2);
  for (models::Model* model : {static_cast<models::Model*>(&conv), static_cast<models::Model*>(&pca)}) {
    const auto section = latent_explorer_section(*model, data::Scaling(), {1, 4, 4}, rows);
    ASSERT_TRUE(section) << model->kind();
    EXPECT_EQ(section->html, "<p>Not shown: the in-page decoder runs Dense (mlp) decoders only, "
                             "and the decoder of this model has other layers.</p>\n");
  }
}

TEST(LatentExplorer, AbsentForAModelThatDoesNotDecode) {
  test::GeneratorModel generator(16, 3);
  EXPECT_FALSE(latent_explorer_section(generator, data::Scaling(), {1, 4, 4}, test::uniform_data(10, 16, 2)));
}

TEST(LatentExplorer, SaysWhyForTooManyWeightsOrNoPicture) {
  const auto big = mlp({2025, 1000, 4});  // decoder: 4*1000 + 1000 + 1000*2025 + 2025 > 2,000,000
  const auto too_big = latent_explorer_section(*big, data::Scaling(), {1, 45, 45}, test::uniform_data(2, 2025, 1));
  ASSERT_TRUE(too_big);
  EXPECT_EQ(too_big->html, "<p>Not shown: the decoder has 2032025 weights, more than the 2000000 "
                           "a page embeds.</p>\n");
  const auto flat = mlp({10, 2});  // 10 values make no square picture
  const auto no_picture = latent_explorer_section(*flat, data::Scaling(), {1, 1, 10}, test::uniform_data(5, 10, 1));
  ASSERT_TRUE(no_picture);
  EXPECT_NE(no_picture->html.find("a row of 10 values makes no picture"), std::string::npos);
}

}  // namespace
}  // namespace aekit::report
