// `diff` as text: the summary, then one block per responsible rule with its workloads.
#include <fmt/format.h>

#include "report/diff_report.hpp"
#include "report/text_format.hpp"

namespace borderline {

std::string sideText(const DiffSide& side) {
  return fmt::format("rules sha256:{}… as of {}", side.rules.digest.substr(0, 6), side.date.str());
}

std::string diffSummary(const DiffResult& r) {
  std::string out = fmt::format("{} of {} workload{} change{} verdict ({} worse, {} better)",
                                r.changed.size(), r.workloads, r.workloads == 1 ? "" : "s",
                                r.changed.size() == 1 ? "s" : "", r.worse(), r.better());
  if (r.findingsOnly)
    out += fmt::format("; {} more change{} findings only", r.findingsOnly,
                       r.findingsOnly == 1 ? "s" : "");
  return out;
}

void writeDiffText(const DiffReport& report, std::ostream& out) {
  const DiffResult& r = report.result;
  out << rulesBanner(report.after.rules) << "\n\n";
  out << "diff\n  before: " << sideText(report.before) << "\n  after:  " << sideText(report.after)
      << "\n";
  if (!report.unknownChips.empty())
    wrap(out,
         fmt::format("(not in the old chip catalog, evaluated with the new specs: {})",
                     fmt::join(report.unknownChips, ", ")),
         2);
  out << '\n' << diffSummary(r) << "\n\n";
  std::size_t nameWidth = 0;
  for (const auto& d : r.changed)
    nameWidth = std::max(nameWidth, displayWidth(visible(d.workload->name)));
  for (const auto& impact : r.byRule) {
    out << fmt::format("{}  ({} workload{}: {} worse, {} better)\n", impact.rule,
                       impact.workloads.size(), impact.workloads.size() == 1 ? "" : "s",
                       impact.worse, impact.better);
    if (!impact.title.empty()) wrap(out, impact.title, 2);
    for (std::size_t i : impact.workloads) {
      const WorkloadDiff& d = r.changed[i];
      const std::string name = visible(d.workload->name);
      out << fmt::format("  {}{}  {} → {}\n", name,
                         std::string(nameWidth - displayWidth(name), ' '),
                         upperWords(levelName(d.before)), upperWords(levelName(d.after)));
    }
    out << '\n';
  }
}

} // namespace borderline
