#pragma once
// One file-writing job at a time on a thread of its own, so that a training loop does not
// wait for the disk: an MLP checkpoint's write and fsync took 14-80 ms here, 1.5-8% of an
// epoch, while the next epoch's arithmetic needs no file.
//
// submit(job) first waits for the job before it, so jobs run in the order submitted, never
// two at once; a job's exception is rethrown by the next submit() or by wait(). The caller
// hands the job everything it writes (a snapshot), never a reference to state that keeps
// changing.
#include <exception>
#include <functional>
#include <thread>

namespace aekit::io {

class BackgroundWriter {
 public:
  BackgroundWriter() = default;
  BackgroundWriter(const BackgroundWriter&) = delete;
  BackgroundWriter& operator=(const BackgroundWriter&) = delete;
  // Waits for the running job; an error no wait() collected is dropped (the caller is already
  // leaving through another exception, or forgot to wait()).
  ~BackgroundWriter();

  void submit(std::function<void()> job);
  // Returns when no job runs; rethrows the exception of the last one, if it threw.
  void wait();

 private:
  std::thread thread_;
  std::exception_ptr error_;
};

}  // namespace aekit::io
