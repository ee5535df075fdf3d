#include "report/text_format.hpp"

#include <algorithm>
#include <sstream>

#include <fmt/format.h>

namespace borderline {

std::size_t displayWidth(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

void wrapHanging(std::ostream& out, std::string_view text, std::size_t firstIndent,
                 std::size_t restIndent) {
  std::istringstream words{std::string(text)};
  std::string word, line;
  std::size_t indent = firstIndent;
  while (words >> word) {
    if (!line.empty() && indent + displayWidth(line) + 1 + displayWidth(word) > kTextWidth) {
      out << std::string(indent, ' ') << line << '\n';
      line.clear();
      indent = restIndent;
    }
    line += (line.empty() ? "" : " ") + word;
  }
  if (!line.empty()) out << std::string(indent, ' ') << line << '\n';
}

void wrap(std::ostream& out, std::string_view text, std::size_t indent) {
  wrapHanging(out, text, indent, indent);
}

std::string upperWords(std::string_view s) {
  std::string out;
  for (char c : s)
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

std::string rulesBanner(const CompiledRules& rules) {
  std::optional<Date> oldest;
  int packs = 0;
  for (const auto& p : rules.packs) {
    ++packs;
    if (p->reviewed && (!oldest || *p->reviewed < *oldest)) oldest = p->reviewed;
  }
  std::string lists; // imported party lists state the date of their data
  for (const auto& p : rules.packs)
    if (p->listDate) lists += fmt::format(" · list {} of {}", p->name, p->listDate->str());
  return fmt::format("borderline {} · rules sha256:{}… ({} packs{}){}", BORDERLINE_VERSION,
                     rules.digest.substr(0, 6), packs,
                     oldest ? ", reviewed " + oldest->str() + " or later" : "", lists);
}

} // namespace borderline
