#include "audit/file_input.hpp"

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "load/diagnostics.hpp"

namespace borderline {

void failInput(std::string_view file, std::string message) {
  throw LoadFailure({Diagnostic{Location{file, 0, 0}, std::move(message)}});
}

FileInput::FileInput(const std::string& path, std::string_view shown) : shown_(shown) {
  if (path == "-") {
    fd_ = STDIN_FILENO;
  } else {
    fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd_ < 0) failInput(shown, fmt::format("cannot read file: {}", std::strerror(errno)));
    owned_ = true;
  }
  struct stat st {};
  if (::fstat(fd_, &st) == 0) {
    if (S_ISDIR(st.st_mode)) failInput(shown, "is a directory (expected an inventory file)");
    if (S_ISREG(st.st_mode)) size_ = static_cast<std::uint64_t>(st.st_size);
  }
}

FileInput::~FileInput() {
  if (owned_) ::close(fd_);
}

bool FileInput::read(std::string& buffer) {
  const std::size_t old = buffer.size();
  buffer.resize(old + kBlock);
  ssize_t n;
  do n = ::read(fd_, buffer.data() + old, kBlock);
  while (n < 0 && errno == EINTR);
  if (n < 0) {
    buffer.resize(old);
    failInput(shown_, fmt::format("read error: {}", std::strerror(errno)));
  }
  buffer.resize(old + static_cast<std::size_t>(n));
  return n > 0;
}

bool LineInput::next(std::string_view& line) {
  while (true) {
    const void* nl = pos_ < buffer_.size()
                         ? std::memchr(buffer_.data() + pos_, '\n', buffer_.size() - pos_)
                         : nullptr;
    if (nl || !more_) {
      if (pos_ >= buffer_.size()) return false;
      const std::size_t end =
          nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - buffer_.data())
             : buffer_.size();
      line = std::string_view(buffer_).substr(pos_, end - pos_);
      if (line.ends_with('\r')) line.remove_suffix(1);
      pos_ = nl ? end + 1 : buffer_.size();
      ++number_;
      return true;
    }
    buffer_.erase(0, pos_);
    pos_ = 0;
    more_ = input_.read(buffer_);
  }
}

} // namespace borderline
