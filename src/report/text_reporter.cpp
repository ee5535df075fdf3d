#include "report/text_reporter.hpp"

#include <algorithm>
#include <sstream>

#include <fmt/format.h>

namespace borderline {

namespace {

constexpr std::size_t kWidth = 80;

class Style {
public:
  explicit Style(bool color) : color_(color) {}
  std::string operator()(std::string_view text, std::string_view code) const {
    if (!color_) return std::string(text);
    return fmt::format("\x1b[{}m{}\x1b[0m", code, text);
  }
  std::string level(Level l, std::string_view text) const {
    switch (l) {
    case Level::Prohibited: return (*this)(text, "1;31");
    case Level::AuthorizationRequired: return (*this)(text, "1;33");
    case Level::Review: return (*this)(text, "1;35");
    case Level::Allowed: return (*this)(text, "1;32");
    default: return (*this)(text, "2");
    }
  }

private:
  bool color_;
};

std::string upper(std::string_view s) {
  std::string out;
  for (char c : s) out += c == '-' ? ' ' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// Display width of UTF-8 text (code points; good enough for the symbols used here).
std::size_t width(std::string_view s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// Word-wraps `text` at kWidth with every line indented by `indent`.
void wrap(std::ostream& out, std::string_view text, std::size_t indent) {
  std::istringstream words{std::string(text)};
  std::string word, line;
  const std::string pad(indent, ' ');
  while (words >> word) {
    if (!line.empty() && indent + width(line) + 1 + width(word) > kWidth) {
      out << pad << line << '\n';
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
  }
  if (!line.empty()) out << pad << line << '\n';
}

std::string citationLine(const Citation& c) {
  std::string out = c.ref;
  if (!c.title.empty()) out += ", " + c.title;
  if (!c.published.empty()) out += " (" + c.published + ")";
  if (c.provenance != Provenance::Primary)
    out += fmt::format(" [{}]", kProvenanceDomain.name(static_cast<std::uint8_t>(c.provenance)));
  return out;
}

std::string_view symbol(Level verdict) {
  switch (verdict) {
  case Level::Allowed: return "✓";
  case Level::Review: return "?";
  default: return "✗";
  }
}

void writeFinding(std::ostream& out, const Finding& f, const Style& style) {
  std::string label;
  switch (f.status) {
  case FindingStatus::Open: label = style.level(f.level, upper(levelName(f.level))); break;
  case FindingStatus::Advisory: label = style("advisory", "2"); break;
  default:
    label = style(fmt::format("{} ({})", statusName(f.status), levelName(f.level)), "32");
    break;
  }
  out << "  " << label << "  " << f.rule->id << '\n';
  wrap(out, f.message, 4);
  if (!f.remediation.empty() && f.status == FindingStatus::Open) wrap(out, "→ " + f.remediation, 4);
  if (!f.statusReason.empty()) wrap(out, "• " + f.statusReason, 4);
  bool allUnverified = true;
  for (const auto& c : f.rule->citations) {
    wrap(out, citationLine(c), 4);
    allUnverified = allUnverified && c.provenance == Provenance::Unverified;
  }
  if (allUnverified) wrap(out, "(every citation of this rule is unverified)", 4);
  if (f.location.known()) out << "    at " << f.location.str() << '\n';
  out << '\n';
}


std::string summaryLine(const Summary& s) {
  std::vector<std::string> parts;
  auto add = [&](int n, std::string_view what) {
    if (n) parts.push_back(fmt::format("{} {}", n, what));
  };
  add(s.prohibited, "prohibited");
  add(s.authorizationRequired, "authorization required");
  add(s.review, "review");
  add(s.allowed, "allowed");
  return fmt::format("{} workload{}: {}", s.workloads, s.workloads == 1 ? "" : "s",
                     fmt::join(parts, ", "));
}

}  // namespace

std::string textHeader(const CompiledRules& rules, Date asOf) {
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

void TextReporter::write(const Report& report, std::ostream& out) const {
  const Style style(color_);
  out << textHeader(report.rules, report.asOf) << "\n\n";
  for (const auto& r : report.results) {
    const std::string verdict = upper(levelName(r.verdict));
    const std::string name = fmt::format("{} {}", symbol(r.verdict), r.workload->name);
    const std::size_t gap = kWidth > width(name) + verdict.size() + 1
                                ? kWidth - width(name) - verdict.size()
                                : 1;
    out << style.level(r.verdict, name) << std::string(gap, ' ') << style.level(r.verdict, verdict)
        << '\n';
    out << "  " << r.workload->loc.str() << "\n\n";
    for (const auto& f : r.findings) writeFinding(out, f, style);
    for (const auto& n : r.notices) {
      wrap(out, style("note:", "1;36") + " " + n.message, 2);
      out << "    at " << n.loc.str() << "\n\n";
    }
  }
  out << summaryLine(summarize(report.results)) << '\n';
}

}  // namespace borderline
