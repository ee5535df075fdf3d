#include "util/output_file.hpp"

#include <cerrno>
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
  fd_ = ::mkstemp(temp_.data());
  if (fd_ < 0) {
    temp_.clear();
    fail(path_, "create temporary file");
  }
}

StreamingOutput::~StreamingOutput() {
  if (stdout_ || fd_ < 0) return;
  ::close(fd_);
  if (!committed_ && !temp_.empty()) ::unlink(temp_.c_str());
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
  const bool closed = ::close(fd_) == 0;
  fd_ = -1;
  if (!synced || !closed) {
    errno = synced ? errno : saved;
    ::unlink(temp_.c_str());
    fail(path_, "write");
  }
  if (::rename(temp_.c_str(), path_.c_str()) != 0) {
    const int e = errno;
    ::unlink(temp_.c_str());
    errno = e;
    fail(path_, "rename");
  }
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
