#include "report/text_reporter.hpp"

#include "report/text_format.hpp"

#include <algorithm>
#include <sstream>

#include <fmt/format.h>

namespace borderline {

namespace {

class Style {
public:
  explicit Style(bool color) : color_(color) {}
  std::string operator()(std::string_view text, std::string_view code) const {
    if (!color_) return std::string(text);
    return fmt::format("\x1b[{}m{}\x1b[0m", code, text);
  }
  std::string level(Level l, std::string_view text) const {
    switch (l) {
    case Level::Prohibited:
      return (*this)(text, "1;31");
    case Level::AuthorizationRequired:
      return (*this)(text, "1;33");
    case Level::Review:
      return (*this)(text, "1;35");
    case Level::Allowed:
      return (*this)(text, "1;32");
    default:
      return (*this)(text, "2");
    }
  }

private:
  bool color_;
};

std::string_view symbol(Level verdict) {
  switch (verdict) {
  case Level::Allowed:
    return "✓";
  case Level::Review:
    return "?";
  default:
    return "✗";
  }
}

void writeFinding(std::ostream& out, const Finding& f, const Style& style) {
  std::string label;
  switch (f.status) {
  case FindingStatus::Open:
    label = style.level(f.level, upperWords(levelName(f.level)));
    break;
  case FindingStatus::Advisory:
    label = style("advisory", "2");
    break;
  default:
    label = style(fmt::format("{} ({})", statusName(f.status), levelName(f.level)), "32");
    break;
  }
  out << "  " << label << "  " << f.rule->id << '\n';
  wrap(out, f.message, 4);
  if (!f.remediation.empty() && f.status == FindingStatus::Open) wrap(out, "→ " + f.remediation, 4);
  if (!f.statusReason.empty()) wrap(out, "• " + f.statusReason, 4);
  for (const auto& c : f.rule->citations) wrap(out, citationLine(c), 4);
  if (allCitationsUnverified(*f.rule)) wrap(out, "(every citation of this rule is unverified)", 4);
  if (f.location.known()) out << "    at " << visible(f.location.str()) << '\n';
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

void writeBody(std::ostream& out, const Result& r, const Style& style) {
  for (const auto& f : r.findings) writeFinding(out, f, style);
  for (const auto& n : r.notices) {
    wrapLabelled(out, style("note:", "1;36"), displayWidth("note:"), n.message, 2);
    out << "    at " << visible(n.loc.str()) << "\n\n";
  }
}

} // namespace

void writeResultBody(std::ostream& out, const Result& result) {
  writeBody(out, result, Style(false));
}

std::string textHeader(const CompiledRules& rules, Date asOf) {
  return fmt::format("{} · as of {}", rulesBanner(rules), asOf.str());
}

void TextReporter::write(const Report& report, std::ostream& out) const {
  const Style style(color_);
  out << textHeader(report.rules, report.asOf) << "\n\n";
  for (const auto& r : report.results) {
    const std::string verdict = upperWords(levelName(r.verdict));
    const std::string name = fmt::format("{} {}", symbol(r.verdict), visible(r.workload->name));
    const std::size_t gap = kTextWidth > displayWidth(name) + verdict.size() + 1
                                ? kTextWidth - displayWidth(name) - verdict.size()
                                : 1;
    out << style.level(r.verdict, name) << std::string(gap, ' ') << style.level(r.verdict, verdict)
        << '\n';
    out << "  " << visible(r.workload->loc.str()) << "\n\n";
    writeBody(out, r, style);
  }
  out << summaryLine(summarize(report.results)) << '\n';
}

} // namespace borderline
