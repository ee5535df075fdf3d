#pragma once
// Where a value came from, so every error and every finding can point at the input.
#include <cstdint>
#include <string>
#include <string_view>

namespace borderline {

struct Location {
  std::string_view file;    // owned by the SourceSet that loaded it; empty = unknown
  std::uint32_t line = 0;   // 1-based; 0 = whole file
  std::uint32_t column = 0; // 1-based; 0 = whole line

  bool known() const { return !file.empty(); }
  std::string str() const; // "file:line:column", omitting what is unknown
};

} // namespace borderline
