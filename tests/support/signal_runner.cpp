#include "support/signal_runner.hpp"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <thread>

namespace aekit::test {

namespace fs = std::filesystem;

Ended run_and_signal(const std::string& args, const TempDir& dir, std::chrono::milliseconds delay,
                     int signal_number, const std::function<bool()>& ready) {
  const fs::path err = dir / ".signalled_stderr";
  const std::string command = "exec " + std::string(AEKIT_CLI_PATH) + " " + args + " >/dev/null 2>" + err.string();
  const pid_t pid = fork();
  if (pid == 0) {
    execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  std::this_thread::sleep_for(delay);
  int status = 0;
  bool ended_alone = false;
  while (!ready()) {
    if (waitpid(pid, &status, WNOHANG) == pid) {
      ended_alone = true;
      break;
    }
    std::this_thread::sleep_for(std::chrono::microseconds(100));
  }
  if (!ended_alone) {
    kill(pid, signal_number);
    waitpid(pid, &status, 0);
  }
  Ended ended;
  if (WIFEXITED(status)) ended.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) ended.killed_by = WTERMSIG(status);
  ended.err = read_file(err);
  return ended;
}

std::vector<std::string> temporaries_in(const fs::path& folder) {
  std::vector<std::string> found;
  if (!fs::exists(folder)) return found;
  for (const auto& entry : fs::directory_iterator(folder))
    if (entry.path().filename().string().find(".tmp-") != std::string::npos)
      found.push_back(entry.path().filename().string());
  return found;
}

}  // namespace aekit::test
