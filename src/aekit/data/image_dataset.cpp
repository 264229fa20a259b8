#include "aekit/data/image_dataset.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <system_error>

#include "aekit/error.hpp"
#include "aekit/image/image_file.hpp"
#include "aekit/image/image_row.hpp"

namespace aekit::data {
namespace {

namespace fs = std::filesystem;

// "gray" or "RGB" (image::read_image gives 1 or 3 channels), for messages.
std::string channels_name(int channels) {
  if (channels == 1) return "gray";
  if (channels == 3) return "RGB";
  return fmt::format("{}-channel", channels);
}

// "12x9 gray", for messages.
std::string describe(const image::Image& image) {
  return fmt::format("{}x{} {}", image.width, image.height, channels_name(image.channels));
}

// Copies the h x w window of `image` with top-left pixel (y0, x0) into row[C*h*w],
// channel-major with the values as stored:  row[k*h*w + y*w + x] = pixel (y0+y, x0+x), k.
void copy_window(const image::Image& image, Index y0, Index x0, Index h, Index w, float* row) {
  const Index c = image.channels;
  for (Index y = 0; y < h; ++y)
    for (Index x = 0; x < w; ++x) {
      const std::uint8_t* pixel = &image.pixels[static_cast<std::size_t>(
          ((y0 + y) * image.width + x0 + x) * c)];
      for (Index k = 0; k < c; ++k) row[k * h * w + y * w + x] = float(pixel[k]);
    }
}

// How many patches of `size` fit along `extent` pixels with origins `stride` apart.
Index patches_along(Index extent, Index size, Index stride) {
  return (extent - size) / stride + 1;
}

}  // namespace

std::vector<fs::path> image_files(const fs::path& path) {
  std::error_code error;
  if (!fs::is_directory(path, error)) {
    if (fs::exists(path, error)) return {path};
    throw Error(fmt::format("cannot find '{}': no such file or folder; expected an image file "
                            "or a folder of images",
                            path.string()));
  }
  std::vector<fs::path> files;
  for (fs::directory_iterator it(path, error), end; !error && it != end; it.increment(error))
    if (it->is_regular_file(error) && image::has_image_extension(it->path()))
      files.push_back(it->path());
  if (error)
    throw Error(fmt::format("cannot list folder '{}': {}", path.string(), error.message()));
  if (files.empty())
    throw Error(fmt::format("folder '{}' holds no image file: expected files ending in .png, "
                            ".jpg, .jpeg, .pgm, .ppm or .pnm",
                            path.string()));
  std::sort(files.begin(), files.end(), [](const fs::path& a, const fs::path& b) {
    return a.filename().string() < b.filename().string();
  });
  return files;
}

Dataset load_images(const fs::path& path) {
  const std::vector<fs::path> files = image_files(path);
  Dataset data;
  data.name = "images:" + path.string();
  const image::Image first = image::read_image(files.front());
  data.shape = image::image_shape(first);
  data.x.resize(static_cast<Index>(files.size()), data.shape.size());  // [N, C*H*W]
  for (std::size_t i = 0; i < files.size(); ++i) {
    const image::Image image = i == 0 ? first : image::read_image(files[i]);
    if (image::image_shape(image) != data.shape)
      throw Error(fmt::format("data '{}': image '{}' is {}, expected {} like '{}'; images: needs "
                              "images of one size (patches:PATH:SIZE cuts any size)",
                              data.name, files[i].string(), describe(image), describe(first),
                              files.front().string()));
    copy_window(image, 0, 0, data.shape.h, data.shape.w, data.x.row(Index(i)).data());
  }
  return data;
}

Dataset load_patches(const fs::path& path, Index size, Index stride) {
  Dataset data;
  data.name = fmt::format("patches:{}:{}:{}", path.string(), size, stride);
  if (size < 1 || stride < 1)
    throw UsageError(fmt::format("data '{}': the patch size and stride must be at least 1",
                                 data.name));
  const std::vector<fs::path> files = image_files(path);
  std::vector<image::Image> images;
  Index count = 0;
  for (const fs::path& file : files) {
    image::Image image = image::read_image(file);
    if (image.width < size || image.height < size)
      throw Error(fmt::format("data '{}': image '{}' is {}, smaller than the {}x{} patches; "
                              "use a smaller SIZE or leave the image out",
                              data.name, file.string(), describe(image), size, size));
    if (!images.empty() && image.channels != images.front().channels)
      throw Error(fmt::format("data '{}': image '{}' is {}, expected {} like '{}'; patches: "
                              "needs images of one channel count",
                              data.name, file.string(), describe(image),
                              channels_name(images.front().channels), files.front().string()));
    count += patches_along(image.height, size, stride) * patches_along(image.width, size, stride);
    images.push_back(std::move(image));
  }
  data.shape = {images.front().channels, size, size};
  data.x.resize(count, data.shape.size());  // [patches, C*SIZE*SIZE]
  Index row = 0;
  for (const image::Image& image : images)
    for (Index y0 = 0; y0 + size <= image.height; y0 += stride)
      for (Index x0 = 0; x0 + size <= image.width; x0 += stride)
        copy_window(image, y0, x0, size, size, data.x.row(row++).data());
  AEKIT_ASSERT(row == count);
  return data;
}

}  // namespace aekit::data
