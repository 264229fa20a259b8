// aekit side of `make bench hashing`: aekit's exact Hamming search against FAISS's on the same
// codes, the same k or radius, the same OpenMP thread count, in one process, printed as one JSON
// object (bench/run formats it).
//  - k nearest: aekit's batch search (retrieval/batch_search.hpp: the Hamming ball where it
//    costs less, else the grouped popcount scan) vs faiss::IndexBinaryFlat::search. Codes: the
//    Fashion-MNIST train rows (centred by their mean) through B random hyperplanes, queries the
//    test rows through the same ones. Per query the sorted distance lists must be equal, and the
//    rows equal except within the group tied at the k-th distance (FAISS breaks ties its own
//    way; each of its rows there must truly lie at that distance): `mismatches` counts the
//    queries where that fails.
//  - radius: aekit's within (the ball when its lookups cost less than a scan, else a scan) vs
//    faiss::IndexBinaryMultiHash::range_search (nhash maps of b = B / nhash bits, nflip =
//    r / nhash flips: exact by the pigeonhole principle, every (nhash, b) tried once, the
//    fastest timed again and reported) and IndexBinaryFlat::range_search; the result sets must be equal. FAISS's binary
//    range searches keep the distances below their radius argument: they are given r + 1.
//  - size: uniformly random 64-bit codes, the first N of them for each N, random queries.
// Debian's libfaiss is built for any x86-64 CPU: its popcount is a call to libgcc's
// __popcountdi2, not the POPCNT instruction. So the k-nearest cases also time FAISS's own
// search loop (IndexBinaryFlat::search with use_heap, hammings_knn_hc: blocks of 32 queries,
// each block's queries over the threads, a max-heap per query) written out here from FAISS's
// headers and compiled with this build's flags (-march=native): FAISS as a native build would
// run it ("faiss_native").
// Each time is the fastest of --repeats runs, the two sides alternating; the Debian FAISS
// searches, 20 to 100 times slower, run once.
#include <faiss/IndexBinaryFlat.h>
#include <faiss/IndexBinaryHash.h>
#include <faiss/impl/AuxIndexStructures.h>
#include <faiss/utils/Heap.h>
#include <faiss/utils/hamming.h>
#include <fmt/format.h>
#include <omp.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstring>
#include <functional>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "aekit/data/dataset.hpp"
#include "aekit/retrieval/batch_search.hpp"
#include "aekit/retrieval/hamming_ball.hpp"
#include "aekit/retrieval/hamming_scan.hpp"
#include "aekit/retrieval/random_hyperplanes.hpp"
#include "aekit/tensor/batch_parts.hpp"
#include "aekit/tensor/threads.hpp"
#include "aekit/tensor/rng.hpp"

using namespace aekit;
using retrieval::BinaryCodes;
using retrieval::Neighbour;

namespace {

// The fastest of `repeats` runs of fn, in seconds.
double best_seconds(int repeats, const std::function<void()>& fn) {
  double best = 1e300;
  for (int r = 0; r < repeats; ++r) {
    const auto start = std::chrono::steady_clock::now();
    fn();
    best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  return best;
}

// FAISS's layout: bits / 8 bytes a row (the low bytes of aekit's little-endian words).
std::vector<std::uint8_t> faiss_bytes(const BinaryCodes& codes) {
  const std::size_t bytes = std::size_t(codes.bits()) / 8, words = std::size_t(codes.words_per_row());
  std::vector<std::uint8_t> out(std::size_t(codes.rows()) * bytes);
  for (Index i = 0; i < codes.rows(); ++i)
    std::memcpy(out.data() + std::size_t(i) * bytes, codes.row(i).data(), std::min(bytes, 8 * words));
  return out;
}

BinaryCodes random_codes(Index rows, std::uint64_t seed) {
  Rng rng(seed);
  BinaryCodes codes(rows, 64);
  for (Index i = 0; i < rows; ++i) {
    const std::uint64_t word = rng.next_u64();
    for (int j = 0; j < 64; ++j) codes.set_bit(i, j, (word >> j) & 1u);
  }
  return codes;
}

// FAISS 1.7.3's IndexBinaryFlat::search (use_heap) and hammings_knn_hc, compiled here.
template <typename HammingComputer>
void faiss_native_search(const faiss::IndexBinaryFlat& flat, Index nq, const std::uint8_t* x, Index k,
                         std::int32_t* distances, faiss::IndexBinary::idx_t* labels) {
  const std::size_t code_size = std::size_t(flat.code_size), n2 = std::size_t(flat.ntotal);
  for (Index s = 0; s < nq; s += Index(flat.query_batch_size)) {
    const Index nn = std::min<Index>(Index(flat.query_batch_size), nq - s);
    faiss::int_maxheap_array_t res = {std::size_t(nn), std::size_t(k), labels + s * k, distances + s * k};
    res.heapify();
    for (std::size_t j0 = 0; j0 < n2; j0 += faiss::hamming_batch_size) {
      const std::size_t j1 = std::min(j0 + faiss::hamming_batch_size, n2);
#pragma omp parallel for
      for (std::int64_t i = 0; i < std::int64_t(res.nh); i++) {
        HammingComputer hc(x + (std::size_t(s) + std::size_t(i)) * code_size, int(code_size));
        const std::uint8_t* b = flat.xb.data() + j0 * code_size;
        std::int32_t* val = res.val + std::size_t(i) * std::size_t(k);
        faiss::IndexBinary::idx_t* ids = res.ids + std::size_t(i) * std::size_t(k);
        for (std::size_t j = j0; j < j1; j++, b += code_size) {
          const int dis = hc.hamming(b);
          if (dis < val[0]) faiss::maxheap_replace_top<std::int32_t>(std::size_t(k), val, ids, dis, std::int64_t(j));
        }
      }
    }
    res.reorder();
  }
}

void faiss_native_search(const faiss::IndexBinaryFlat& flat, Index nq, const std::uint8_t* x, Index k,
                         std::int32_t* distances, faiss::IndexBinary::idx_t* labels) {
  switch (flat.code_size) {
    case 4: return faiss_native_search<faiss::HammingComputer4>(flat, nq, x, k, distances, labels);
    case 8: return faiss_native_search<faiss::HammingComputer8>(flat, nq, x, k, distances, labels);
    default: return faiss_native_search<faiss::HammingComputerDefault>(flat, nq, x, k, distances, labels);
  }
}

std::vector<Neighbour> sorted_rows(std::vector<Neighbour> rows) {
  std::sort(rows.begin(), rows.end());
  return rows;
}

// Queries whose FAISS list differs from aekit's (ties at the k-th distance aside).
Index knn_mismatches(const BinaryCodes& database, const BinaryCodes& queries, Index k, const std::vector<Neighbour>& aekit,
                     const std::vector<std::int32_t>& distances, const std::vector<faiss::IndexBinary::idx_t>& labels) {
  Index mismatches = 0;
  for (Index q = 0; q < queries.rows(); ++q) {
    const std::span<const Neighbour> ours(aekit.data() + q * k, std::size_t(k));
    const int last = ours.back().distance;
    std::vector<Neighbour> theirs, ours_below, theirs_below;
    bool same = true;
    for (Index j = 0; j < k; ++j) {
      const faiss::IndexBinary::idx_t row = labels[std::size_t(q * k + j)];
      const int distance = distances[std::size_t(q * k + j)];
      same = same && row >= 0 && row < database.rows() && distance == ours[std::size_t(j)].distance &&
             retrieval::hamming_distance(database.row(row), queries.row(q)) == distance;
      if (!same) break;
      theirs.push_back({distance, Index(row)});
      if (distance < last) theirs_below.push_back({distance, Index(row)});
      if (ours[std::size_t(j)].distance < last) ours_below.push_back(ours[std::size_t(j)]);
    }
    theirs = sorted_rows(theirs);
    same = same && sorted_rows(theirs_below) == ours_below &&
           std::adjacent_find(theirs.begin(), theirs.end()) == theirs.end();  // no row twice
    mismatches += !same;
  }
  return mismatches;
}

nlohmann::json knn_case(const BinaryCodes& database, const BinaryCodes& queries, const faiss::IndexBinaryFlat& flat,
                        const std::vector<std::uint8_t>& query_bytes, const retrieval::HammingSearch& search, Index k,
                        int repeats) {
  const Index nq = queries.rows();
  std::vector<Neighbour> ours(std::size_t(nq * k));
  std::vector<std::int32_t> distances(std::size_t(nq * k));
  std::vector<faiss::IndexBinary::idx_t> labels(std::size_t(nq * k));
  std::vector<std::int32_t> native_distances(distances.size());
  std::vector<faiss::IndexBinary::idx_t> native_labels(labels.size());
  double aekit_s = 1e300, faiss_s = 1e300, native_s = 1e300;
  for (int r = 0; r < repeats; ++r) {
    aekit_s = std::min(aekit_s, best_seconds(1, [&] { retrieval::nearest_batch(search, queries, k, ours); }));
    if (r == 0)  // once: 20 to 100 times slower than the others
      faiss_s = best_seconds(1, [&] { flat.search(nq, query_bytes.data(), k, distances.data(), labels.data()); });
    native_s = std::min(native_s, best_seconds(1, [&] {
                          faiss_native_search(flat, nq, query_bytes.data(), k, native_distances.data(),
                                              native_labels.data());
                        }));
  }
  // The scan alone, every query (no ball), for reference.
  std::vector<retrieval::ScanQuery> all;
  std::vector<Neighbour> scanned(ours.size());
  for (Index q = 0; q < nq; ++q)
    all.push_back({queries.row(q), std::span(scanned).subspan(std::size_t(q * k), std::size_t(k))});
  const double scan_s = best_seconds(repeats, [&] {
    BatchParts::split(nq, double(nq) * double(database.rows())).run([&](Index, Index, Index begin, Index end) {
      retrieval::nearest_by_scan(database, std::span(all).subspan(std::size_t(begin), std::size_t(end - begin)), k);
    });
  });
  return {{"bits", database.bits()},
          {"k", k},
          {"aekit_queries_per_second", double(nq) / aekit_s},
          {"aekit_scan_only_queries_per_second", double(nq) / scan_s},
          {"faiss_queries_per_second", double(nq) / faiss_s},
          {"faiss_native_queries_per_second", double(nq) / native_s},
          {"mismatches", knn_mismatches(database, queries, k, ours, distances, labels)},
          {"native_mismatches", knn_mismatches(database, queries, k, ours, native_distances, native_labels)},
          {"scan_only_differs", scanned != ours}};
}

// Queries whose FAISS range result, sorted, differs from aekit's list.
Index range_mismatches(const std::vector<std::vector<Neighbour>>& ours, const faiss::RangeSearchResult& theirs) {
  Index mismatches = 0;
  for (std::size_t q = 0; q < ours.size(); ++q) {
    std::vector<Neighbour> list;
    for (std::size_t j = theirs.lims[q]; j < theirs.lims[q + 1]; ++j)
      list.push_back({int(theirs.distances[j]), Index(theirs.labels[j])});
    mismatches += sorted_rows(list) != ours[q];
  }
  return mismatches;
}

nlohmann::json radius_case(const BinaryCodes& database, const BinaryCodes& queries, const faiss::IndexBinaryFlat& flat,
                           const std::vector<std::uint8_t>& database_bytes, const std::vector<std::uint8_t>& query_bytes,
                           const retrieval::HammingSearch& search, const retrieval::HammingBall& ball, int radius,
                           int repeats) {
  const Index nq = queries.rows();
  std::vector<std::vector<Neighbour>> ours;
  std::vector<std::vector<Neighbour>> by_ball(static_cast<std::size_t>(nq));
  const double aekit_s = best_seconds(repeats, [&] { ours = retrieval::within_batch(search, queries, radius); });
  const double ball_s = best_seconds(repeats, [&] {
    for_each_item(nq, 1e6, [&](Index q) { by_ball[std::size_t(q)] = ball.within(queries.row(q)[0], radius); });
  });
  std::size_t found = 0;
  for (const auto& list : ours) found += list.size();
  nlohmann::json out = {{"bits", database.bits()},
                        {"radius", radius},
                        {"mean_rows_found", double(found) / double(nq)},
                        {"aekit_method", search.ball_within(radius) ? "ball" : "scan"},
                        {"aekit_queries_per_second", double(nq) / aekit_s},
                        {"aekit_ball_queries_per_second", double(nq) / ball_s},
                        {"ball_differs", by_ball != ours}};
  Index flat_mismatches = 0;
  const double flat_s = best_seconds(1, [&] {  // once, as the slowest
    faiss::RangeSearchResult result(nq);
    flat.range_search(nq, query_bytes.data(), radius + 1, &result);  // FAISS keeps distances < its radius
    flat_mismatches = range_mismatches(ours, result);
  });
  out["faiss_flat_queries_per_second"] = double(nq) / flat_s;
  out["faiss_flat_mismatches"] = flat_mismatches;
  // Every (nhash, b) once, then the fastest again until it has had `repeats` runs.
  nlohmann::json tried = nlohmann::json::array();
  double best_s = 1e300;
  int best_nhash = 0;
  const auto time_multihash = [&](int nhash, int runs) {
    const int b = database.bits() / nhash;
    faiss::IndexBinaryMultiHash index(database.bits(), nhash, b);
    index.nflip = radius / nhash;
    index.add(database.rows(), database_bytes.data());
    Index mismatches = 0;
    const double s = best_seconds(runs, [&] {
      faiss::RangeSearchResult result(nq);
      index.range_search(nq, query_bytes.data(), radius + 1, &result);
      mismatches = range_mismatches(ours, result);
    });
    return nlohmann::json{{"nhash", nhash}, {"b", b}, {"nflip", index.nflip}, {"seconds", s},
                          {"queries_per_second", double(nq) / s}, {"mismatches", mismatches}};
  };
  for (int nhash : {1, 2, 4, 8}) {
    const int b = database.bits() / nhash;
    if (b > 32 || b < 8 || b * nhash != database.bits()) continue;
    tried.push_back(time_multihash(nhash, 1));
    if (tried.back()["seconds"].get<double>() < best_s) {
      best_s = tried.back()["seconds"].get<double>();
      best_nhash = nhash;
    }
  }
  nlohmann::json best = time_multihash(best_nhash, std::max(1, repeats - 1));
  if (best["seconds"].get<double>() > best_s) {
    best["seconds"] = best_s;
    best["queries_per_second"] = double(nq) / best_s;
  }
  out["faiss_multihash"] = best;
  out["faiss_multihash_tried"] = tried;
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"aekit Hamming search vs FAISS"};
  std::string train_spec = "fashion-mnist:train", query_spec = "fashion-mnist:test";
  int threads = 2, repeats = 3, size_queries = 1000;
  std::vector<int> bit_counts{16, 32, 64}, radii{2, 4}, radius_bits{32, 64};
  std::vector<Index> ks{10, 100}, sizes{10000, 100000, 1000000};
  app.add_option("--data", train_spec, "the database rows");
  app.add_option("--queries", query_spec, "the query rows");
  app.add_option("--threads", threads);
  app.add_option("--repeats", repeats, "timed runs per case; the fastest is reported");
  app.add_option("--bits", bit_counts);
  app.add_option("--k", ks);
  app.add_option("--radii", radii);
  app.add_option("--radius-bits", radius_bits);
  app.add_option("--sizes", sizes, "database sizes of random 64-bit codes");
  app.add_option("--size-queries", size_queries);
  CLI11_PARSE(app, argc, argv);
  set_threads(threads);          // aekit's thread pool
  omp_set_num_threads(threads);  // FAISS's

  data::Dataset train = data::load_dataset(train_spec), test = data::load_dataset(query_spec);
  const RowVector mean = train.x.colwise().mean();
  train.x.rowwise() -= mean;
  test.x.rowwise() -= mean;

  nlohmann::json knn = nlohmann::json::array(), radius = nlohmann::json::array();
  for (int bits : bit_counts) {
    const retrieval::RandomHyperplanes hash(train.x.cols(), bits, 17);
    const BinaryCodes database = hash.codes(train.x), queries = hash.codes(test.x);
    const std::vector<std::uint8_t> database_bytes = faiss_bytes(database), query_bytes = faiss_bytes(queries);
    faiss::IndexBinaryFlat flat(bits);
    flat.add(database.rows(), database_bytes.data());
    const retrieval::HammingSearch search(database);
    for (Index k : ks) knn.push_back(knn_case(database, queries, flat, query_bytes, search, k, repeats));
    if (std::find(radius_bits.begin(), radius_bits.end(), bits) == radius_bits.end()) continue;
    const retrieval::HammingBall ball(database);
    for (int r : radii)
      radius.push_back(radius_case(database, queries, flat, database_bytes, query_bytes, search, ball, r, repeats));
  }

  nlohmann::json size_curve = nlohmann::json::array();
  const BinaryCodes size_queries_codes = random_codes(size_queries, 2);
  const std::vector<std::uint8_t> size_query_bytes = faiss_bytes(size_queries_codes);
  for (Index n : sizes) {
    const BinaryCodes database = random_codes(n, 1);
    const std::vector<std::uint8_t> bytes = faiss_bytes(database);
    faiss::IndexBinaryFlat flat(64);
    flat.add(n, bytes.data());
    const retrieval::HammingSearch search(database);
    nlohmann::json c = knn_case(database, size_queries_codes, flat, size_query_bytes, search, 10, repeats);
    c["rows"] = n;
    size_curve.push_back(c);
  }

  const nlohmann::json out = {{"threads", threads},
                              {"omp_max_threads", omp_get_max_threads()},
                              {"database", fmt::format("{} ({} rows)", train_spec, train.x.rows())},
                              {"queries", fmt::format("{} ({} rows)", query_spec, test.x.rows())},
                              {"size_queries", size_queries},
                              {"knn", knn},
                              {"radius", radius},
                              {"size_curve", size_curve}};
  std::cout << out.dump() << "\n";
}
