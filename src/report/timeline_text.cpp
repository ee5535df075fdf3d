// `timeline` as text: one block per date where something changes.
#include <fmt/format.h>

#include "report/text_format.hpp"
#include "report/timeline_report.hpp"

namespace borderline {

std::string findingStateText(const FindingState& s) {
  if (s.status == FindingStatus::Advisory) return "advisory";
  return fmt::format("{}, {}", levelName(s.level), statusName(s.status));
}

namespace {

void initialState(std::ostream& out, const Timeline& t) {
  out << fmt::format("{}  {}\n", t.from.str(), upperWords(levelName(t.initial)));
  std::vector<std::string> open, other;
  for (const auto& f : t.initialFindings)
    (f.status == FindingStatus::Open ? open : other)
        .push_back(fmt::format("{} ({})", f.rule->id, findingStateText(f)));
  if (!open.empty()) wrapHanging(out, fmt::format("open: {}", fmt::join(open, "; ")), 2, 4);
  if (!other.empty()) wrapHanging(out, fmt::format("also: {}", fmt::join(other, "; ")), 2, 4);
  if (t.initialFindings.empty()) out << "  no findings\n";
  out << '\n';
}

void step(std::ostream& out, const TimelineStep& s) {
  if (s.before != s.after)
    out << fmt::format("{}  {} → {}\n", s.date.str(), upperWords(levelName(s.before)),
                       upperWords(levelName(s.after)));
  else
    out << fmt::format("{}  {} (verdict unchanged; findings change)\n", s.date.str(),
                       upperWords(levelName(s.after)));
  for (const auto& f : s.findings) {
    if (!f.before)
      wrapHanging(out, fmt::format("+ {}  {}", f.after->rule->id, findingStateText(*f.after)), 2,
                  4);
    else if (!f.after)
      wrapHanging(out,
                  fmt::format("− {}  (was {})", f.before->rule->id, findingStateText(*f.before)), 2,
                  4);
    else
      wrapHanging(out,
                  fmt::format("~ {}  {} → {}", f.after->rule->id, findingStateText(*f.before),
                              findingStateText(*f.after)),
                  2, 4);
  }
  if (s.causes.empty()) {
    wrap(out, "(no dated change in the rule packs names these rules; see `explain` on both dates)",
         2);
  } else {
    out << "  because:\n";
    for (const auto& c : s.causes) {
      wrapHanging(out, "• " + c.text, 4, 6);
      if (c.citations)
        for (const auto& cite : *c.citations) wrapHanging(out, "- " + citationLine(cite), 6, 8);
      else
        out << "      at " << visible(c.loc.str()) << '\n';
    }
  }
  out << '\n';
}

} // namespace

void writeTimelineText(const TimelineReport& report, std::ostream& out) {
  out << rulesBanner(report.rules) << "\n\n";
  for (const auto& t : report.timelines) {
    const std::string title = "timeline " + visible(t.workload->name);
    const std::string range = fmt::format("{} .. {}", t.from.str(), t.to.str());
    const std::size_t used = displayWidth(title) + range.size();
    out << title << std::string(used < kTextWidth ? kTextWidth - used : 1, ' ') << range << '\n';
    out << fmt::format("  {} · range: {} · {} dates evaluated\n\n", visible(t.workload->loc.str()),
                       t.range, t.datesEvaluated);
    initialState(out, t);
    for (const auto& s : t.steps) step(out, s);
    const Level last = t.steps.empty() ? t.initial : t.steps.back().after;
    out << fmt::format("{}  end of range: {} · {} change{} in the range\n\n", t.to.str(),
                       upperWords(levelName(last)), t.steps.size(), t.steps.size() == 1 ? "" : "s");
  }
}

} // namespace borderline
