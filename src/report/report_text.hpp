#pragma once
// Plain-text pieces that several reporters print the same way (text, JUnit, Markdown, SARIF).
#include <string>
#include <string_view>

#include "compile/rules.hpp"
#include "model/enums.hpp"

namespace borderline {

// "AUTHORIZATION REQUIRED" for authorization-required.
std::string upperLevel(Level level);

// "ref, title (published) [secondary]": provenance is shown unless primary.
std::string citationLine(const Citation& citation);

// Whether every citation of the rule is unverified (reports must say so).
bool allCitationsUnverified(const Rule& rule);

// "borderline 0.1.0 · rules sha256:3f2a9c… (6 packs, reviewed 2026-11-20 or later) · as of D"
std::string reportHeader(const CompiledRules& rules, Date asOf);

} // namespace borderline
