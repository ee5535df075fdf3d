#pragma once
// Encoding one Unicode code point as UTF-8, shared by the JSON reader (\u escapes) and name
// normalisation (folded characters).
#include <string>

namespace borderline {

// Appends `cp` (at most U+10FFFF; callers pass valid code points) as 1 to 4 UTF-8 bytes.
void appendUtf8(std::string& out, char32_t cp);

} // namespace borderline
