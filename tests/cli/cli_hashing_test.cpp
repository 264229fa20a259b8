// Semantic hashing through the command line: `aekit index` then `aekit search` (each indexed row
// finds itself at distance 0, neighbours come nearest first with their labels, the model comes
// from the index when --model is left out), and every failure exits in one line leaving existing
// outputs as they were: another model, a missing model, damaged or truncated indexes, a model
// file given as an index, k < 1, queries of the wrong width, a bad threshold rule. retrieval-eval
// writes its table, JSON and chart, with closed forms where they exist (at cutoff N precision is
// the query class's share, recall 1), and refuses unlabelled data and k beyond the database.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>

#include "aekit/data/dataset.hpp"
#include "aekit/data/npy.hpp"
#include "support/cli_runner.hpp"
#include "support/test_support.hpp"

namespace aekit::test {
namespace {

namespace fs = std::filesystem;

class CliHashing : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    for (const auto& [name, seed] : {std::pair{"a", 1}, std::pair{"b", 2}}) {
      const auto r = run_aekit("train --data fashion-mnist:train?limit=400 --test-data none --dims 784,32,12 "
                               "--code-activation sigmoid --code-noise 2 --epochs 1 --threads 1 --seed " +
                                   std::to_string(seed) + " --out " + path(name),
                               *dir_);
      ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
    }
    const auto r = run_aekit("index fashion-mnist:train?limit=400 --model " + model("a") + " -o " + path("i.aeki"), *dir_);
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  static void TearDownTestSuite() { delete dir_; }
  static std::string path(const std::string& name) { return (*dir_ / name).string(); }
  static std::string model(const std::string& run) { return path(run + "/model.aek"); }
  static TempDir* dir_;
};
TempDir* CliHashing::dir_ = nullptr;

struct CsvRow {
  long query, rank, row, distance, label;
};

std::vector<CsvRow> parse_csv(const std::string& text) {
  std::istringstream in(text);
  std::string line;
  std::getline(in, line);
  EXPECT_EQ(line, "query,rank,row,distance,label");
  std::vector<CsvRow> rows;
  while (std::getline(in, line)) {
    CsvRow r{};
    EXPECT_EQ(std::sscanf(line.c_str(), "%ld,%ld,%ld,%ld,%ld", &r.query, &r.rank, &r.row, &r.distance, &r.label), 5)
        << line;
    rows.push_back(r);
  }
  return rows;
}

TEST_F(CliHashing, EachIndexedRowFindsItselfAndNeighboursComeNearestFirst) {
  const auto r = run_aekit("search " + path("i.aeki") + " fashion-mnist:train?limit=30 --k 7", *dir_);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(contains(r.err, "30 queries, 7 nearest each among 400 codes of 12 bits")) << r.err;
  const auto rows = parse_csv(r.out);
  ASSERT_EQ(rows.size(), 30u * 7u);
  const data::Dataset train = data::load_dataset("fashion-mnist:train?limit=400");
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const CsvRow& n = rows[i];
    EXPECT_EQ(n.query, long(i / 7));
    EXPECT_EQ(n.rank, long(i % 7) + 1);
    EXPECT_EQ(n.label, train.labels[std::size_t(n.row)]);
    if (n.rank == 1) {
      EXPECT_EQ(n.distance, 0) << "query " << n.query << " is an indexed row";
    } else {
      EXPECT_GE(n.distance, rows[i - 1].distance);
    }
  }
}

TEST_F(CliHashing, WritesTheCsvToAFileWithTheSameRowsAsStandardOutput) {
  const std::string args = "search " + path("i.aeki") + " fashion-mnist:test?limit=5 --model " + model("a");
  const auto printed = run_aekit(args, *dir_);
  const auto written = run_aekit(args + " -o " + path("out/n.csv"), *dir_);
  ASSERT_EQ(written.exit_code, 0) << written.err;
  EXPECT_EQ(read_file(path("out/n.csv")), printed.out);
  EXPECT_EQ(parse_csv(printed.out).size(), 50u);
}

TEST_F(CliHashing, RefusesAnotherModelAndAMissingOne) {
  write_file(path("keep.csv"), "mine");
  auto r = run_aekit("search " + path("i.aeki") + " fashion-mnist:test?limit=5 --model " + model("b") + " -o " +
                         path("keep.csv"),
                     *dir_);
  expect_failure(r, 1, {"i.aeki' was built with another model", "b/model.aek' has", "rebuild the index"});
  EXPECT_EQ(read_file(path("keep.csv")), "mine");

  fs::create_directories(path("moved"));
  fs::copy_file(model("a"), path("moved/m.aek"));
  r = run_aekit("index fashion-mnist:train?limit=50 --model " + path("moved/m.aek") + " -o " + path("moved.aeki"), *dir_);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  fs::remove(path("moved/m.aek"));
  r = run_aekit("search " + path("moved.aeki") + " fashion-mnist:test?limit=5", *dir_);
  expect_failure(r, 2, {"was built with model", "moved/m.aek', which is not there", "--model"});
}

TEST_F(CliHashing, RefusesDamagedTruncatedAndForeignIndexes) {
  const std::string bytes = read_file(path("i.aeki"));
  std::string flipped = bytes;
  flipped[bytes.size() - 9] ^= 1;
  write_file(path("flipped.aeki"), flipped);
  write_file(path("short.aeki"), bytes.substr(0, bytes.size() / 2));
  expect_failure(run_aekit("search " + path("flipped.aeki") + " fashion-mnist:test?limit=5", *dir_), 1,
                 {"flipped.aeki' is corrupt: CRC-32"});
  expect_failure(run_aekit("search " + path("short.aeki") + " fashion-mnist:test?limit=5", *dir_), 1,
                 {"short.aeki' is truncated"});
  expect_failure(run_aekit("search " + model("a") + " fashion-mnist:test?limit=5", *dir_), 1,
                 {"model.aek' is not an aekit hash index: expected magic AEKH"});
}

TEST_F(CliHashing, RefusesBadArguments) {
  expect_failure(run_aekit("search " + path("i.aeki") + " fashion-mnist:test?limit=5 --k 0", *dir_), 2,
                 {"--k: expected at least 1, found 0"});
  data::write_npy(path("narrow.npy"), FloatMatrix::Zero(3, 10));
  expect_failure(run_aekit("search " + path("i.aeki") + " npy:" + path("narrow.npy"), *dir_), 1,
                 {"expects 784 inputs per row", "has 10 columns"});
  expect_failure(run_aekit("index fashion-mnist:train?limit=50 --model " + model("a") + " --threshold half -o " +
                               path("t.aeki"),
                           *dir_),
                 2, {"--threshold: expected auto, median or a number, found 'half'"});
  EXPECT_FALSE(fs::exists(path("t.aeki")));
}

TEST_F(CliHashing, RetrievalEvalComparesTheCodesWithEveryBaseline) {
  const auto r = run_aekit("retrieval-eval --model " + model("a") + " --database fashion-mnist:train?limit=400 "
                           "--queries fashion-mnist:test?limit=40 --k 20 -o " + path("eval"), *dir_);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(contains(r.out, "| method | bits | precision@20 | mAP |")) << r.out;
  EXPECT_TRUE(contains(read_file(path("eval/precision_recall.svg")), "<svg"));
  const auto json = nlohmann::json::parse(read_file(path("eval/retrieval.json")));
  const auto train = data::load_dataset("fashion-mnist:train?limit=400");
  const auto test = data::load_dataset("fashion-mnist:test?limit=40");
  double share = 0;  // mean over queries of the share of database rows in the query's class
  for (const int label : test.labels) share += double(std::count(train.labels.begin(), train.labels.end(), label)) / 400.0;
  share /= 40.0;
  std::vector<std::string> names;
  const auto methods = json.at("methods");
  for (const auto& m : methods) {
    names.push_back(m.at("name"));
    const auto& last = m.at("curve").back();
    EXPECT_EQ(last.at("k"), 400);
    EXPECT_NEAR(last.at("precision").get<double>(), share, 1e-12) << names.back();
    EXPECT_NEAR(last.at("recall").get<double>(), 1.0, 1e-12) << names.back();
    const double map = m.at("map");
    EXPECT_GT(map, 0.0);
    EXPECT_LE(map, 1.0);
  }
  EXPECT_EQ(names, (std::vector<std::string>{"aekit", "lsh", "pca_sign", "pca_itq", "euclidean_pixels", "euclidean_codes"}));
  EXPECT_EQ(methods[0].at("bits"), 12);
  EXPECT_GT(json.at("query_time_us").at("euclidean_scan_pixels").get<double>(), 0.0);
}

TEST_F(CliHashing, RetrievalEvalRefusesUnlabelledDataAndKBeyondTheDatabase) {
  data::write_npy(path("rows.npy"), FloatMatrix::Zero(30, 784));
  expect_failure(run_aekit("retrieval-eval --model " + model("a") + " --database npy:" + path("rows.npy") +
                               " --queries fashion-mnist:test?limit=5 -o " + path("e1"), *dir_),
                 2, {"expected class labels with", "rows.npy", "found none"});
  expect_failure(run_aekit("retrieval-eval --model " + model("a") + " --database fashion-mnist:train?limit=50 "
                           "--queries fashion-mnist:test?limit=5 --k 51 -o " + path("e2"), *dir_),
                 2, {"expected k in 1..50", "found 51"});
  EXPECT_FALSE(fs::exists(path("e1")));
  EXPECT_FALSE(fs::exists(path("e2")));
}

}  // namespace
}  // namespace aekit::test
