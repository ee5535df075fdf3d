// `explain` as text: for each workload, the rules that fired with the reasons in sentences and
// what settled each finding, then the rules in effect that did not fire (the part of the
// condition that failed), then the rules not in effect on the date.
#include <fmt/format.h>

#include "analyze/plain_language.hpp"
#include "report/explain_report.hpp"
#include "report/text_format.hpp"

namespace borderline {

namespace {

void tree(std::ostream& out, const TraceNode& root, Date date, bool full) {
  for (const auto& line : explainLines(root, date, !full)) {
    const std::size_t indent = 4 + 2 * static_cast<std::size_t>(line.depth);
    wrapHanging(out, fmt::format("{} {}", line.result ? "✓" : "✗", line.text), indent, indent + 2);
  }
}

std::string accepted(const Rule& rule) {
  return rule.satisfiedBy.empty() ? "it accepts none"
                                  : fmt::format("accepted: {}", fmt::join(rule.satisfiedBy, ", "));
}

std::string authorizationLine(const AuthorizationCheck& c, const Rule& rule) {
  const Authorization& a = *c.authorization;
  const std::string what = describeAuthorization(a);
  switch (c.fit) {
  case AuthorizationFit::Satisfies:
    return fmt::format("{}: satisfies this rule{}", what,
                       a.expires.has() ? " (valid until " + a.expires.value->str() + ")" : "");
  case AuthorizationFit::WrongType:
    return fmt::format("{}: not a type this rule accepts ({})", what, accepted(rule));
  case AuthorizationFit::NotCovering:
    return fmt::format("{}: covers [{}], which names neither this rule nor one of its tags", what,
                       fmt::join(a.covers.values, ", "));
  case AuthorizationFit::Expired:
    return fmt::format("{}: expired on {}", what, a.expires.value->str());
  }
  return what;
}

std::string waiverLine(const WaiverCheck& c) {
  const Waiver& w = *c.waiver;
  switch (c.fit) {
  case WaiverFit::Waives:
    return fmt::format("waiver{} until {} waives it: {}",
                       w.approvedBy.has() ? " approved by " + *w.approvedBy.value : "",
                       w.expires.value->str(), w.reason.value.value_or(""));
  case WaiverFit::NoExpiry:
    return "a waiver names this rule but has no expires date, so it waives nothing";
  case WaiverFit::Expired:
    return fmt::format("a waiver names this rule but expired on {}", w.expires.value->str());
  case WaiverFit::CannotWaive:
    return "a waiver names this rule, but a prohibited finding cannot be waived";
  case WaiverFit::OtherRule:
    break;
  }
  return "";
}

void settlement(std::ostream& out, const RuleExplanation& r, const Finding& f) {
  const Rule& rule = *r.rule;
  if (f.level == Level::Advisory) {
    out << "  → advisory: information only; it never changes the verdict\n";
    return;
  }
  std::vector<std::string> lines;
  if (f.level == Level::Prohibited) {
    lines.push_back("prohibited: no authorization can clear it");
  } else {
    if (r.authorizations.empty())
      lines.push_back(fmt::format("no authorization is held ({})", accepted(rule)));
    for (const auto& a : r.authorizations) lines.push_back(authorizationLine(a, rule));
    for (const auto& t : r.transfers)
      lines.push_back(
          t.accepted.empty()
              ? fmt::format(
                    "data source \"{}\": transfer [{}] has no mechanism this rule accepts ({})",
                    t.source->name.value.value_or(""), fmt::join(t.source->transfer.values, ", "),
                    accepted(rule))
              : fmt::format("data source \"{}\": transfer mechanism {} is accepted",
                            t.source->name.value.value_or(""), t.accepted.front()));
  }
  for (const auto& w : r.waivers) lines.push_back(waiverLine(w));
  out << "  Settlement:\n";
  for (const auto& l : lines) wrapHanging(out, "• " + l, 4, 6);
  std::string result;
  switch (f.status) {
  case FindingStatus::Open:
    result = fmt::format("open, {}: nothing held satisfies or waives it", levelName(f.level));
    if (!f.statusReason.empty()) result += " (" + f.statusReason + ")";
    break;
  default:
    result = f.statusReason;
    break;
  }
  wrapHanging(out, "→ " + result, 4, 6);
}

void firedRule(std::ostream& out, const RuleExplanation& r, const Finding& f, Date date,
               bool full) {
  const Rule& rule = *r.rule;
  const std::string state = f.status == FindingStatus::Open
                                ? upperWords(levelName(f.level))
                                : fmt::format("{} ({})", statusName(f.status), levelName(f.level));
  out << fmt::format("{} FIRED  {}  → {}\n", f.status == FindingStatus::Open ? "✗" : "•", rule.id,
                     state);
  wrap(out, rule.title, 2);
  wrap(out, f.message, 2);
  if (r.fuzzy)
    wrap(out,
         "(This finding rests on a fuzzy party-list match: the conditions below count "
         "fuzzy matches as listed.)",
         2);
  out << "  It applies because:\n";
  tree(out, *r.when, date, full);
  if (r.unless) {
    out << "  Exception (unless), which does not hold:\n";
    tree(out, *r.unless, date, full);
  }
  settlement(out, r, f);
  out << "  Citations:\n";
  for (const auto& c : rule.citations) wrapHanging(out, "- " + citationLine(c), 4, 6);
  out << "  defined at " << visible(rule.loc.str()) << "\n\n";
}

void quietRule(std::ostream& out, const RuleExplanation& r, Date date, bool full) {
  const Rule& rule = *r.rule;
  out << fmt::format("· did not fire  {}  ({})\n", rule.id, levelName(rule.verdict));
  wrap(out, rule.title, 2);
  if (!r.when->result) {
    out << "  Its condition does not hold:\n";
    tree(out, *r.when, date, full);
  } else {
    out << "  Its condition holds:\n";
    tree(out, *r.when, date, full);
    out << "  but its exception (unless) holds too:\n";
    tree(out, *r.unless, date, full);
  }
  out << '\n';
}

void explanation(std::ostream& out, const Explanation& e, bool full) {
  int fired = 0, quiet = 0, off = 0;
  for (const auto& r : e.rules) (r.fired() ? fired : r.inEffect ? quiet : off)++;
  const std::string verdict = upperWords(levelName(e.result.verdict));
  const std::string name = "explain " + visible(e.workload->name);
  const std::size_t used = displayWidth(name) + verdict.size();
  out << name << std::string(used < kTextWidth ? kTextWidth - used : 1, ' ') << verdict << '\n';
  out << "  " << visible(e.workload->loc.str()) << '\n';
  out << fmt::format(
      "  {} rule{} explained: {} fired, {} in effect without firing, {} not in effect on {}\n\n",
      e.rules.size(), e.rules.size() == 1 ? "" : "s", fired, quiet, off, e.date.str());
  bool offHeader = false;
  for (const auto& r : e.rules) {
    if (const Finding* f = e.findingOf(r)) {
      firedRule(out, r, *f, e.date, full);
    } else if (r.inEffect) {
      quietRule(out, r, e.date, full);
    } else {
      if (!offHeader) out << "Not in effect on " << e.date.str() << ":\n";
      offHeader = true;
      wrapHanging(out, fmt::format("{}: {}", r.rule->id, notInEffectReason(*r.rule, e.date)), 2, 6);
    }
  }
  if (offHeader) out << '\n';
  for (const auto& n : e.result.notices) {
    wrap(out, "note: " + n.message, 0);
    out << "  at " << visible(n.loc.str()) << "\n\n";
  }
}

} // namespace

void writeExplainText(const ExplainReport& report, std::ostream& out) {
  out << rulesBanner(report.rules) << " · as of " << report.asOf.str() << "\n\n";
  for (const auto& e : report.explanations) explanation(out, e, report.full);
}

} // namespace borderline
