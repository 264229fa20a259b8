#include "support/random_data.hpp"

#include "aekit/data/npy.hpp"

#include <cmath>

#include "aekit/tensor/rng.hpp"

namespace aekit::test {

FloatMatrix uniform_data(Index rows, Index cols, std::uint64_t seed) {
  Rng rng(seed);
  FloatMatrix x(rows, cols);
  for (Index i = 0; i < x.size(); ++i) x.data()[i] = float(rng.uniform());
  return x;
}

FloatMatrix counting_data(Index rows, Index cols) {
  FloatMatrix x(rows, cols);
  for (Index i = 0; i < x.size(); ++i) x.data()[i] = static_cast<float>(i % 256);
  return x;
}

FloatMatrix manifold_data(Index rows, Index cols, std::uint64_t seed) {
  Rng rng(seed);
  Rng basis_rng(7);  // the same manifold for every call
  FloatMatrix a(cols, 4);
  for (Index i = 0; i < a.size(); ++i) a.data()[i] = float(basis_rng.normal());
  FloatMatrix x(rows, cols);
  for (Index r = 0; r < rows; ++r) {
    Eigen::Vector4f z;
    for (int k = 0; k < 4; ++k) z[k] = float(rng.normal());
    const Eigen::VectorXf v = a * z;
    for (Index c = 0; c < cols; ++c) x(r, c) = 1.0f / (1.0f + std::exp(-v[c]));
  }
  return x;
}

void write_clusters(const std::filesystem::path& dir, const std::string& name, Index rows, std::uint64_t seed,
                    Index cols) {
  Rng rng(seed), centre_rng(17);
  FloatMatrix centres(kClusterClasses, cols), x(rows, cols), labels(rows, 1);
  for (Index i = 0; i < centres.size(); ++i) centres.data()[i] = float(2 * centre_rng.normal());
  for (Index n = 0; n < rows; ++n) {
    labels(n, 0) = float(n % kClusterClasses);
    for (Index j = 0; j < x.cols(); ++j)
      x(n, j) = 1 / (1 + std::exp(-(centres(n % kClusterClasses, j) + float(rng.normal()))));
  }
  data::write_npy(dir / (name + ".npy"), x);
  data::write_npy(dir / (name + "_labels.npy"), labels);
}

std::vector<int> cluster_block_classes(const std::filesystem::path& samples, const std::filesystem::path& clusters) {
  const FloatMatrix x = data::read_npy(samples).x, rows = data::read_npy(clusters).x;
  const Index block = x.rows() / kClusterClasses;
  std::vector<int> classes;
  for (int b = 0; b < kClusterClasses; ++b) {
    const Eigen::RowVectorXf block_mean = x.middleRows(b * block, block).colwise().mean();
    int nearest = -1;
    double best = 1e300;
    for (int k = 0; k < kClusterClasses; ++k) {
      Eigen::RowVectorXf mean = Eigen::RowVectorXf::Zero(rows.cols());
      Index count = 0;
      for (Index n = k; n < rows.rows(); n += kClusterClasses, ++count) mean += rows.row(n);
      const double distance = (block_mean - mean / float(count)).squaredNorm();
      if (distance < best) best = distance, nearest = k;
    }
    classes.push_back(nearest);
  }
  return classes;
}

}  // namespace aekit::test
