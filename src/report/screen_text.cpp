// `screen` as text: for each name, the matches in force first, then those listed later or
// removed.
#include <fmt/format.h>

#include "report/screen_report.hpp"
#include "report/text_format.hpp"

namespace borderline {

namespace {

void match(std::ostream& out, const CompiledRules& rules, const NameMatch& m) {
  const PartyEntry& e = *m.entry;
  const std::string_view level = m.exact ? "exact"
                                 : screening::matchLevel(m.score) == screening::MatchLevel::Probable
                                     ? "probable"
                                     : "potential";
  out << fmt::format("  {:>3}  {:<9}  {}\n", m.score, level, visible(e.name));
  std::vector<std::string> facts;
  facts.push_back(rules.partyLists[static_cast<std::size_t>(e.list)]);
  if (!e.source.empty()) facts.push_back(e.source);
  if (m.matched != e.name) facts.push_back(fmt::format("matched alias \"{}\"", m.matched));
  if (e.country) facts.push_back(fmt::format("country {}", countryCode(*e.country)));
  facts.push_back(e.listed ? "listed " + e.listed->str() : "listing date not in the source");
  if (e.removed) facts.push_back("removed after " + e.removed->str());
  wrapHanging(out, fmt::format("{}", fmt::join(facts, " · ")), 17, 19);
  if (!e.licenseRequirement.empty())
    wrapHanging(out, "licence requirement: " + e.licenseRequirement, 17, 19);
  if (!e.licensePolicy.empty()) wrapHanging(out, "licence policy: " + e.licensePolicy, 17, 19);
  for (const auto& c : e.citations) {
    wrapHanging(out, citationLine(c), 17, 19);
    if (!c.url.empty()) out << std::string(19, ' ') << visible(c.url) << '\n';
  }
  if (!e.notes.empty()) wrapHanging(out, "note: " + e.notes, 17, 19);
  out << "                 at " << visible(e.loc.str()) << "\n\n";
}

} // namespace

void writeScreenTextOne(const CompiledRules& rules, const NameScreen& s, std::ostream& out) {
  const std::string from = s.workload.empty() ? std::string()
                                              : fmt::format("{} of workload \"{}\" at {}; ",
                                                            s.field, s.workload, s.loc.str());
  wrapHanging(out,
              fmt::format("screen \"{}\"  ({}normalised: \"{}\"; matches from score {})", s.name,
                          from, s.normalized, s.minScore),
              0, 2);
  out << '\n';
  int exact = 0;
  for (const auto& m : s.matches)
    if (m.inForce) {
      match(out, rules, m);
      exact += m.exact;
    }
  const int inForce = s.inForce();
  const int other = static_cast<int>(s.matches.size()) - inForce;
  if (other) {
    out << fmt::format("Not in force on {} (listed later, or removed):\n\n", s.date.str());
    for (const auto& m : s.matches)
      if (!m.inForce) match(out, rules, m);
  }
  std::string summary =
      inForce == 0 ? fmt::format("No match in force on {}.", s.date.str())
                   : fmt::format("{} match{} in force on {} ({} exact, {} fuzzy).", inForce,
                                 inForce == 1 ? "" : "es", s.date.str(), exact, inForce - exact);
  if (exact < inForce)
    summary += " A fuzzy match is a possible match: a person must confirm or rule it out.";
  wrap(out, summary, 0);
}

void writeScreenTextBanner(const CompiledRules& rules, Date date, std::ostream& out) {
  out << rulesBanner(rules) << " · as of " << date.str() << "\n\n";
}

void writeScreenText(const CompiledRules& rules, const std::vector<NameScreen>& screens,
                     std::ostream& out) {
  if (screens.empty()) return;
  writeScreenTextBanner(rules, screens.front().date, out);
  for (std::size_t i = 0; i < screens.size(); ++i) {
    if (i) out << '\n';
    writeScreenTextOne(rules, screens[i], out);
  }
}

} // namespace borderline
