#include "report/markdown_reporter.hpp"

#include <fmt/format.h>

#include "report/text_format.hpp"

namespace borderline {

namespace {

// Inline text: control characters and line breaks become visible escapes (visible()), and then
// every character Markdown or HTML could read as markup is backslash-escaped (CommonMark allows
// that for any ASCII punctuation), so a value from a manifest stays one piece of plain text
// inside a paragraph or a table cell.
std::string text(std::string_view s) {
  std::string out;
  for (char c : visible(s)) {
    if (std::string_view("\\`*_[]<>|~#!&").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

// A code span that holds any text (control characters and line breaks shown escaped by
// visible()): the fence is one backtick longer than the longest run of backticks inside, padded
// with spaces when the text starts or ends with one.
std::string code(std::string_view s) {
  std::size_t longest = 0, run = 0;
  std::string flat;
  for (char c : visible(s)) {
    flat += c;
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  const std::string fence(longest + 1, '`');
  const bool pad = !flat.empty() && (flat.front() == '`' || flat.back() == '`');
  return fence + (pad ? " " : "") + flat + (pad ? " " : "") + fence;
}

// URLs come from rule packs; only http(s) ones become links, with ( ) and spaces encoded.
std::string link(std::string_view label, std::string_view url) {
  if (!url.starts_with("https://") && !url.starts_with("http://"))
    return label.empty() ? "" : std::string(label);
  std::string target;
  for (char c : url) {
    if (c == '(' || c == ')' || c == ' ' || c == '<' || c == '>')
      target += fmt::format("%{:02X}", static_cast<unsigned char>(c));
    else
      target += c;
  }
  return fmt::format("[{}]({})", label, target);
}

std::string_view icon(Level verdict) {
  switch (verdict) {
  case Level::Prohibited:
    return "⛔";
  case Level::AuthorizationRequired:
    return "❌";
  case Level::Review:
    return "⚠️";
  default:
    return "✅";
  }
}

std::string headline(std::span<const Result> results, std::optional<Level> failOn) {
  const auto failing = std::count_if(results.begin(), results.end(),
                                     [&](const Result& r) { return failsGate(r.verdict, failOn); });
  if (!failOn)
    return fmt::format("## borderline: {} workload{} checked", results.size(),
                       results.size() == 1 ? "" : "s");
  if (failing == 0)
    return fmt::format("## ✅ borderline: no workload at or above {} ({} checked)",
                       levelName(*failOn), results.size());
  return fmt::format("## ❌ borderline: {} of {} workloads at or above {}", failing, results.size(),
                     levelName(*failOn));
}

void summaryTable(std::ostream& out, std::span<const Result> results) {
  out << "| | Workload | Verdict | Open findings | Manifest |\n";
  out << "|:-:|---|---|---|---|\n";
  for (const auto& r : results) {
    std::vector<std::string> open;
    for (const auto& f : r.findings)
      if (f.status == FindingStatus::Open) open.push_back(code(f.rule->id));
    out << fmt::format("| {} | {} | {} | {} | {} |\n", icon(r.verdict), code(r.workload->name),
                       r.verdict == Level::Allowed ? "allowed"
                                                   : "**" + upperWords(levelName(r.verdict)) + "**",
                       fmt::join(open, "<br>"), code(r.workload->loc.str()));
  }
}

void openFinding(std::ostream& out, const Finding& f) {
  out << fmt::format("#### {} · {}\n\n", upperWords(levelName(f.level)), code(f.rule->id));
  out << "**" << text(f.rule->title) << "**\n\n";
  out << text(f.message) << "\n\n";
  if (!f.remediation.empty()) out << "**What to do:** " << text(f.remediation) << "\n\n";
  if (!f.statusReason.empty()) out << "*" << text(f.statusReason) << "*\n\n";
  for (const auto& c : f.rule->citations)
    out << "- " << (c.url.empty() ? text(citationLine(c)) : link(text(citationLine(c)), c.url))
        << "\n";
  if (allCitationsUnverified(*f.rule)) out << "- *every citation of this rule is unverified*\n";
  out << "\n";
  if (f.location.known()) out << "At " << code(f.location.str()) << "\n\n";
}

void otherFindings(std::ostream& out, const Result& r) {
  std::vector<const Finding*> others;
  for (const auto& f : r.findings)
    if (f.status != FindingStatus::Open) others.push_back(&f);
  if (others.empty()) return;
  out << fmt::format("<details><summary>{} satisfied, waived or advisory finding{}</summary>\n\n",
                     others.size(), others.size() == 1 ? "" : "s");
  for (const Finding* f : others) {
    out << fmt::format("- **{}** {} — {}", statusName(f->status), code(f->rule->id),
                       text(f->message));
    if (!f->statusReason.empty()) out << " *" << text(f->statusReason) << "*";
    out << "\n";
  }
  out << "\n</details>\n\n";
}

} // namespace

void MarkdownReporter::write(const Report& report, std::ostream& out) const {
  out << headline(report.results, failOn_) << "\n\n";
  out << text(rulesBanner(report.rules)) << " · as of " << report.asOf.str() << " · fail on "
      << (failOn_ ? levelName(*failOn_) : "never") << "\n\n";
  summaryTable(out, report.results);
  for (const auto& r : report.results) {
    if (r.findings.empty() && r.notices.empty()) continue;
    out << fmt::format("\n### {} {} — {}\n\n", icon(r.verdict), code(r.workload->name),
                       upperWords(levelName(r.verdict)));
    out << code(r.workload->loc.str()) << "\n\n";
    for (const auto& f : r.findings)
      if (f.status == FindingStatus::Open) openFinding(out, f);
    otherFindings(out, r);
    for (const auto& n : r.notices)
      out << "> **Note:** " << text(n.message) << " (" << code(n.loc.str()) << ")\n\n";
  }
}

} // namespace borderline
