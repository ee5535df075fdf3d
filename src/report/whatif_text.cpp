// `whatif` as text.
#include <fmt/format.h>

#include "report/text_format.hpp"
#include "report/whatif_report.hpp"

namespace borderline {

namespace {

std::string kinds(const Candidates& c) {
  std::vector<std::string_view> names;
  for (const auto& change : c.changes) {
    const auto name = changeKindName(change.kind);
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  }
  return names.empty() ? "none" : fmt::format("{}", fmt::join(names, ", "));
}

void suggestion(std::ostream& out, std::size_t n, const Suggestion& s) {
  const std::string number = fmt::format("{}. ", n);
  const std::size_t indent = number.size();
  for (std::size_t i = 0; i < s.changes.size(); ++i) {
    if (i == 0)
      wrapHanging(out, number + s.changes[i].text, 0, indent + 2);
    else
      wrapHanging(out, "+ " + s.changes[i].text, indent, indent + 2);
  }
  std::string result = fmt::format("→ {}", upperWords(levelName(s.verdict)));
  if (!s.cleared.empty()) result += fmt::format(" · clears {}", fmt::join(s.cleared, ", "));
  if (!s.introduced.empty()) result += fmt::format(" · new: {}", fmt::join(s.introduced, ", "));
  wrapHanging(out, result, indent, indent + 2);
  for (const auto& p : s.parts)
    wrapHanging(out,
                fmt::format("split-off part \"{}\" at a site in {}: {}{}", p.name,
                            countryCode(p.site), upperWords(levelName(p.verdict)),
                            p.open.empty() ? "" : fmt::format(" ({})", fmt::join(p.open, ", "))),
                indent, indent + 2);
  out << '\n';
}

void result(std::ostream& out, const WhatIf& r, std::size_t limit) {
  const std::string title = "whatif " + visible(r.workload->name);
  const std::string verdict = upperWords(levelName(r.current));
  const std::size_t used = displayWidth(title) + verdict.size();
  out << title << std::string(used < kTextWidth ? kTextWidth - used : 1, ' ') << verdict << '\n';
  out << "  " << visible(r.workload->loc.str()) << "\n";
  if (r.current == Level::Allowed) {
    out << "  Already ALLOWED: nothing to change.\n\n";
    return;
  }
  wrapHanging(out, fmt::format("open: {}", fmt::join(r.open, ", ")), 2, 4);
  wrapHanging(
      out, fmt::format("fields the open rules read: {}", fmt::join(r.candidates.fieldsRead, ", ")),
      2, 4);
  wrapHanging(
      out,
      fmt::format("searched: {} candidate changes ({}), {} evaluations{}",
                  r.candidates.changes.size(), kinds(r.candidates), r.evaluations,
                  r.budgetExhausted ? " (budget exhausted: larger sets not all tried)" : ""),
      2, 4);
  out << '\n';
  if (!r.improves) {
    wrap(
        out,
        fmt::format("No set of up to {} change{} improves the verdict: {} stays. See `explain` for "
                    "what each open rule needs.",
                    r.maxChanges, r.maxChanges == 1 ? "" : "s", upperWords(levelName(r.current))),
        0);
    if (r.suggestions.empty()) {
      out << '\n';
      return;
    }
    out << fmt::format(
        "\nSets of {} change{} that clear the most open rules without opening others:\n\n", r.size,
        r.size == 1 ? "" : "s");
  } else {
    out << fmt::format("{} way{} to reach {}{} with {} change{}:\n\n", r.suggestions.size(),
                       r.suggestions.size() == 1 ? "" : "s", upperWords(levelName(r.best)),
                       r.best == Level::Allowed ? "" : " (the least severe verdict found)", r.size,
                       r.size == 1 ? "" : "s");
  }
  for (std::size_t i = 0; i < r.suggestions.size() && i < limit; ++i)
    suggestion(out, i + 1, r.suggestions[i]);
  if (r.suggestions.size() > limit)
    out << fmt::format("... and {} more (--limit, or --format json for all)\n\n",
                       r.suggestions.size() - limit);
}

} // namespace

void writeWhatIfText(const WhatIfReport& report, std::ostream& out) {
  out << rulesBanner(report.rules) << " · as of " << report.asOf.str() << "\n\n";
  for (const auto& r : report.results) result(out, r, report.limit);
  wrap(out,
       "Each suggestion was evaluated by the engine on a changed copy of the workload; it is not "
       "legal advice, and a change may have consequences the rules do not model.",
       0);
}

} // namespace borderline
