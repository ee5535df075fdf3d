#include "evaluate/evaluator.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "evaluate/authorizations.hpp"
#include "evaluate/condition_eval.hpp"
#include "evaluate/prefetch.hpp"
#include "evaluate/render.hpp"
#include "evaluate/rule_masks.hpp"
#include "evaluate/waivers.hpp"

namespace borderline {

std::string_view statusName(FindingStatus status) {
  static constexpr std::string_view kNames[] = {"open", "satisfied", "waived", "advisory"};
  return kNames[static_cast<int>(status)];
}

namespace {

// Whether rule i of view.rulesInEffect() fires.
bool fires(const DateView& view, std::size_t i, const EvalContext& ctx) {
  const ConditionProgram& program = view.program();
  const std::uint32_t unless = program.unless(i);
  return evaluate(program, program.when(i), ctx) &&
         !(unless != ConditionProgram::kNone && evaluate(program, unless, ctx));
}

// Whether the condition reads the party-list matches of this party's name (or parent name).
bool readsListed(const Condition& c, PartyRole role, bool parent) {
  const Field field = parent ? Field::PartyParentListed : Field::PartyListed;
  if (c.path && c.path->field == field && c.path->role == role) return true;
  return std::any_of(c.children.begin(), c.children.end(),
                     [&](const Condition& child) { return readsListed(child, role, parent); });
}

bool validOn(const Located<Date>& expires, Date date) {
  return !expires.has() || date <= *expires.value;
}

// rules.md: satisfied by an unexpired authorization of an accepted type that covers the rule,
// or, for a rule that fired on data sources, when every such source lists an accepted
// transfer mechanism.
// `reasons` = false computes the status only, without the text saying why.
void applyAuthorizations(const Workload& w, Date date, const Firing& firing, Finding& f,
                         bool reasons) {
  const Rule& rule = *f.rule;
  std::vector<std::string> expired;
  for (const auto& a : w.authorizations) {
    const AuthorizationFit fit = authorizationFit(a, rule, date);
    if (fit == AuthorizationFit::Expired && reasons)
      expired.push_back(
          fmt::format("{} expired on {}", describeAuthorization(a), a.expires.value->str()));
    if (fit != AuthorizationFit::Satisfies) continue;
    f.status = FindingStatus::Satisfied;
    if (reasons)
      f.statusReason =
          fmt::format("satisfied by {}{}", describeAuthorization(a),
                      a.expires.has() ? " (valid until " + a.expires.value->str() + ")" : "");
    return;
  }
  if (!firing.data.empty()) {
    std::vector<std::string> covered;
    std::size_t count = 0;
    for (int i : firing.data) {
      const DataSource& d = w.data[static_cast<std::size_t>(i)];
      const auto& t = d.transfer.values;
      const auto mechanism = std::find_if(
          t.begin(), t.end(), [&](const std::string& m) { return acceptsType(rule, m); });
      if (mechanism == t.end()) break;
      ++count;
      if (reasons) covered.push_back(fmt::format("{}: {}", d.name.value.value_or("?"), *mechanism));
    }
    if (count == firing.data.size()) {
      f.status = FindingStatus::Satisfied;
      if (reasons)
        f.statusReason =
            fmt::format("satisfied by transfer mechanisms ({})", fmt::join(covered, "; "));
      return;
    }
  }
  if (!expired.empty()) f.statusReason = fmt::format("not satisfied: {}", fmt::join(expired, "; "));
}

// Notices about the manifest's own authorizations on this date (waivers: reportWaivers): an
// expired one, one of a type no loaded rule accepts, and a `covers` entry that names no loaded
// rule or tag (a typo would otherwise leave the authorization silently inert, as a waiver
// naming an unknown rule would be); and a data source's transfer mechanism no rule accepts.
void checkAuthorizations(const Workload& w, const DateView& view, std::vector<Notice>& notices) {
  const Date date = view.date();
  for (const auto& a : w.authorizations) {
    const auto& covers = a.covers.values;
    const auto known = std::count_if(covers.begin(), covers.end(), [&](const std::string& item) {
      return view.rules().namesRuleOrTag(item);
    });
    for (const auto& item : covers)
      if (!view.rules().namesRuleOrTag(item))
        notices.push_back(
            {a.covers.loc,
             fmt::format("authorization {} covers '{}', which is no rule id or tag in the loaded "
                         "rule packs; {}",
                         describeAuthorization(a), item,
                         known ? "that entry covers nothing" : "it satisfies nothing")});
    if (a.type.has() && !acceptedByAnyRule(view.rules(), *a.type.value))
      notices.push_back(
          {a.type.loc, fmt::format("authorization {} is of type '{}', which no rule in the loaded "
                                   "rule packs accepts; it satisfies nothing",
                                   describeAuthorization(a), *a.type.value)});
    else if (a.type.has() && !validOn(a.expires, date))
      notices.push_back({a.loc, fmt::format("authorization {} expired on {}; it satisfies nothing",
                                            describeAuthorization(a), a.expires.value->str())});
  }
  // The same for a data source's transfer mechanisms (e.g. a mechanism no pack encodes).
  for (const auto& d : w.data)
    for (const auto& mechanism : d.transfer.values)
      if (!acceptedByAnyRule(view.rules(), mechanism))
        notices.push_back(
            {d.transfer.loc,
             fmt::format("data source \"{}\" lists transfer mechanism '{}', which no rule in the "
                         "loaded rule packs accepts; it satisfies nothing",
                         d.name.value.value_or("?"), mechanism)});
}

Location findingLocation(const Workload& w, const Firing& firing) {
  if (!firing.data.empty()) return w.data[static_cast<std::size_t>(firing.data.front())].loc;
  if (firing.first.known()) return firing.first;
  return w.loc;
}

std::string fuzzyNote(const Finding& f, const CompiledRules& rules) {
  std::vector<std::string> parts;
  for (const auto& m : f.matches) {
    if (m.exact) continue;
    const PartyEntry& e = rules.parties[static_cast<std::size_t>(m.entry)];
    const std::string& listedName =
        m.alias == 0 ? e.name : e.aliases[static_cast<std::size_t>(m.alias - 1)];
    parts.push_back(fmt::format("'{}' on {} (score {})", listedName,
                                rules.partyLists[static_cast<std::size_t>(e.list)], m.score));
  }
  return fmt::format(" Possible party-list match only: {}. A person must confirm or rule out "
                     "the match.",
                     fmt::join(parts, ", "));
}

// A stable sort: the same order as std::stable_sort, without its temporary buffer (a
// workload has a few findings, and std::stable_sort allocates for every call).
void sortFindings(std::vector<Finding>& findings) {
  if (findings.size() > 32) {
    std::stable_sort(findings.begin(), findings.end(), findingBefore);
    return;
  }
  for (std::size_t i = 1; i < findings.size(); ++i) {
    if (!findingBefore(findings[i], findings[i - 1])) continue;
    Finding moving = std::move(findings[i]);
    std::size_t j = i;
    for (; j > 0 && findingBefore(moving, findings[j - 1]); --j)
      findings[j] = std::move(findings[j - 1]);
    findings[j] = std::move(moving);
  }
}

// Calls f(i) for each set bit i of a mask of `words` words, in increasing order.
template <class F> void forEachBit(const std::uint64_t* mask, std::size_t words, F&& f) {
  for (std::size_t k = 0; k < words; ++k)
    for (std::uint64_t bits = mask[k]; bits != 0; bits &= bits - 1)
      f(k * 64 + static_cast<std::size_t>(__builtin_ctzll(bits)));
}

} // namespace

Result evaluateWorkload(const Workload& w, const DateView& view, const EvalOptions& options) {
  prefetchWorkload(w);
  Result result;
  result.workload = &w;
  const bool text = options.messages;
  const Screening screening = screenParties(w, view, options.cache, ScreenNames::ReadByRules);
  // References, not structured bindings: the lambdas below capture them (clang 14 cannot).
  const EvalContexts contexts = evalContexts(w, view, screening, options.cache);
  const EvalContext& exact = contexts.exact;
  const EvalContext& fuzzy = contexts.fuzzy;

  // The rules that may fire (view.mayFire), then of those the ones that fire, and the ones
  // that fire only with fuzzy name matches: two bit masks over view.rulesInEffect().
  const std::size_t words = view.ruleWords();
  RuleMaskPair masks(words);
  std::uint64_t* fired = masks.first();
  std::uint64_t* fuzzyOnly = masks.second();
  std::fill(fuzzyOnly, fuzzyOnly + words, 0);
  view.mayFire(w, &screening, fired);
  const auto& inEffect = view.rulesInEffect();
  std::size_t count = 0;
  forEachBit(fired, words, [&](std::size_t i) {
    const std::uint64_t bit = std::uint64_t{1} << (i % 64);
    if (!fires(view, i, exact)) {
      // A rule that fires only when fuzzy name matches count gets a `review`, never a
      // silent pass and never a silent block (rules.md, party lists).
      if (!screening.fuzzyOnly || !fires(view, i, fuzzy)) {
        fired[i / 64] &= ~bit;
        return;
      }
      fuzzyOnly[i / 64] |= bit;
    }
    ++count;
  });
  result.findings.reserve(count);
  // (Not before: the workload's waivers are its last cache line, which arrives last.)
  std::vector<const Waiver*> waivers;
  if (!w.waivers.empty() || !options.waivers.empty()) waivers = waiversFor(w, options.waivers);
  const bool anyTransfer = std::any_of(
      w.data.begin(), w.data.end(), [](const DataSource& d) { return !d.transfer.values.empty(); });

  forEachBit(fired, words, [&](std::size_t i) {
    const Rule* rule = inEffect[i];
    const bool isFuzzy = (fuzzyOnly[i / 64] >> (i % 64)) & 1u;
    const EvalContext* ctx = isFuzzy ? &fuzzy : &exact;
    Finding& f = result.findings.emplace_back();
    f.rule = rule;
    f.fuzzyOnly = isFuzzy;
    f.level = findingLevel(*rule, isFuzzy);
    // Without messages only the status is read, and of the firing elements only the data
    // sources, whose transfer mechanisms may satisfy a rule that accepts any (when no data
    // source lists a mechanism, the firing sources cannot satisfy anything).
    const bool statusNeedsFiring = f.level != Level::Advisory && f.level != Level::Prohibited &&
                                   !rule->satisfiedBy.empty() && anyTransfer;
    Firing firing;
    // rule->when holds in *ctx: the rule fired (exactly, or with fuzzy matches in `fuzzy`).
    if (text || statusNeedsFiring) collectFiringHeld(rule->when, *ctx, firing);
    if (text) {
      f.message = renderMessage(rule->message, *ctx, firing);
      f.remediation = renderMessage(rule->remediation, *ctx, firing);
      f.location = findingLocation(w, firing);
      f.firingChips = firing.chips;
      f.firingData = firing.data;
      for (const auto& m : screening.matches)
        if (readsListed(rule->when, m.role, m.parent)) f.matches.push_back(m);
      if (isFuzzy) f.message += fuzzyNote(f, view.rules());
    }
    if (f.level == Level::Advisory) {
      f.status = FindingStatus::Advisory;
    } else {
      if (f.level != Level::Prohibited) applyAuthorizations(w, view.date(), firing, f, text);
      if (f.status == FindingStatus::Open) applyWaivers(waivers, view.date(), f, text);
    }
  });
  result.verdict = workloadVerdict(result.findings);
  if (text) {
    checkAuthorizations(w, view, result.notices);
    reportWaivers(waivers, view, result.notices);
  }
  sortFindings(result.findings);
  return result;
}

bool findingBefore(const Finding& a, const Finding& b) {
  if (a.status != b.status) return a.status < b.status;
  if (a.level != b.level) return a.level > b.level;
  return a.rule->id < b.rule->id;
}

Level findingLevel(const Rule& rule, bool fuzzyOnly) {
  return fuzzyOnly ? std::min(rule.verdict, Level::Review) : rule.verdict;
}

Level workloadVerdict(std::span<const Finding> findings) {
  Level verdict = Level::Allowed;
  for (const auto& f : findings)
    if (f.status == FindingStatus::Open) verdict = std::max(verdict, f.level);
  return verdict;
}

Result evaluateWorkload(const Workload& w, const DateView& view, std::span<const Waiver> waivers) {
  EvalOptions options;
  options.waivers = waivers;
  return evaluateWorkload(w, view, options);
}

} // namespace borderline
