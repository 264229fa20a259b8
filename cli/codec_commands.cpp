// aekit compress / decompress / codec-eval: images through a codec model (src/aekit/codec):
//   compress IMAGE --codec C.aek [--quality Q] -o FILE.aeimg
//   decompress FILE.aeimg --codec C.aek -o OUT.png    (the model that wrote the file: the file
//                                                      holds its identity, not its path)
//   codec-eval IMAGE... --codec C.aek -o FOLDER       (app/codec_evaluation.hpp)
// Outputs are written atomically: a failure leaves any existing file as it was.
#include <fmt/format.h>

#include <filesystem>
#include <iostream>

#include "aekit/app/codec_evaluation.hpp"
#include "aekit/codec/open_codec.hpp"
#include "aekit/image/image_file.hpp"
#include "command.hpp"

namespace aekit::cli {

Action add_compress_command(CLI::App& root) {
  auto* cmd = root.add_subcommand("compress", "Compress an image with a codec model into a .aeimg file");
  struct Args {
    std::string image, codec, output;
    int quality = 0;
  };
  auto args = std::make_shared<Args>();
  cmd->add_option("image", args->image, "image to compress (PNG, JPEG, PGM/PPM, WebP)")->required();
  cmd->add_option("--codec,-c", args->codec, "codec model (.aek): a learned codec or a patch autoencoder")->required();
  cmd->add_option("--quality,-q", args->quality,
                  "1 (smallest file) .. the codec's highest (8); a patch codec's bits per code; default: the highest");
  cmd->add_option("--output,-o", args->output, "the compressed file (.aeimg)")->required();
  return [args] {
    auto codec = codec::open_codec(args->codec);
    const image::Image image = image::read_image(args->image);
    const int quality = args->quality ? args->quality : codec->qualities();
    const io::CompressedImage file = codec::compress(*codec, image, quality);
    io::write_compressed_image(args->output, file);
    const auto bytes = std::filesystem::file_size(args->output);
    std::cerr << fmt::format("{}x{}x{} at quality {} -> {} ({} bytes, {:.4f} bits per pixel)\n", image.width,
                             image.height, image.channels, quality, args->output, bytes,
                             8.0 * double(bytes) / (double(image.width) * image.height));
  };
}

Action add_decompress_command(CLI::App& root) {
  auto* cmd = root.add_subcommand("decompress", "Decompress a .aeimg file with the codec model that wrote it");
  struct Args {
    std::string file, codec, output;
  };
  auto args = std::make_shared<Args>();
  cmd->add_option("file", args->file, "compressed file (.aeimg)")->required();
  cmd->add_option("--codec,-c", args->codec, "the codec model (.aek) that compressed it")->required();
  cmd->add_option("--output,-o", args->output, "the image (.png, .ppm/.pgm, .jpg, .webp)")->required();
  return [args] {
    if (!image::has_image_extension(args->output))
      throw UsageError(fmt::format("--output: expected an image file name (.png, .pgm, .ppm, .pnm, .jpg, .webp), "
                                   "found '{}'", args->output));
    const io::CompressedImage file = io::read_compressed_image(args->file);
    auto codec = codec::open_codec(args->codec);
    const image::Image image = codec::decompress(*codec, file, args->file);
    image::write_image(args->output, image);
    std::cerr << fmt::format("{} -> {} ({}x{}x{})\n", args->file, args->output, image.width, image.height,
                             image.channels);
  };
}

Action add_codec_eval_command(CLI::App& root) {
  auto* cmd = root.add_subcommand("codec-eval", "Rate-distortion of a codec model against JPEG and WebP");
  struct Args {
    std::vector<std::string> images;
    std::string codec, output;
    std::vector<int> qualities;
    bool images_out = false;
  };
  auto args = std::make_shared<Args>();
  cmd->add_option("images", args->images, "images to code (each at every quality)")->required();
  cmd->add_option("--codec,-c", args->codec, "codec model (.aek)")->required();
  cmd->add_option("--qualities", args->qualities, "the codec's qualities to measure (default: all)")->delimiter(',');
  cmd->add_flag("--images-out", args->images_out, "also write each image, its unquantized and decoded versions");
  cmd->add_option("--output,-o", args->output, "output folder")->required();
  return [args] {
    auto codec = codec::open_codec(args->codec);
    app::CodecEvaluationRequest request;
    request.images.assign(args->images.begin(), args->images.end());
    request.qualities = args->qualities;
    request.output = args->output;
    request.images_out = args->images_out;
    std::cout << app::evaluate_codec(*codec, request);
  };
}

}  // namespace aekit::cli
