// The cores this process may use (tensor/usable_cores.hpp): cgroup v2 cpu.max and v1
// cfs_quota_us / cfs_period_us read from their contents and from fake cgroup trees, the
// smallest limit along the parents, and the rule max(1, min(affinity, ceil(quota))).
#include "aekit/tensor/usable_cores.hpp"

#include <gtest/gtest.h>
#include <sched.h>

#include <filesystem>

#include "support/test_support.hpp"

namespace aekit {
namespace {

namespace fs = std::filesystem;

TEST(UsableCores, CpuMaxGivesTheQuotaInCores) {
  EXPECT_EQ(cpu_max_cores("max 100000\n"), std::nullopt);
  EXPECT_EQ(cpu_max_cores("max"), std::nullopt);
  EXPECT_EQ(cpu_max_cores("150000 100000\n"), 1.5);
  EXPECT_EQ(cpu_max_cores("200000 100000"), 2.0);
  EXPECT_EQ(cpu_max_cores("50000 100000\n"), 0.5);
  for (const char* garbage : {"", "\n", "banana", "150000", "150000 0", "-1 100000", "150000 x",
                              "1.5 100000", "150000  100000 7"})
    EXPECT_EQ(cpu_max_cores(garbage), std::nullopt) << "'" << garbage << "'";
}

TEST(UsableCores, CfsQuotaGivesTheQuotaInCores) {
  EXPECT_EQ(cfs_quota_cores("-1\n", "100000\n"), std::nullopt);
  EXPECT_EQ(cfs_quota_cores("150000\n", "100000\n"), 1.5);
  EXPECT_EQ(cfs_quota_cores("50000", "100000"), 0.5);
  EXPECT_EQ(cfs_quota_cores("150000", "0"), std::nullopt);
  EXPECT_EQ(cfs_quota_cores("lots", "100000"), std::nullopt);
  EXPECT_EQ(cfs_quota_cores("", ""), std::nullopt);
}

TEST(UsableCores, TheBudgetIsTheAffinityCappedByTheQuotaRoundedUp) {
  EXPECT_EQ(core_budget(4, std::nullopt).cores, 4);
  EXPECT_EQ(core_budget(4, 1.5).cores, 2);
  EXPECT_EQ(core_budget(4, 2.0).cores, 2);
  EXPECT_EQ(core_budget(4, 0.5).cores, 1);
  EXPECT_EQ(core_budget(4, 0.001).cores, 1);
  EXPECT_EQ(core_budget(2, 8.0).cores, 2);
  EXPECT_EQ(core_budget(0, std::nullopt).cores, 1);
  EXPECT_EQ(core_budget(2, std::nullopt).explanation(),
            "2 cores in this process's CPU affinity, no cgroup CPU quota");
  EXPECT_EQ(core_budget(1, std::nullopt).explanation(),
            "1 core in this process's CPU affinity, no cgroup CPU quota");
  EXPECT_EQ(core_budget(4, 1.5).explanation(),
            "cgroup CPU quota 1.5 cores -> 2 (of 4 in this process's CPU affinity)");
  EXPECT_EQ(core_budget(2, 8.0).explanation(),
            "2 cores in this process's CPU affinity (cgroup CPU quota 8 cores)");
}

class FakeCgroups : public ::testing::Test {
 protected:
  void put(const fs::path& file, const std::string& text) {
    fs::create_directories((root_ / file).parent_path());
    test::write_file(root_ / file, text);
  }
  std::optional<double> quota(const std::string& proc_self_cgroup) const {
    return cgroup_quota_cores(proc_self_cgroup, root_.path());
  }
  test::TempDir root_;
};

TEST_F(FakeCgroups, V2TakesTheSmallestLimitAlongTheParents) {
  put("kubepods/cpu.max", "300000 100000\n");
  put("kubepods/pod/cpu.max", "150000 100000\n");
  put("kubepods/pod/box/cpu.max", "max 100000\n");
  EXPECT_EQ(quota("0::/kubepods/pod/box\n"), 1.5);
  EXPECT_EQ(quota("0::/kubepods\n"), 3.0);
  put("kubepods/cpu.max", "50000 100000\n");  // a parent's limit below its child's binds
  EXPECT_EQ(quota("0::/kubepods/pod/box\n"), 0.5);
}

TEST_F(FakeCgroups, MissingOrUnreadableFilesMeanNoLimit) {
  EXPECT_EQ(quota("0::/user.slice/session.scope\n"), std::nullopt);  // no such folders
  EXPECT_EQ(quota(""), std::nullopt);
  EXPECT_EQ(quota("garbage without colons\n"), std::nullopt);
  put("user.slice/cpu.max", "max 100000\n");
  put("user.slice/session.scope/cpu.max", "nonsense");
  EXPECT_EQ(quota("0::/user.slice/session.scope\n"), std::nullopt);
  fs::create_directories(root_ / "odd" / "cpu.max");  // a folder where the file should be
  EXPECT_EQ(quota("0::/odd\n"), std::nullopt);
  EXPECT_EQ(cgroup_quota_cores("0::/\n", root_ / "no-such-root"), std::nullopt);
}

TEST_F(FakeCgroups, APathFromAnotherNamespaceReadsTheMountedRoot) {
  // A container without its own cgroup namespace sees the host's path, and has its own
  // cgroup mounted as the root.
  put("cpu.max", "200000 100000\n");
  EXPECT_EQ(quota("0::/docker/0123abcd\n"), 2.0);
  EXPECT_EQ(quota("0::/../../elsewhere\n"), 2.0);
}

TEST_F(FakeCgroups, V1ReadsTheCpuController) {
  put("cpu,cpuacct/docker/abc/cpu.cfs_quota_us", "-1\n");
  put("cpu,cpuacct/docker/abc/cpu.cfs_period_us", "100000\n");
  put("cpu,cpuacct/docker/cpu.cfs_quota_us", "250000\n");
  put("cpu,cpuacct/docker/cpu.cfs_period_us", "100000\n");
  const std::string proc = "12:memory:/docker/abc\n4:cpu,cpuacct:/docker/abc\n1:name=systemd:/docker/abc\n";
  EXPECT_EQ(quota(proc), 2.5);
  put("cpu,cpuacct/docker/abc/cpu.cfs_quota_us", "100000\n");
  EXPECT_EQ(quota(proc), 1.0);
  EXPECT_EQ(quota("4:cpuacct:/docker/abc\n"), std::nullopt) << "cpuacct is not the cpu controller";
}

TEST_F(FakeCgroups, V1UnderItsUsualLinkName) {
  put("cpu/cpu.cfs_quota_us", "150000\n");
  put("cpu/cpu.cfs_period_us", "100000\n");
  EXPECT_EQ(quota("3:cpu,cpuacct:/\n"), 1.5);
  EXPECT_EQ(quota("3:cpu:/\n"), 1.5);
}

TEST(UsableCores, ThisProcessHasAtLeastOneCoreAndNoMoreThanItsAffinity) {
  cpu_set_t set;
  CPU_ZERO(&set);
  ASSERT_EQ(sched_getaffinity(0, sizeof set, &set), 0);
  const CoreBudget budget = core_budget();
  EXPECT_EQ(budget.affinity, CPU_COUNT(&set));
  EXPECT_GE(budget.cores, 1);
  EXPECT_LE(budget.cores, budget.affinity);
  EXPECT_EQ(usable_cores(), budget.cores);
  EXPECT_FALSE(budget.explanation().empty());
}

}  // namespace
}  // namespace aekit
