// `rules lint` as text.
#include <fmt/format.h>

#include "report/lint_report.hpp"

namespace borderline {

void writeLintText(const CompiledRules& rules, const LintResult& lint, std::ostream& out) {
  for (const auto& i : lint.issues)
    out << fmt::format("{}: {}: [{}] {}\n", i.loc.str(), severityName(i.severity), i.check,
                       i.message);
  out << fmt::format("rules lint: {} error{}, {} warning{}, {} note{} · {} pack{}, {} rules, {} "
                     "classifications, {} groups, {} chips, {} citations checked\n",
                     lint.count(Severity::Error), lint.count(Severity::Error) == 1 ? "" : "s",
                     lint.count(Severity::Warning), lint.count(Severity::Warning) == 1 ? "" : "s",
                     lint.count(Severity::Note), lint.count(Severity::Note) == 1 ? "" : "s",
                     rules.packs.size(), rules.packs.size() == 1 ? "" : "s", lint.rules,
                     lint.classifications, lint.groups, lint.chips, lint.citations);
}

} // namespace borderline
