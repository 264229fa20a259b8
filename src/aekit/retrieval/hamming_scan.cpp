#include "aekit/retrieval/hamming_scan.hpp"

#if defined(__AVX512F__) && defined(__AVX512VPOPCNTDQ__)
#include <immintrin.h>
#define AEKIT_VECTOR_POPCOUNT 1
#endif

#include <algorithm>
#include <array>
#include <bit>

#include "aekit/error.hpp"

namespace aekit::retrieval {
namespace {

// The k first rows by (distance, row) so far: a max-heap in the query's output span, the worst
// kept row on top. Rows come in index order, so a row enters iff its distance is below the
// worst kept one's (threshold()), or the heap is not yet full (threshold() = bits + 1).
class KeptNearest {
 public:
  KeptNearest() = default;
  KeptNearest(std::span<Neighbour> heap, int bits) : heap_(heap), threshold_(heap.empty() ? 0 : bits + 1) {}

  int threshold() const { return threshold_; }
  void offer(int distance, Index row) {
    if (size_ < heap_.size()) {
      heap_[size_++] = {distance, row};
      std::push_heap(heap_.begin(), heap_.begin() + std::ptrdiff_t(size_));
      if (size_ == heap_.size()) threshold_ = heap_[0].distance;
      return;
    }
    std::pop_heap(heap_.begin(), heap_.end());
    heap_.back() = {distance, row};
    std::push_heap(heap_.begin(), heap_.end());
    threshold_ = heap_[0].distance;
  }
  void finish() { std::sort_heap(heap_.begin(), heap_.begin() + std::ptrdiff_t(size_)); }

 private:
  std::span<Neighbour> heap_;
  std::size_t size_ = 0;
  int threshold_ = 0;
};

// Every row at distance <= radius, in row order.
class RowsWithin {
 public:
  RowsWithin(int radius, int bits, std::vector<Neighbour>& out) : threshold_(std::min(radius, bits) + 1), out_(out) {}
  int threshold() const { return threshold_; }
  void offer(int distance, Index row) { out_.push_back({distance, row}); }

 private:
  int threshold_;
  std::vector<Neighbour>& out_;
};

// Offers rows first_row .. first_row + count (one word each, starting at `rows`) whose distance to
// `query` is below the sink's threshold, in row order.
template <typename Sink>
void scan_single_words(const std::uint64_t* rows, Index first_row, Index count, std::uint64_t query, Sink& sink) {
  Index i = 0;
#ifdef AEKIT_VECTOR_POPCOUNT
  // 32 rows a step, 8 per vector; a step whose rows all miss the threshold costs no branch per row.
  const __m512i q = _mm512_set1_epi64(std::int64_t(query));
  __m512i threshold = _mm512_set1_epi64(sink.threshold());
  alignas(64) std::uint64_t distance[32];
  for (; i + 32 <= count; i += 32) {
    __m512i d[4];
    __mmask8 below[4];
    for (int v = 0; v < 4; ++v) {
      d[v] = _mm512_popcnt_epi64(_mm512_xor_si512(_mm512_loadu_si512(rows + i + 8 * v), q));
      below[v] = _mm512_cmplt_epu64_mask(d[v], threshold);
    }
    if ((below[0] | below[1] | below[2] | below[3]) == 0) continue;
    for (int v = 0; v < 4; ++v) _mm512_store_si512(distance + 8 * v, d[v]);
    std::uint32_t lanes = std::uint32_t(below[0]) | std::uint32_t(below[1]) << 8 | std::uint32_t(below[2]) << 16 |
                          std::uint32_t(below[3]) << 24;
    for (; lanes != 0; lanes &= lanes - 1) {
      const int lane = std::countr_zero(lanes);
      const int dl = int(distance[lane]);
      if (dl < sink.threshold()) sink.offer(dl, first_row + i + lane);  // the threshold may have dropped
    }
    threshold = _mm512_set1_epi64(sink.threshold());
  }
#endif
  for (; i < count; ++i) {
    const int d = std::popcount(rows[i] ^ query);
    if (d < sink.threshold()) sink.offer(d, first_row + i);
  }
}

// The same for rows [begin, end) of any word count.
template <typename Sink>
void scan_rows(const BinaryCodes& database, Index begin, Index end, std::span<const std::uint64_t> query, Sink& sink) {
  if (begin >= end) return;
  const std::uint64_t* rows = database.row(begin).data();  // rows are contiguous, words_per_row each
  const std::size_t words = query.size();
  if (words == 1) return scan_single_words(rows, begin, end - begin, query[0], sink);
  for (Index i = begin; i < end; ++i, rows += words) {
    int d = 0;
    for (std::size_t w = 0; w < words; ++w) d += std::popcount(rows[w] ^ query[w]);
    if (d < sink.threshold()) sink.offer(d, i);
  }
}

// k nearest for k near N (a whole ranking): a heap would cost O(N log k); instead every
// distance, their histogram, and each row's place in the (distance, row) order by counting.
void nearest_by_counting(const BinaryCodes& database, std::span<const std::uint64_t> query, std::span<Neighbour> out) {
  const Index n = database.rows();
  std::vector<int> distance(std::size_t(n), 0);
  std::vector<Index> place(std::size_t(database.bits()) + 2, 0);  // place[d + 1]: rows at d, then starts
  for (Index i = 0; i < n; ++i) {
    distance[std::size_t(i)] = hamming_distance(database.row(i), query);
    ++place[std::size_t(distance[std::size_t(i)]) + 1];
  }
  for (std::size_t d = 1; d < place.size(); ++d) place[d] += place[d - 1];
  for (Index i = 0; i < n; ++i) {
    const int d = distance[std::size_t(i)];
    const Index at = place[std::size_t(d)]++;
    if (at < Index(out.size())) out[std::size_t(at)] = {d, i};
  }
}

// A group scans the database in blocks of this many words (32 KiB, a level-1 data cache).
constexpr Index kScanBlockWords = 4096;
// Queries scanned together, block by block.
constexpr std::size_t kScanGroup = 16;

}  // namespace

std::vector<Neighbour> nearest_by_scan(const BinaryCodes& database, std::span<const std::uint64_t> query, Index k) {
  AEKIT_ASSERT(Index(query.size()) == database.words_per_row() && k >= 0);
  std::vector<Neighbour> result(std::size_t(std::min(k, database.rows())));
  const ScanQuery one{query, result};
  nearest_by_scan(database, std::span(&one, 1), k);
  return result;
}

void nearest_by_scan(const BinaryCodes& database, std::span<const ScanQuery> queries, Index k) {
  AEKIT_ASSERT(k >= 0);
  const Index n = database.rows(), wanted = std::min(k, n);
  const Index block = std::max<Index>(1, kScanBlockWords / database.words_per_row());
  if (wanted > 0 && wanted * 16 > n) {  // a sixteenth of the rows or more: counting beats the heap
    for (const ScanQuery& query : queries) {
      AEKIT_ASSERT(Index(query.words.size()) == database.words_per_row() && Index(query.out.size()) == wanted);
      nearest_by_counting(database, query.words, query.out);
    }
    return;
  }
  std::array<KeptNearest, kScanGroup> kept;
  for (std::size_t first = 0; first < queries.size(); first += kScanGroup) {
    const std::span<const ScanQuery> group = queries.subspan(first, std::min(kScanGroup, queries.size() - first));
    for (std::size_t q = 0; q < group.size(); ++q) {
      AEKIT_ASSERT(Index(group[q].words.size()) == database.words_per_row() && Index(group[q].out.size()) == wanted);
      kept[q] = KeptNearest(group[q].out, database.bits());
    }
    for (Index begin = 0; begin < n; begin += block)
      for (std::size_t q = 0; q < group.size(); ++q) scan_rows(database, begin, std::min(n, begin + block), group[q].words, kept[q]);
    for (std::size_t q = 0; q < group.size(); ++q) kept[q].finish();
  }
}

std::vector<Neighbour> within_by_scan(const BinaryCodes& database, std::span<const std::uint64_t> query, int radius) {
  AEKIT_ASSERT(Index(query.size()) == database.words_per_row() && radius >= 0);
  std::vector<Neighbour> result;
  RowsWithin sink(radius, database.bits(), result);
  scan_rows(database, 0, database.rows(), query, sink);
  std::stable_sort(result.begin(), result.end(), [](const Neighbour& a, const Neighbour& b) { return a.distance < b.distance; });
  return result;
}

}  // namespace aekit::retrieval
