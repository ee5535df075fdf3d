// `diff --format markdown`: the impact report as a document to paste into a ticket or a wiki.
#include <fmt/format.h>

#include "report/diff_report.hpp"
#include "report/text_format.hpp"

namespace borderline {

namespace {

// Table cells must not break the table; control characters from the input are shown escaped.
std::string cell(std::string_view text) {
  std::string out;
  for (char c : visible(text)) {
    if (c == '|')
      out += "\\|";
    else if (c == '\n')
      out += ' ';
    else
      out += c;
  }
  return out;
}

} // namespace

void writeDiffMarkdown(const DiffReport& report, std::ostream& out) {
  const DiffResult& r = report.result;
  out << "# Regulatory change impact\n\n";
  out << "| | before | after |\n|---|---|---|\n";
  out << fmt::format("| rules | `sha256:{}` | `sha256:{}` |\n",
                     report.before.rules.digest.substr(0, 12),
                     report.after.rules.digest.substr(0, 12));
  out << fmt::format("| as of | {} | {} |\n\n", report.before.date.str(), report.after.date.str());
  out << fmt::format("**{}.**\n\n", diffSummary(r));
  if (!report.unknownChips.empty())
    out << fmt::format("Not in the old chip catalog (evaluated with the new specs): {}.\n\n",
                       fmt::join(report.unknownChips, ", "));
  for (const auto& impact : r.byRule) {
    out << fmt::format("## `{}` ({} workload{})\n\n", impact.rule, impact.workloads.size(),
                       impact.workloads.size() == 1 ? "" : "s");
    if (!impact.title.empty()) out << cell(impact.title) << "\n\n";
    out << "| workload | before | after |\n|---|---|---|\n";
    for (std::size_t i : impact.workloads) {
      const WorkloadDiff& d = r.changed[i];
      out << fmt::format("| {} | {} | {} |\n", cell(d.workload->name), levelName(d.before),
                         levelName(d.after));
    }
    out << '\n';
  }
  out << fmt::format("_borderline {}. Not legal advice._\n", BORDERLINE_VERSION);
}

} // namespace borderline
