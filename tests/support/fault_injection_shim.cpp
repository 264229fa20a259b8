// A file system that fills up or is read-only, for a child process (LD_PRELOAD), like SQLite's
// test file systems: the disk tests run `aekit` with this library preloaded and one of
//   AEKIT_FAULT_DISK_BYTES=N          writes to regular files succeed for N bytes in all, then
//                                     fail with ENOSPC (the write that crosses N writes what fits)
//   AEKIT_FAULT_READ_ONLY=PREFIX      opening a path under PREFIX for writing, creating, renaming
//                                     or removing there fails with EROFS
// Writes to pipes and terminals (stdout, stderr) are never failed. Only the calls aekit's files
// go through are wrapped: write, writev, open/openat/fopen (and their 64-bit names), rename,
// mkdir, unlink.
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <cstring>

namespace {

// The real function `name` of type F (the next definition after this library's).
template <typename F>
F real(const char* name) {
  return reinterpret_cast<F>(dlsym(RTLD_NEXT, name));
}

std::atomic<long long> bytes_written{0};

long long disk_bytes() {
  static const long long budget = [] {
    const char* text = std::getenv("AEKIT_FAULT_DISK_BYTES");
    return text ? std::atoll(text) : -1;
  }();
  return budget;
}

bool is_regular_file(int fd) {
  struct stat status;
  return fstat(fd, &status) == 0 && S_ISREG(status.st_mode);
}

// How many of `wanted` bytes to `fd` the disk still takes: all of them without a budget or
// for anything but a file, else what is left of the budget (0: ENOSPC).
size_t room_for(int fd, size_t wanted) {
  if (disk_bytes() < 0 || !is_regular_file(fd)) return wanted;
  const long long before = bytes_written.fetch_add(static_cast<long long>(wanted));
  const long long left = disk_bytes() - before;
  if (left >= static_cast<long long>(wanted)) return wanted;
  bytes_written.store(disk_bytes());
  return left > 0 ? static_cast<size_t>(left) : 0;
}

bool read_only(const char* path) {
  static const char* prefix = std::getenv("AEKIT_FAULT_READ_ONLY");
  return prefix != nullptr && path != nullptr && std::strncmp(path, prefix, std::strlen(prefix)) == 0;
}

bool writes(int flags) { return (flags & (O_WRONLY | O_RDWR | O_CREAT | O_TRUNC)) != 0; }

int refuse(int error) {
  errno = error;
  return -1;
}

}  // namespace

extern "C" {

ssize_t write(int fd, const void* data, size_t size) {
  static const auto next = real<ssize_t (*)(int, const void*, size_t)>("write");
  const size_t room = room_for(fd, size);
  if (room == 0 && size > 0) return refuse(ENOSPC);
  return next(fd, data, room);
}

ssize_t writev(int fd, const struct iovec* parts, int count) {
  static const auto next = real<ssize_t (*)(int, const struct iovec*, int)>("writev");
  size_t size = 0;
  for (int i = 0; i < count; ++i) size += parts[i].iov_len;
  const size_t room = room_for(fd, size);
  if (room == size) return next(fd, parts, count);
  if (room == 0) return refuse(ENOSPC);
  // Write what fits from the first parts, as a disk that fills up part way does.
  static const auto next_write = real<ssize_t (*)(int, const void*, size_t)>("write");
  size_t done = 0;
  for (int i = 0; i < count && done < room; ++i) {
    const size_t part = parts[i].iov_len < room - done ? parts[i].iov_len : room - done;
    const ssize_t wrote = next_write(fd, parts[i].iov_base, part);
    if (wrote < 0) return done > 0 ? static_cast<ssize_t>(done) : wrote;
    done += static_cast<size_t>(wrote);
  }
  return static_cast<ssize_t>(done);
}

// open, openat and their 64-bit names: PARAMS is the parameter list, ARGS the call passing it on.
#define AEKIT_WRAP_OPEN(NAME, PARAMS, ARGS)                           \
  int NAME PARAMS {                                                   \
    static const auto next = real<decltype(&NAME)>(#NAME);            \
    mode_t mode = 0;                                                  \
    if (flags & (O_CREAT | O_TMPFILE)) {                              \
      va_list args;                                                   \
      va_start(args, flags);                                          \
      mode = static_cast<mode_t>(va_arg(args, unsigned));             \
      va_end(args);                                                   \
    }                                                                 \
    if (writes(flags) && read_only(path)) return refuse(EROFS);       \
    return next ARGS;                                                 \
  }
AEKIT_WRAP_OPEN(open, (const char* path, int flags, ...), (path, flags, mode))
AEKIT_WRAP_OPEN(open64, (const char* path, int flags, ...), (path, flags, mode))
AEKIT_WRAP_OPEN(openat, (int dir, const char* path, int flags, ...), (dir, path, flags, mode))
AEKIT_WRAP_OPEN(openat64, (int dir, const char* path, int flags, ...), (dir, path, flags, mode))

// libstdc++'s file streams open with fopen, whose own open call does not come through here.
#define AEKIT_WRAP_FOPEN(NAME)                                                          \
  FILE* NAME(const char* path, const char* mode) {                                      \
    static const auto next = real<FILE* (*)(const char*, const char*)>(#NAME);          \
    if (std::strpbrk(mode, "wa+") != nullptr && read_only(path)) {                      \
      errno = EROFS;                                                                    \
      return nullptr;                                                                   \
    }                                                                                   \
    return next(path, mode);                                                            \
  }
AEKIT_WRAP_FOPEN(fopen)
AEKIT_WRAP_FOPEN(fopen64)

int rename(const char* from, const char* to) {
  static const auto next = real<int (*)(const char*, const char*)>("rename");
  return read_only(from) || read_only(to) ? refuse(EROFS) : next(from, to);
}

int mkdir(const char* path, mode_t mode) {
  static const auto next = real<int (*)(const char*, mode_t)>("mkdir");
  return read_only(path) ? refuse(EROFS) : next(path, mode);
}

int unlink(const char* path) {
  static const auto next = real<int (*)(const char*)>("unlink");
  return read_only(path) ? refuse(EROFS) : next(path);
}

}  // extern "C"
