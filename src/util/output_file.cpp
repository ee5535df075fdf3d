#include "util/output_file.hpp"

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

namespace borderline {

namespace {

bool writeAll(int fd, std::string_view content) {
  while (!content.empty()) {
    const ssize_t n = ::write(fd, content.data(), content.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    content.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

[[noreturn]] void fail(const std::string& path, std::string_view what) {
  throw OutputError(
      fmt::format("{}: cannot write report: {} ({})", path, what, std::strerror(errno)));
}

// Whether `path` must be written in place: it exists and is not a regular file (a device,
// a pipe), or it names a process's streams (/dev/stdout is a symlink to /proc/self/fd/1,
// which can point at a regular file that the shell opened: renaming over it would replace
// the link itself).
bool writeInPlace(const std::string& path) {
  if (path.starts_with("/dev/") || path.starts_with("/proc/")) return true;
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode);
}

// Named temporary files that exist right now, removed by a terminating signal so that an
// interrupted run (SIGTERM, SIGINT, SIGHUP) leaves nothing behind. A handler may only call
// async-signal-safe functions: the slots hold C strings owned by the StreamingOutput objects.
constexpr int kTempSlots = 8;
std::atomic<const char*> tempFiles[kTempSlots];

extern "C" void removeTempFilesAndDie(int sig) {
  for (auto& slot : tempFiles)
    if (const char* path = slot.load()) ::unlink(path);
  std::signal(sig, SIG_DFL);
  ::raise(sig); // die of the signal, as the caller expects
}

void registerTemp(const char* path) {
  static const bool installed = [] {
    for (int sig : {SIGTERM, SIGINT, SIGHUP}) {
      struct sigaction current {};
      ::sigaction(sig, nullptr, &current);
      if (current.sa_handler == SIG_DFL) std::signal(sig, removeTempFilesAndDie);
    }
    return true;
  }();
  (void)installed;
  for (auto& slot : tempFiles) {
    const char* empty = nullptr;
    if (slot.compare_exchange_strong(empty, path)) return;
  }
  // More outputs at once than slots: that file is merely not cleaned up on a signal.
}

void unregisterTemp(const char* path) {
  for (auto& slot : tempFiles) {
    const char* mine = path;
    if (slot.compare_exchange_strong(mine, nullptr)) return;
  }
}

// An unnamed file in `dir` (O_TMPFILE): it has no name until commit(), so a run killed by any
// signal, even SIGKILL, leaves nothing behind. Naming it needs /proc. -1 where the file system
// or the kernel cannot do this; a named temporary file is used then.
int openUnnamed(const std::string& dir) {
  if (::access("/proc/self/fd", X_OK) != 0) return -1;
  return ::open(dir.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666);
}

} // namespace

StreamingOutput::StreamingOutput(const std::string& requested) {
  if (requested.empty() || requested == "-") {
    stdout_ = true;
    fd_ = STDOUT_FILENO;
    return;
  }
  if (writeInPlace(requested)) {
    inPlace_ = true;
    path_ = requested;
    fd_ = ::open(path_.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd_ < 0) fail(path_, "open");
    return;
  }
  // A symlink to a regular file: replace the file it points to, keep the link.
  std::error_code ec;
  path_ = std::filesystem::is_symlink(requested, ec)
              ? std::filesystem::weakly_canonical(requested, ec).string()
              : requested;
  const std::filesystem::path target(path_);
  const std::string dir = target.has_parent_path() ? target.parent_path().string() : ".";
  temp_ = fmt::format("{}/.{}.tmp.XXXXXX", dir, target.filename().string());
  fd_ = openUnnamed(dir);
  if (fd_ >= 0) {
    unnamed_ = true;
    return;
  }
  fd_ = ::mkstemp(temp_.data());
  if (fd_ < 0) {
    temp_.clear();
    fail(path_, "create temporary file");
  }
  registerTemp(temp_.c_str());
}

StreamingOutput::~StreamingOutput() {
  if (stdout_ || fd_ < 0) return;
  ::close(fd_);
  if (!committed_ && !temp_.empty() && !unnamed_) removeTemp();
}

void StreamingOutput::removeTemp() {
  ::unlink(temp_.c_str());
  unregisterTemp(temp_.c_str());
}

// Gives the unnamed file the name temp_ (a fresh one, like mkstemp's), through /proc.
bool StreamingOutput::nameUnnamed() {
  const std::string self = fmt::format("/proc/self/fd/{}", fd_);
  const std::string pattern = temp_;
  for (unsigned attempt = 0; attempt < 100; ++attempt) {
    temp_ = pattern.substr(0, pattern.size() - 6) +
            fmt::format("{:06}", (static_cast<unsigned>(::getpid()) + attempt) % 1000000);
    if (::linkat(AT_FDCWD, self.c_str(), AT_FDCWD, temp_.c_str(), AT_SYMLINK_FOLLOW) == 0) {
      registerTemp(temp_.c_str());
      return true;
    }
    if (errno != EEXIST) return false;
  }
  return false;
}

void StreamingOutput::write(std::string_view bytes) {
  if (closed_) return;
  buffer_ += bytes;
  if (buffer_.size() >= (1u << 20)) flush();
}

void StreamingOutput::flush() {
  if (closed_ || buffer_.empty()) return;
  if (stdout_) std::fflush(stdout);
  if (!writeAll(fd_, buffer_)) {
    if (stdout_ && errno == EPIPE) {
      closed_ = true; // the reader went away, which is not an error of ours
    } else if (stdout_) {
      throw OutputError(fmt::format("cannot write to standard output: {}", std::strerror(errno)));
    } else {
      fail(path_, "write");
    }
  }
  buffer_.clear();
}

void StreamingOutput::commit() {
  flush();
  committed_ = true;
  if (stdout_ || inPlace_) return;
  const bool synced = ::fsync(fd_) == 0;
  const int saved = errno;
  // Keep the usual permissions of a new file (mkstemp makes it 0600).
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd_, 0666 & ~mask);
  if (synced && unnamed_ && !nameUnnamed()) {
    const int e = errno;
    ::close(fd_);
    fd_ = -1;
    errno = e;
    fail(path_, "create temporary file");
  }
  const bool closed = ::close(fd_) == 0;
  fd_ = -1;
  if (!synced || !closed) {
    errno = synced ? errno : saved;
    if (!unnamed_ || synced) removeTemp();
    fail(path_, "write");
  }
  if (::rename(temp_.c_str(), path_.c_str()) != 0) {
    const int e = errno;
    removeTemp();
    errno = e;
    fail(path_, "rename");
  }
  unregisterTemp(temp_.c_str());
}

void writeFileAtomically(const std::string& path, std::string_view content) {
  StreamingOutput out(path);
  out.write(content);
  out.commit();
}

void writeStdout(std::string_view content) {
  std::fflush(stdout);
  if (!writeAll(STDOUT_FILENO, content)) {
    if (errno == EPIPE) return;
    throw OutputError(fmt::format("cannot write to standard output: {}", std::strerror(errno)));
  }
}

} // namespace borderline
