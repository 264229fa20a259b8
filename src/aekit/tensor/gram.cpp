#include "aekit/tensor/gram.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <type_traits>
#include <vector>

#include "aekit/error.hpp"
#include "aekit/tensor/parallel_work.hpp"
#include "aekit/tensor/thread_pool.hpp"
#include "aekit/tensor/threads.hpp"

namespace aekit {
namespace {

// ---- a^T a: a packed register-tile kernel (see gram.hpp) ----

#if defined(__AVX512F__)
constexpr int kVectorBytes = 64;
#elif defined(__AVX__)
constexpr int kVectorBytes = 32;
#else
constexpr int kVectorBytes = 16;
#endif
// One SIMD register of Scalars (GCC vector extension: the compiler emits the ISA's loads and
// fused multiply-adds).
typedef Scalar Vec __attribute__((vector_size(kVectorBytes)));
constexpr Index kLanes = kVectorBytes / Index(sizeof(Scalar));
using Bits = std::conditional_t<sizeof(Scalar) == 4, std::uint32_t, std::uint64_t>;  // a Scalar's
// Packed panels are kPanel = 3 registers wide; a tile is kTileRows x kPanel of c, held in
// 3 kTileRows accumulators (24 of the 32 zmm registers; 12 of the 16 ymm or xmm ones). Each
// row of a tile costs one broadcast and 3 fused multiply-adds (on one AVX-512 core of the
// project's 2-core machine, N = 20000, D = 784: 79-83 GFLOP/s, as fast as Eigen's GEMM there;
// 2 registers wide, 77; the Eigen block columns this replaces, 58-64).
constexpr Index kVecs = 3;
constexpr Index kPanel = kVecs * kLanes;
constexpr Index kTileRows = kVectorBytes / 8;
static_assert(kPanel % kTileRows == 0, "an i block lies inside one panel");
// Rows packed at a time: a panel of them (24 KiB in float, AVX-512) stays in L1 while the
// tiles below it stream past, and the whole pack (at most 410 KiB at D = 784) in L2.
constexpr Index kPackRows = 128;
// Column groups per thread. Each group streams its columns of a from memory and packs them
// once, which costs about 20 ms per group at N = 60000, D = 784; on 2 threads, 60000 x 784
// Fashion-MNIST (PCA fit, randomized, k = 32): 1 group per thread 0.21-0.23 s, 2 per thread
// 0.24-0.28 s, 4 per thread 0.29-0.38 s. So the split is static in effect, and a core
// shared with another process slows the whole product.
constexpr Index kGroupsPerThread = 1;
// gram_tn_centred forms a^T a - n m^T m when the cancellation costs at most 4 bits (see
// subtract_mean_outer), else it centres the rows as it packs them.
constexpr double kMaxCancellation = 16;

Vec load(const Scalar* p) {
  Vec v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

// `acc += x * b` below is one fused multiply-add: gcc fuses it only when told (its default under
// -std=c++20 is -ffp-contract=off); clang fuses within a statement by default (-ffp-contract=on)
// and has no `optimize` attribute.
#if defined(__clang__)
#define AEKIT_FUSED_MULTIPLY_ADD
#else
#define AEKIT_FUSED_MULTIPLY_ADD __attribute__((optimize("fp-contract=fast")))
#endif

// out[r][j] = sum_n ip[n kPanel + r] jp[n kPanel + j] for the `count` rows n in rows[], r <
// kTileRows, j < kPanel: a tile of c from an i block (kTileRows columns of a inside a packed
// panel) and a j panel.
AEKIT_FUSED_MULTIPLY_ADD void tile_product(
    const Scalar* ip, const Scalar* jp, const int* rows, Index count,
    Scalar (&out)[kTileRows][kPanel]) {
  Vec acc[kTileRows][kVecs] = {};
  for (Index k = 0; k < count; ++k) {
    const Index at = Index(rows[k]) * kPanel;
    Vec b[kVecs];
    for (Index v = 0; v < kVecs; ++v) b[v] = load(jp + at + v * kLanes);
    for (Index r = 0; r < kTileRows; ++r)
      for (Index v = 0; v < kVecs; ++v) acc[r][v] += ip[at + r] * b[v];
  }
  for (Index r = 0; r < kTileRows; ++r)
    for (Index v = 0; v < kVecs; ++v) std::memcpy(&out[r][v * kLanes], &acc[r][v], sizeof(Vec));
}

// Panel p holds columns [p kPanel, (p + 1) kPanel) of a; a group is the consecutive panels
// [first, last) of c's block columns, which needs a's columns from first kPanel on.
struct Group {
  Index first, last;
};

// Groups of about equal work (panel p costs its width times the d - p kPanel rows of c
// below its top), `count` of them at most.
std::vector<Group> panel_groups(Index d, Index count) {
  const Index panels = (d + kPanel - 1) / kPanel;
  auto work = [&](Index p) { return double(std::min(kPanel, d - p * kPanel)) * double(d - p * kPanel); };
  double total = 0;
  for (Index p = 0; p < panels; ++p) total += work(p);
  std::vector<Group> groups;
  double done = 0;
  for (Index p = 0; p < panels; ++p) {
    if (groups.empty() || done >= total * double(groups.size()) / double(count))
      groups.push_back({p, p});
    groups.back().last = p + 1;
    done += work(p);
  }
  return groups;
}

// pack[(p - first) rows_cap kPanel + n kPanel + j] = a(r + n, p kPanel + j) - m(p kPanel + j)
// for the group's panels p >= first, n < rows; columns past d are zero.
void pack_rows(ConstMatrixRef a, const Scalar* m, Index r, Index rows, Index first, Index rows_cap,
               Scalar* pack) {
  const Index d = a.cols();
  for (Index p = first; p * kPanel < d; ++p) {
    const Index j0 = p * kPanel, w = std::min(kPanel, d - j0);
    Scalar* panel = pack + (p - first) * rows_cap * kPanel;
    for (Index n = 0; n < rows; ++n) {
      const Scalar* row = a.data() + (r + n) * a.outerStride() + j0;
      Scalar* out = panel + n * kPanel;
      for (Index j = 0; j < w; ++j) out[j] = m ? row[j] - m[j0 + j] : row[j];
      for (Index j = w; j < kPanel; ++j) out[j] = 0;
    }
  }
}

// For each i block b (kTileRows columns from i0 = first kPanel + b kTileRows) of a packed
// chunk: the rows n whose kTileRows values are not all zero, rows[b chunk_rows ...], count[b].
// A zero row adds nothing to its tiles, so they skip it (exact; on Fashion-MNIST, half of
// whose pixels are 0, 30% of the multiply-adds of a^T a).
void nonzero_rows(const Scalar* pack, Index d, Index first, Index rows, Index chunk_rows,
                  std::vector<int>& list, std::vector<Index>& count) {
  const Index blocks = (d - first * kPanel + kTileRows - 1) / kTileRows;
  list.resize(std::size_t(blocks * chunk_rows));
  count.assign(std::size_t(blocks), 0);
  for (Index b = 0; b < blocks; ++b) {
    const Index i0 = b * kTileRows;  // from the group's first packed column
    const Scalar* block = pack + (i0 / kPanel) * chunk_rows * kPanel + i0 % kPanel;
    int* out = list.data() + b * chunk_rows;
    Index& found = count[std::size_t(b)];
    for (Index n = 0; n < rows; ++n) {
      // The values' bits without the sign bit, or-ed: zero for +-0 only (NaN and inf count).
      Bits bits[kTileRows], any = 0;
      std::memcpy(bits, block + n * kPanel, sizeof bits);
      for (Index r = 0; r < kTileRows; ++r) any |= bits[r] << 1;
      out[found] = int(n);
      found += any != 0;
    }
  }
}

// c[i, j] += sum over a's rows of (a - 1 m)(:, i) (a - 1 m)(:, j) for the tiles of the
// group's block columns on and below the diagonal, kPackRows (or chunk_rows) rows at a time.
void group_product(ConstMatrixRef a, const Scalar* m, Group g, Index chunk_rows,
                   std::vector<Scalar>& pack, MatrixRef c) {
  const Index d = a.cols(), panels = (d + kPanel - 1) / kPanel;
  pack.resize(std::size_t((panels - g.first) * chunk_rows * kPanel));
  std::vector<int> list;
  std::vector<Index> count;
  Scalar tile[kTileRows][kPanel];
  for (Index r = 0; r < a.rows(); r += chunk_rows) {
    const Index rows = std::min(chunk_rows, a.rows() - r);
    pack_rows(a, m, r, rows, g.first, chunk_rows, pack.data());
    nonzero_rows(pack.data(), d, g.first, rows, chunk_rows, list, count);
    for (Index p = g.first; p < g.last; ++p) {
      const Index j0 = p * kPanel, w = std::min(kPanel, d - j0);
      const Scalar* jp = pack.data() + (p - g.first) * chunk_rows * kPanel;
      for (Index i0 = j0; i0 < d; i0 += kTileRows) {
        const Index ip = i0 / kPanel - g.first, b = (i0 - g.first * kPanel) / kTileRows;
        tile_product(pack.data() + ip * chunk_rows * kPanel + i0 % kPanel, jp,
                     list.data() + b * chunk_rows, count[std::size_t(b)], tile);
        const Index h = std::min(kTileRows, d - i0);
        c.block(i0, j0, h, w) += Eigen::Map<Matrix, 0, Eigen::OuterStride<kPanel>>(&tile[0][0], h, w);
      }
    }
  }
}

// ---- a a^T: block columns of Eigen GEMMs ----

constexpr Index kMaxBlock = 128;
constexpr Index kBlockAlign = 16;

// The lower triangle of an n x n matrix as block columns: column b starts at b * width.
struct BlockColumns {
  Index n, width, count;
  explicit BlockColumns(Index size) : n(size) {
    const Index blocks = (n + kMaxBlock - 1) / kMaxBlock;
    width = std::max<Index>(
        kBlockAlign, ((n + blocks - 1) / blocks + kBlockAlign - 1) / kBlockAlign * kBlockAlign);
    count = (n + width - 1) / width;
  }
  Index start(Index b) const { return b * width; }
  Index width_of(Index b) const { return std::min(width, n - b * width); }
};

bool run_in_parallel(double work, Index blocks) {
  return threads() > 1 && !ThreadPool::in_job() && work >= kParallelMinimumWork && blocks > 1;
}

void mirror_lower(MatrixRef c) {
  for (Index i = 0; i < c.rows(); ++i)
    for (Index j = i + 1; j < c.cols(); ++j) c(i, j) = c(j, i);
}

// c = (a - 1 m)^T (a - 1 m), or a^T a when m is null, chunk_rows rows packed at a time.
void gram_tn_packed(ConstMatrixRef a, const Scalar* m, MatrixRef c, Index chunk_rows) {
  const Index d = a.cols();
  chunk_rows = chunk_rows > 0 ? chunk_rows : kPackRows;
  const bool parallel = run_in_parallel(0.5 * double(a.rows()) * double(d) * double(d), 2);
  const Index team = parallel ? threads() : 1;
  const std::vector<Group> groups = panel_groups(d, kGroupsPerThread * team);
  c.setZero();
  std::vector<std::vector<Scalar>> packs(static_cast<std::size_t>(team));  // one per worker
  run_parts(Index(groups.size()), team, [&](Index g, Index worker) {
    group_product(a, m, groups[std::size_t(g)], chunk_rows, packs[std::size_t(worker)], c);
  });
  mirror_lower(c);
}

// c = g - n m^T m in place (g = a^T a, n rows), each entry in double, when that loses at most
// log2(kMaxCancellation) of Scalar's bits: g_jj <= kMaxCancellation c_jj for every column j
// (g's rounding error, relative to g, grows by at most that factor in c; Fashion-MNIST in
// [0, 1]: at most 6.8). Otherwise c is left alone and false returned.
bool subtract_mean_outer(MatrixRef c, const RowVector& m, Index n) {
  const double rows = double(n);
  for (Index j = 0; j < c.cols(); ++j) {
    const double g = c(j, j), centred = g - rows * (double(m[j]) * double(m[j]));
    if (g > kMaxCancellation * centred) return false;
  }
  for (Index i = 0; i < c.rows(); ++i)
    for (Index j = 0; j < c.cols(); ++j)
      c(i, j) = Scalar(double(c(i, j)) - rows * (double(m[i]) * double(m[j])));
  return true;
}

}  // namespace

void gram_tn(ConstMatrixRef a, MatrixRef c) {
  AEKIT_ASSERT(c.rows() == a.cols() && c.cols() == a.cols());
  gram_tn_packed(a, nullptr, c, 0);
}

void gram_nt(ConstMatrixRef a, MatrixRef c) {
  AEKIT_ASSERT(c.rows() == a.rows() && c.cols() == a.rows());
  const BlockColumns blocks(a.rows());
  const bool parallel = run_in_parallel(0.5 * double(a.cols()) * a.rows() * a.rows(), blocks.count);
  run_parts(blocks.count, parallel ? threads() : 1, [&](Index b, Index) {
    const Index j = blocks.start(b), w = blocks.width_of(b), rest = blocks.n - j;
    c.block(j, j, rest, w).noalias() = a.middleRows(j, rest) * a.middleRows(j, w).transpose();
  });
  mirror_lower(c);
}

void gram_tn_centred(ConstMatrixRef a, const RowVector& m, MatrixRef c, Index chunk_rows) {
  AEKIT_ASSERT(c.rows() == a.cols() && c.cols() == a.cols() && m.size() == a.cols());
  gram_tn_packed(a, nullptr, c, chunk_rows);
  if (!subtract_mean_outer(c, m, a.rows())) gram_tn_packed(a, m.data(), c, chunk_rows);
}

}  // namespace aekit
