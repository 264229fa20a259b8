#include "aekit/tensor/usable_cores.hpp"

#include <sched.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <fstream>
#include <sstream>
#include <vector>

namespace aekit {
namespace {

// A file's contents; none where it cannot be read (absent, no permission, a folder).
std::optional<std::string> cgroup_file_text(const std::filesystem::path& path) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) return std::nullopt;
  std::ifstream in(path);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return text.str();
}

std::string_view trim_cgroup_text(std::string_view text) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!text.empty() && space(text.front())) text.remove_prefix(1);
  while (!text.empty() && space(text.back())) text.remove_suffix(1);
  return text;
}

// A whole positive integer (microseconds); none otherwise.
std::optional<long long> positive_microseconds(std::string_view text) {
  text = trim_cgroup_text(text);
  long long value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value <= 0) return std::nullopt;
  return value;
}

std::optional<double> smaller_quota(std::optional<double> a, std::optional<double> b) {
  if (!a) return b;
  if (!b) return a;
  return std::min(*a, *b);
}

// The smallest quota that `read_quota` finds in `base`/`cgroup_path` and in each folder above
// it up to `base` itself. A path with ".." (a cgroup outside this namespace) reads `base` only.
template <class ReadQuota>
std::optional<double> smallest_quota_upward(const std::filesystem::path& base,
                                            std::string_view cgroup_path, ReadQuota read_quota) {
  std::vector<std::string> parts;
  bool outside = false;
  for (const auto& part : std::filesystem::path(std::string(cgroup_path)).relative_path()) {
    if (part == "..") outside = true;
    if (!part.empty() && part != "." && part != "..") parts.push_back(part.string());
  }
  if (outside) parts.clear();
  std::optional<double> smallest;
  for (std::size_t depth = parts.size() + 1; depth-- > 0;) {
    std::filesystem::path folder = base;
    for (std::size_t i = 0; i < depth; ++i) folder /= parts[i];
    smallest = smaller_quota(smallest, read_quota(folder));
  }
  return smallest;
}

// The CPUs in this process's affinity mask; the online processors where that fails.
int affinity_cpus() {
  for (int cpus = 1024; cpus <= (1 << 20); cpus *= 4) {
    cpu_set_t* set = CPU_ALLOC(cpus);
    if (set == nullptr) break;
    const std::size_t size = CPU_ALLOC_SIZE(cpus);
    CPU_ZERO_S(size, set);
    const bool ok = sched_getaffinity(0, size, set) == 0;
    const int count = ok ? CPU_COUNT_S(size, set) : 0;
    CPU_FREE(set);
    if (ok) return std::max(count, 1);
    if (errno != EINVAL) break;  // EINVAL: the kernel's mask is larger than ours
  }
  return std::max(static_cast<int>(sysconf(_SC_NPROCESSORS_ONLN)), 1);
}

}  // namespace

CoreBudget core_budget(int affinity, std::optional<double> quota) {
  CoreBudget budget;
  budget.affinity = std::max(affinity, 1);
  if (quota && *quota > 0) budget.quota = quota;
  budget.cores = budget.affinity;
  if (budget.quota) {
    const double ceiling = std::ceil(*budget.quota);
    if (ceiling < budget.cores) budget.cores = std::max(static_cast<int>(ceiling), 1);
  }
  return budget;
}

// Plain strings, no fmt: the engine alone builds with the compiler and Eigen (bench/scaling).
std::string CoreBudget::explanation() const {
  const auto cores_text = [](int n) { return std::to_string(n) + (n == 1 ? " core" : " cores"); };
  std::ostringstream quota_text;
  if (quota) quota_text << *quota;  // as {:g}: 1.5, 2
  if (!quota) return cores_text(affinity) + " in this process's CPU affinity, no cgroup CPU quota";
  if (std::ceil(*quota) < affinity)
    return "cgroup CPU quota " + quota_text.str() + " cores -> " + std::to_string(cores) + " (of " +
           std::to_string(affinity) + " in this process's CPU affinity)";
  return cores_text(affinity) + " in this process's CPU affinity (cgroup CPU quota " +
         quota_text.str() + " cores)";
}

std::optional<double> cpu_max_cores(std::string_view cpu_max_text) {
  const std::string_view text = trim_cgroup_text(cpu_max_text);
  const std::size_t space = text.find(' ');
  if (space == std::string_view::npos) return std::nullopt;
  const std::string_view quota = text.substr(0, space);
  const auto period = positive_microseconds(text.substr(space + 1));
  if (quota == "max" || !period) return std::nullopt;
  const auto microseconds = positive_microseconds(quota);
  if (!microseconds) return std::nullopt;
  return static_cast<double>(*microseconds) / static_cast<double>(*period);
}

std::optional<double> cfs_quota_cores(std::string_view quota_text, std::string_view period_text) {
  const auto quota = positive_microseconds(quota_text);  // -1 (no limit) is not positive
  const auto period = positive_microseconds(period_text);
  if (!quota || !period) return std::nullopt;
  return static_cast<double>(*quota) / static_cast<double>(*period);
}

std::optional<double> cgroup_quota_cores(std::string_view proc_self_cgroup,
                                         const std::filesystem::path& root) {
  std::optional<double> smallest;
  std::size_t begin = 0;
  while (begin < proc_self_cgroup.size()) {
    std::size_t end = proc_self_cgroup.find('\n', begin);
    if (end == std::string_view::npos) end = proc_self_cgroup.size();
    const std::string_view line = proc_self_cgroup.substr(begin, end - begin);
    begin = end + 1;
    // hierarchy-id:controllers:path
    const std::size_t first = line.find(':');
    const std::size_t second =
        first == std::string_view::npos ? first : line.find(':', first + 1);
    if (second == std::string_view::npos) continue;
    const std::string_view id = line.substr(0, first);
    const std::string_view controllers = line.substr(first + 1, second - first - 1);
    const std::string_view path = trim_cgroup_text(line.substr(second + 1));
    if (id == "0" && controllers.empty()) {
      smallest = smaller_quota(
          smallest, smallest_quota_upward(root, path, [](const std::filesystem::path& folder) {
            const auto text = cgroup_file_text(folder / "cpu.max");
            return text ? cpu_max_cores(*text) : std::nullopt;
          }));
      continue;
    }
    bool has_cpu = false;
    for (std::size_t from = 0; from <= controllers.size();) {
      std::size_t comma = controllers.find(',', from);
      if (comma == std::string_view::npos) comma = controllers.size();
      if (controllers.substr(from, comma - from) == "cpu") has_cpu = true;
      from = comma + 1;
    }
    if (!has_cpu) continue;
    const auto read_v1 = [](const std::filesystem::path& folder) {
      const auto quota = cgroup_file_text(folder / "cpu.cfs_quota_us");
      const auto period = cgroup_file_text(folder / "cpu.cfs_period_us");
      return quota && period ? cfs_quota_cores(*quota, *period) : std::nullopt;
    };
    // The controller's mount: "cpu,cpuacct" as the line names it, or its usual link "cpu".
    for (const std::string_view mount : {controllers, std::string_view("cpu")}) {
      std::error_code error;
      if (std::filesystem::is_directory(root / std::string(mount), error)) {
        smallest = smaller_quota(smallest,
                                 smallest_quota_upward(root / std::string(mount), path, read_v1));
        break;
      }
    }
  }
  return smallest;
}

CoreBudget core_budget() {
  const auto proc_self_cgroup = cgroup_file_text("/proc/self/cgroup");
  const std::optional<double> quota =
      proc_self_cgroup ? cgroup_quota_cores(*proc_self_cgroup, "/sys/fs/cgroup") : std::nullopt;
  return core_budget(affinity_cpus(), quota);
}

int usable_cores() { return core_budget().cores; }

}  // namespace aekit
