#pragma once
// Input files: reading them (or stdin) whole, checking them before any parser sees them, and
// owning their display names for as long as locations point at them.
#include <deque>
#include <string>
#include <string_view>

namespace borderline {

// Limits on one input file (docs/limits.md). Bigger inputs belong to `audit`, which streams.
inline constexpr std::size_t kMaxInputBytes = 256u << 20;

class SourceSet {
public:
  // Stable storage for a file's display name; the returned view lives as long as the set.
  std::string_view intern(std::string name);

private:
  std::deque<std::string> names_;
};

struct SourceText {
  std::string_view name; // display name, owned by a SourceSet
  std::string text;
};

// Reads `path` ("-" = standard input). Throws LoadFailure with a located message when the file
// cannot be read, is too large, holds a NUL byte or is not valid UTF-8. Strips a UTF-8 BOM.
SourceText readSource(SourceSet& sources, const std::string& path);
// The byte offset of the first NUL byte or invalid UTF-8 sequence in `text`, with what is
// wrong in `problem`; npos when the text is clean. Fast on ASCII (eight bytes at a time).
std::size_t findEncodingError(std::string_view text, std::string_view& problem);

// Same checks for text already in memory (bundled rules, tests).
SourceText checkSource(SourceSet& sources, std::string name, std::string text);

} // namespace borderline
