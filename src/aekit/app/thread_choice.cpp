#include "aekit/app/thread_choice.hpp"

#include <fmt/format.h>

namespace aekit::app {

nlohmann::json ThreadChoice::requested() const {
  return automatic ? nlohmann::json("auto") : nlohmann::json(threads);
}

std::string ThreadChoice::reason() const {
  if (automatic) return budget.explanation();
  return fmt::format("as asked (auto would give {}: {})", budget.cores, budget.explanation());
}

namespace {

std::string threads_note(int threads, const std::string& reason) {
  return fmt::format("{} {} here: {}", threads, threads == 1 ? "thread" : "threads", reason);
}

}  // namespace

std::string ThreadChoice::note() const { return threads_note(threads, reason()); }

nlohmann::json ThreadChoice::to_json() const {
  return {{"threads", threads}, {"threads_requested", requested()}, {"threads_reason", reason()}};
}

std::string recorded_threads_note(const nlohmann::json& summary) {
  const auto run = summary.find("run");
  if (run == summary.end() || !run->is_object()) return "";
  const auto threads = run->find("threads"), reason = run->find("threads_reason");
  if (threads == run->end() || !threads->is_number_integer() || reason == run->end() || !reason->is_string())
    return "";
  return threads_note(threads->get<int>(), reason->get<std::string>());
}

ThreadChoice choose_threads(int threads) {
  ThreadChoice choice;
  choice.budget = core_budget();
  choice.automatic = threads <= 0;
  choice.threads = choice.automatic ? choice.budget.cores : threads;
  return choice;
}

}  // namespace aekit::app
