#include "report/text_format.hpp"

#include <algorithm>
#include <sstream>

#include <fmt/format.h>

namespace borderline {

std::size_t displayWidth(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

namespace {

// How many bytes of the control character at s[i] visible() escapes; 0 for any other text.
std::size_t controlLength(std::string_view s, std::size_t i) {
  const auto byte = [&](std::size_t k) {
    return k < s.size() ? static_cast<unsigned char>(s[k]) : 0u;
  };
  const unsigned c = byte(i);
  if (c < 0x20 || c == 0x7f) return 1;
  if (c == 0xc2 && byte(i + 1) >= 0x80 && byte(i + 1) <= 0x9f) return 2; // U+0080-U+009F
  if (c == 0xe2 && byte(i + 1) == 0x80 && (byte(i + 2) == 0xa8 || byte(i + 2) == 0xa9))
    return 3; // U+2028, U+2029
  return 0;
}

// Words of `text` (escaped) laid out after `lead`, which takes `leadWidth` columns of the first
// line; the rest are indented by `restIndent`.
void layOut(std::ostream& out, std::string_view lead, std::size_t leadWidth, std::string_view text,
            std::size_t restIndent) {
  std::istringstream words{visible(text)};
  std::string word, line;
  std::size_t indent = leadWidth;
  bool first = true;
  const auto flush = [&] {
    if (first)
      out << lead;
    else
      out << std::string(indent, ' ');
    out << line << '\n';
    first = false;
  };
  while (words >> word) {
    if (!line.empty() && indent + displayWidth(line) + 1 + displayWidth(word) > kTextWidth) {
      flush();
      line.clear();
      indent = restIndent;
    }
    line += (line.empty() ? "" : " ") + word;
  }
  if (!line.empty()) flush();
}

} // namespace

std::string visible(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t n = controlLength(s, i);
    if (n == 0) {
      out += s[i++];
      continue;
    }
    const auto c = static_cast<unsigned char>(s[i]);
    if (n == 1)
      out += fmt::format("\\x{:02x}", c);
    else if (n == 2)
      out += fmt::format("\\u{:04x}", static_cast<unsigned char>(s[i + 1]));
    else
      out += fmt::format("\\u{:04x}", 0x2000 + static_cast<unsigned char>(s[i + 2]) - 0x80);
    i += n;
  }
  return out;
}

void wrapHanging(std::ostream& out, std::string_view text, std::size_t firstIndent,
                 std::size_t restIndent) {
  layOut(out, std::string(firstIndent, ' '), firstIndent, text, restIndent);
}

void wrapLabelled(std::ostream& out, std::string_view label, std::size_t labelWidth,
                  std::string_view text, std::size_t indent) {
  layOut(out, std::string(indent, ' ') + std::string(label) + ' ', indent + labelWidth + 1, text,
         indent);
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
