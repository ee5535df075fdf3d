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

// Writes `content` to standard output; throws OutputError if it cannot (EPIPE is quiet:
// the reader went away, which is not an error of ours).
void writeStdout(std::string_view content);

} // namespace borderline
