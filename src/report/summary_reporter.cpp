#include "report/summary_reporter.hpp"

#include <algorithm>
#include <numeric>

#include <fmt/format.h>

#include "evaluate/render.hpp"
#include "report/text_format.hpp"
#include "report/text_reporter.hpp"

namespace borderline {

namespace {

constexpr std::size_t kTopCountries = 15;

std::string count(std::uint64_t n) {
  return formatNumber(static_cast<double>(n));
}

std::string percent(std::uint64_t n, std::uint64_t total) {
  return total ? fmt::format("{:.1f}%", 100.0 * static_cast<double>(n) / static_cast<double>(total))
               : "-";
}

std::uint64_t sum(const VerdictCounts& c) {
  return std::accumulate(c.begin(), c.end(), std::uint64_t{0});
}

// One table of verdict counts per label; `last` names the fourth column.
std::string table(std::string_view title, std::string_view last,
                  const std::vector<std::pair<std::string, VerdictCounts>>& rows) {
  if (rows.empty()) return {};
  std::string out = fmt::format("{}\n  {:<24}{:>12}{:>12}{:>12}{:>12}{:>14}\n", title, "", "total",
                                "prohibited", "auth. req.", "review", last);
  for (const auto& [label, c] : rows)
    out += fmt::format("  {:<24}{:>12}{:>12}{:>12}{:>12}{:>14}\n", label, count(sum(c)),
                       count(c[0]), count(c[1]), count(c[2]), count(c[3]));
  return out + '\n';
}

} // namespace

void SummaryReporter::end(const Tally& t, Sink out) {
  std::string s = textHeader(rules(), ctx_.asOf) + "\n\n";
  const auto inEffect = std::count_if(rules().rules.begin(), rules().rules.end(),
                                      [&](const Rule& r) { return r.appliesOn(ctx_.asOf); });
  s += fmt::format("audit of {}: {} workload{}, {} rules in effect\n", visible(t.sourcesText()),
                   count(t.workloads), t.workloads == 1 ? "" : "s", inEffect);
  if (t.invalidWorkloads)
    s += fmt::format("  {} invalid workload{} ({} row{}) skipped: not judged, listed on stderr\n",
                     count(t.invalidWorkloads), t.invalidWorkloads == 1 ? "" : "s",
                     count(t.invalidRows), t.invalidRows == 1 ? "" : "s");
  s += '\n';
  for (int b = 0; b < kVerdictBuckets; ++b) {
    const auto n = t.verdicts[static_cast<std::size_t>(b)];
    std::string label(levelName(bucketVerdict(b)));
    std::replace(label.begin(), label.end(), '-', ' ');
    s += fmt::format("  {:<26}{:>14}{:>9}\n", label, count(n), percent(n, t.workloads));
  }
  s += '\n';

  std::vector<std::pair<std::string, VerdictCounts>> rows;
  for (std::size_t i = 0; i < t.jurisdictions.size(); ++i)
    if (sum(t.byJurisdiction[i])) rows.emplace_back(t.jurisdictions[i], t.byJurisdiction[i]);
  s += table("by jurisdiction (workloads with findings, by their worst open finding)",
             "nothing open", rows);
  rows.clear();
  for (std::size_t g = 0; g < t.byRegime.size(); ++g)
    if (sum(t.byRegime[g]))
      rows.emplace_back(kRegimeDomain.name(static_cast<std::uint8_t>(g)), t.byRegime[g]);
  s += table("by regime", "nothing open", rows);
  rows.clear();
  for (int c = 0; c < kCountryCount; ++c)
    if (sum(t.bySiteCountry[static_cast<std::size_t>(c)]))
      rows.emplace_back(fmt::format("{} {}", countryCode(static_cast<CountryId>(c)),
                                    countryName(static_cast<CountryId>(c))),
                        t.bySiteCountry[static_cast<std::size_t>(c)]);
  // Most workloads first; ties in code order (stable), so the table is deterministic.
  std::stable_sort(rows.begin(), rows.end(),
                   [](const auto& a, const auto& b) { return sum(a.second) > sum(b.second); });
  const std::size_t countries = rows.size();
  if (rows.size() > kTopCountries) rows.resize(kTopCountries);
  for (auto& row : rows)
    if (row.first.size() > 23) row.first = row.first.substr(0, 22) + "…";
  s += table(countries > kTopCountries
                 ? fmt::format("by site country (top {} of {})", kTopCountries, countries)
                 : std::string("by site country"),
             "allowed", rows);

  // Rules by open findings, then by all findings; ties in rule order.
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < t.byRule.size(); ++i)
    if (t.byRule[i].total()) order.push_back(i);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const auto& x = t.byRule[a].byStatus;
    const auto& y = t.byRule[b].byStatus;
    return x[0] != y[0] ? x[0] > y[0] : t.byRule[a].total() > t.byRule[b].total();
  });
  if (!order.empty()) {
    s += fmt::format("by rule (findings)\n  {:>12}{:>12}{:>12}{:>12}  {}\n", "open", "satisfied",
                     "waived", "advisory", "rule");
    for (std::size_t i : order) {
      const auto& c = t.byRule[i].byStatus;
      s += fmt::format("  {:>12}{:>12}{:>12}{:>12}  {}\n", count(c[0]), count(c[1]), count(c[2]),
                       count(c[3]), rules().rules[i].id);
    }
    s += '\n';
  }
  std::vector<std::string> parts;
  for (int b = 0; b < kVerdictBuckets; ++b)
    if (auto n = t.verdicts[static_cast<std::size_t>(b)]) {
      std::string label(levelName(bucketVerdict(b)));
      std::replace(label.begin(), label.end(), '-', ' ');
      parts.push_back(fmt::format("{} {}", count(n), label));
    }
  s += fmt::format("{} workload{}: {}\n", count(t.workloads), t.workloads == 1 ? "" : "s",
                   fmt::join(parts, ", "));
  out(s);
}

} // namespace borderline
