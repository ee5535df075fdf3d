#pragma once
// Text layout shared by every text output (check, explain, timeline, diff, whatif, screen,
// lint): the 80-column wrap, citation lines and the header naming the rules and the date.
#include <ostream>
#include <string>
#include <string_view>

#include "compile/rules.hpp"

namespace borderline {

inline constexpr std::size_t kTextWidth = 80;

// Display width of UTF-8 text (code points; good enough for the symbols used here).
std::size_t displayWidth(std::string_view s);
// Word-wraps `text` at kTextWidth with every line indented by `indent`.
void wrap(std::ostream& out, std::string_view text, std::size_t indent);
// Same, with a different indent for the first line (e.g. a bullet) and the rest.
void wrapHanging(std::ostream& out, std::string_view text, std::size_t firstIndent,
                 std::size_t restIndent);
// "AUTHORIZATION REQUIRED" for "authorization-required".
std::string upperWords(std::string_view s);
// "ref, title (published) [provenance]"; provenance only when not primary.
std::string citationLine(const Citation& c);
// Whether every citation of the rule is unverified (reports must say so).
bool allCitationsUnverified(const Rule& rule);
// "borderline 0.1.0 · rules sha256:3f2a9c… (6 packs, reviewed ... or later)"
std::string rulesBanner(const CompiledRules& rules);

} // namespace borderline
