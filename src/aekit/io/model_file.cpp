#include "aekit/io/model_file.hpp"

#include <bit>
#include <cstring>

#include "aekit/io/checked_file.hpp"

namespace aekit::io {
namespace {

static_assert(std::endian::native == std::endian::little,
              "the float32 blob is copied as is; a big-endian host needs a byte swap here");

constexpr CheckedFileKind kModelFileKind{"AEK1", kModelFormatVersion, "an aekit model", sizeof(float),
                                         "float32 blob"};

}  // namespace

void save_model_file(const std::filesystem::path& path, const ModelFile& model) {
  save_checked_file(path, kModelFileKind, model.header,
                    std::string_view(reinterpret_cast<const char*>(model.blob.data()),
                                     model.blob.size() * sizeof(float)));
}

ModelFile load_model_file(const std::filesystem::path& path) {
  CheckedFile file = load_checked_file(path, kModelFileKind);
  ModelFile model;
  model.header = std::move(file.header);
  model.blob.resize(file.blob.size() / sizeof(float));
  if (!file.blob.empty()) std::memcpy(model.blob.data(), file.blob.data(), file.blob.size());
  return model;
}

}  // namespace aekit::io
