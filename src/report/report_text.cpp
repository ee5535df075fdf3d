#include "report/report_text.hpp"

#include <fmt/format.h>

namespace borderline {

std::string upperLevel(Level level) {
  std::string out;
  for (char c : levelName(level))
    out += c == '-' ? ' ' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::string citationLine(const Citation& c) {
  std::string out = c.ref;
  if (!c.title.empty()) out += ", " + c.title;
  if (!c.published.empty()) out += " (" + c.published + ")";
  if (c.provenance != Provenance::Primary)
    out += fmt::format(" [{}]", kProvenanceDomain.name(static_cast<std::uint8_t>(c.provenance)));
  return out;
}

bool allCitationsUnverified(const Rule& rule) {
  for (const auto& c : rule.citations)
    if (c.provenance != Provenance::Unverified) return false;
  return true;
}

std::string reportHeader(const CompiledRules& rules, Date asOf) {
  std::optional<Date> oldest;
  int packs = 0;
  for (const auto& p : rules.packs) {
    ++packs;
    if (p->reviewed && (!oldest || *p->reviewed < *oldest)) oldest = p->reviewed;
  }
  return fmt::format("borderline {} · rules sha256:{}… ({} packs{}) · as of {}", BORDERLINE_VERSION,
                     rules.digest.substr(0, 6), packs,
                     oldest ? ", reviewed " + oldest->str() + " or later" : "", asOf.str());
}

} // namespace borderline
