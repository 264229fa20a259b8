#pragma once
// The cores this process may actually use, which `--threads auto` gives its kernels:
//   cores = max(1, min(affinity, ceil(quota / period)))
// affinity: the CPUs in this process's affinity mask (sched_getaffinity; taskset, numactl,
//   docker --cpuset-cpus), not nproc of the machine.
// quota / period: the cgroup CPU limit (docker --cpus, Kubernetes limits, systemd CPUQuota),
//   in cores; the smallest along the process's cgroup and its parents, none without a limit.
//   cgroup v2: <root>/<path>/cpu.max, "max 100000" (none) or "150000 100000" (1.5 cores);
//   cgroup v1: cpu.cfs_quota_us (-1 = none) / cpu.cfs_period_us under the cpu controller.
//   <path> is the process's line of /proc/self/cgroup ("0::/user.slice/x.scope" for v2,
//   "4:cpu,cpuacct:/docker/abc" for v1). A missing or unreadable file means no limit.
// 1.5 cores of quota give 2 threads: the quota is time per period, and 2 threads busy 75% of
// the period spend it as well as 1 thread busy all of it, finishing sooner.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace aekit {

// How many cores this process may use and why.
struct CoreBudget {
  int cores = 1;                // max(1, min(affinity, ceil(*quota)))
  int affinity = 1;             // CPUs in this process's affinity mask
  std::optional<double> quota;  // the cgroup CPU quota in cores; none without a limit

  // One line for reports: "2 cores in this process's CPU affinity, no cgroup CPU quota",
  // "cgroup CPU quota 1.5 cores -> 2 (of 4 in this process's CPU affinity)".
  std::string explanation() const;
};

// The budget from an affinity count and a quota (the rule at the top of this file).
CoreBudget core_budget(int affinity, std::optional<double> quota);
// This process's budget: its affinity mask and the cgroup file system at /sys/fs/cgroup.
CoreBudget core_budget();
// core_budget().cores.
int usable_cores();

// The contents of a cgroup v2 cpu.max file in cores: "150000 100000" -> 1.5; none for
// "max 100000" and for anything that is not two positive integers (or "max" and one).
std::optional<double> cpu_max_cores(std::string_view cpu_max_text);
// cgroup v1's cpu.cfs_quota_us and cpu.cfs_period_us contents in cores: ("150000", "100000")
// -> 1.5; none for a quota of -1 and for anything that is not a positive integer.
std::optional<double> cfs_quota_cores(std::string_view quota_text, std::string_view period_text);
// The smallest CPU quota, in cores, of the cgroup that `proc_self_cgroup` (the contents of
// /proc/self/cgroup) names and of each of its parents, read under the cgroup file system at
// `root` (/sys/fs/cgroup; v1 controllers are its folders "cpu,cpuacct" or "cpu"); none when
// no file there sets one. Both a v2 and a v1 line are read where there are both.
std::optional<double> cgroup_quota_cores(std::string_view proc_self_cgroup,
                                         const std::filesystem::path& root);

}  // namespace aekit
