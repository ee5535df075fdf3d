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

void writeDirectly(const std::string& path, std::string_view content) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
  if (fd < 0) fail(path, "open");
  const bool ok = writeAll(fd, content);
  const int saved = errno;
  ::close(fd);
  errno = saved;
  if (!ok) fail(path, "write");
}

} // namespace

void writeFileAtomically(const std::string& requested, std::string_view content) {
  if (writeInPlace(requested)) {
    writeDirectly(requested, content);
    return;
  }
  // A symlink to a regular file: replace the file it points to, keep the link.
  std::error_code ec;
  const std::string path = std::filesystem::is_symlink(requested, ec)
                               ? std::filesystem::weakly_canonical(requested, ec).string()
                               : requested;
  const std::filesystem::path target(path);
  const std::string dir = target.has_parent_path() ? target.parent_path().string() : ".";
  std::string temp = fmt::format("{}/.{}.tmp.XXXXXX", dir, target.filename().string());
  const int fd = ::mkstemp(temp.data());
  if (fd < 0) fail(path, "create temporary file");
  const bool ok = writeAll(fd, content) && ::fsync(fd) == 0;
  const int saved = errno;
  // Keep the usual permissions of a new file (mkstemp makes it 0600).
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd, 0666 & ~mask);
  if (::close(fd) != 0 || !ok) {
    errno = ok ? errno : saved;
    ::unlink(temp.c_str());
    fail(path, "write");
  }
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    const int e = errno;
    ::unlink(temp.c_str());
    errno = e;
    fail(path, "rename");
  }
}

void writeStdout(std::string_view content) {
  std::fflush(stdout);
  if (!writeAll(STDOUT_FILENO, content)) {
    if (errno == EPIPE) return;
    throw OutputError(fmt::format("cannot write to standard output: {}", std::strerror(errno)));
  }
}

} // namespace borderline
