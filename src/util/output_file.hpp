#pragma once
// Writing a report so that a failed run never leaves a half-written file behind.
#include <stdexcept>
#include <string>
#include <string_view>

namespace borderline {

class OutputError : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

// Writes `content` to `path` atomically: to a temporary file beside it, flushed to disk, then
// renamed over the target. A target that exists and is not a regular file (/dev/stdout, a
// pipe) is written directly. Throws OutputError with the reason.
void writeFileAtomically(const std::string& path, std::string_view content);

// A report written piece by piece: to standard output as it comes, or to a temporary file
// beside `path` that replaces it only on commit(), so that a failed run leaves no half file.
// The temporary file is unnamed until commit() where the system allows (O_TMPFILE): a run
// killed even by SIGKILL leaves nothing; otherwise it is named, and removed on SIGTERM, SIGINT
// and SIGHUP (only SIGKILL can leave a hidden `.NAME.tmp.XXXXXX` beside the target).
// Buffered; throws OutputError when writing fails. A closed standard output (EPIPE) is quiet:
// closed() turns true and further writes are dropped.
class StreamingOutput {
public:
  explicit StreamingOutput(const std::string& path); // "" or "-" = standard output
  ~StreamingOutput();                                // removes the temporary file unless committed
  StreamingOutput(const StreamingOutput&) = delete;
  StreamingOutput& operator=(const StreamingOutput&) = delete;

  void write(std::string_view bytes);
  void flush();
  void commit();
  bool closed() const { return closed_; }

private:
  void removeTemp();
  bool nameUnnamed();

  std::string path_, temp_;
  int fd_ = -1;
  bool stdout_ = false, inPlace_ = false, committed_ = false, closed_ = false;
  bool unnamed_ = false; // fd_ is an O_TMPFILE file, named temp_ only in commit()
  std::string buffer_;
};

// Writes `content` to standard output; throws OutputError if it cannot (EPIPE is quiet:
// the reader went away, which is not an error of ours).
void writeStdout(std::string_view content);

} // namespace borderline
