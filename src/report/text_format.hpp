#pragma once
// Text layout shared by every text output (check, explain, timeline, diff, whatif, screen,
// lint): the 80-column wrap, citation lines and the header naming the rules and the date.
#include <ostream>
#include <string>
#include <string_view>

#include "compile/rules.hpp"

namespace borderline {

inline constexpr std::size_t kTextWidth = 80;

// Text from the input as a terminal shows it harmlessly: C0 controls (newline and tab too: the
// layout writes its own), DEL, C1 controls (U+0080-U+009F) and U+2028/U+2029 become visible
// escapes (`\x1b`, `\u009b`, `\u2028`), so a manifest's value cannot move the cursor, clear the
// screen, retitle the terminal or start a line of its own in a report. Other text is unchanged.
std::string visible(std::string_view s);

// Display width of UTF-8 text (code points; good enough for the symbols used here).
std::size_t displayWidth(std::string_view s);
// Word-wraps `text` at kTextWidth with every line indented by `indent`. The text goes through
// visible(): wrapped text always carries values from the input (messages, names, reasons).
void wrap(std::ostream& out, std::string_view text, std::size_t indent);
// Same, with a different indent for the first line (e.g. a bullet) and the rest.
void wrapHanging(std::ostream& out, std::string_view text, std::size_t firstIndent,
                 std::size_t restIndent);
// Same after `label`, written as is (it may hold the report's own colour codes) and counted as
// `labelWidth` columns, then a space; the following lines are indented by `indent`.
void wrapLabelled(std::ostream& out, std::string_view label, std::size_t labelWidth,
                  std::string_view text, std::size_t indent);
// "AUTHORIZATION REQUIRED" for "authorization-required".
std::string upperWords(std::string_view s);
// "ref, title (published) [provenance]"; provenance only when not primary.
std::string citationLine(const Citation& c);
// Whether every citation of the rule is unverified (reports must say so).
bool allCitationsUnverified(const Rule& rule);
// "borderline 0.1.0 · rules sha256:3f2a9c… (6 packs, reviewed ... or later)"
std::string rulesBanner(const CompiledRules& rules);

} // namespace borderline
