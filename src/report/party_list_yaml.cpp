#include "report/party_list_yaml.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace borderline {

std::string yamlQuoted(std::string_view s) {
  std::string out = "\"";
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    // YAML folds NEL, LS and PS like line breaks, and a BOM is not content: escape them.
    const auto at = [&](std::string_view seq) { return s.substr(i, seq.size()) == seq; };
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20 || c == 0x7F) {
      out += fmt::format("\\u{:04X}", c);
    } else if (at("\xC2\x85")) {
      out += "\\N", ++i;
    } else if (at("\xE2\x80\xA8") || at("\xE2\x80\xA9")) {
      out += s[i + 2] == '\xA8' ? "\\L" : "\\P", i += 2;
    } else if (at("\xEF\xBB\xBF")) {
      out += "\\uFEFF", i += 2;
    } else {
      out += static_cast<char>(c);
    }
  }
  out += '"';
  return out;
}

namespace {

std::string quotedList(const std::vector<std::string>& items) {
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + yamlQuoted(items[i]);
  return out + "]";
}

} // namespace

std::string partyListYaml(const PackInfo& info, std::string_view notes,
                          std::vector<PartyEntry>& entries, std::string_view file) {
  std::string out = "apiVersion: borderline/v1\nkind: PartyList\nmetadata:\n";
  out += "  name: " + yamlQuoted(info.name) + "\n";
  out += "  title: " + yamlQuoted(info.title) + "\n";
  if (!info.jurisdiction.empty()) out += "  jurisdiction: " + yamlQuoted(info.jurisdiction) + "\n";
  out += "  version: " + yamlQuoted(info.version) + "\n";
  if (info.reviewed) out += "  reviewed: " + info.reviewed->str() + "\n";
  if (info.listDate) out += "  listDate: " + info.listDate->str() + "\n";
  if (!notes.empty()) out += "  notes: " + yamlQuoted(notes) + "\n";
  out += "parties:\n";
  std::uint32_t line = static_cast<std::uint32_t>(std::count(out.begin(), out.end(), '\n')) + 1;
  for (auto& e : entries) {
    e.loc = {file, line, 5};
    std::string block = "  - name: " + yamlQuoted(e.name) + "\n";
    if (!e.aliases.empty()) block += "    aliases: " + quotedList(e.aliases) + "\n";
    if (e.country) block += "    country: " + std::string(countryCode(*e.country)) + "\n";
    if (e.listed) block += "    listed: " + e.listed->str() + "\n";
    if (e.removed) block += "    removed: " + e.removed->str() + "\n";
    if (!e.source.empty()) block += "    source: " + yamlQuoted(e.source) + "\n";
    if (!e.licenseRequirement.empty())
      block += "    licenseRequirement: " + yamlQuoted(e.licenseRequirement) + "\n";
    if (!e.licensePolicy.empty())
      block += "    licensePolicy: " + yamlQuoted(e.licensePolicy) + "\n";
    if (!e.notes.empty()) block += "    notes: " + yamlQuoted(e.notes) + "\n";
    block += "    citations:\n";
    for (const auto& c : e.citations) {
      block += "      - {ref: " + yamlQuoted(c.ref);
      if (!c.title.empty()) block += ", title: " + yamlQuoted(c.title);
      if (!c.published.empty()) block += ", published: " + yamlQuoted(c.published);
      if (!c.url.empty()) block += ", url: " + yamlQuoted(c.url);
      if (!c.note.empty()) block += ", note: " + yamlQuoted(c.note);
      block += fmt::format(", provenance: {}}}\n",
                           kProvenanceDomain.name(static_cast<std::uint8_t>(c.provenance)));
    }
    line += static_cast<std::uint32_t>(std::count(block.begin(), block.end(), '\n'));
    out += block;
  }
  return out;
}

} // namespace borderline
