#include "load/result_json.hpp"

#include <algorithm>
#include <charconv>

#include <fmt/format.h>

#include "evaluate/authorizations.hpp"
#include "evaluate/evaluator.hpp"
#include "load/json_tree.hpp"
#include "model/party_path.hpp"

namespace borderline {

using Json = nlohmann::ordered_json;

// nlohmann::json keeps no positions, so the line is parsed again with the located parser, only
// when there is an error to point with.
std::uint32_t jsonColumn(std::string_view text, std::string_view pointer) {
  try {
    const JsonValue root = parseJson("", text);
    const JsonValue* v = &root;
    while (v && !pointer.empty()) {
      pointer.remove_prefix(1); // '/'
      const std::string_view step = pointer.substr(0, pointer.find('/'));
      pointer.remove_prefix(step.size());
      if (v->type == JsonValue::Type::Array) {
        std::size_t i = 0;
        const auto [end, ec] = std::from_chars(step.data(), step.data() + step.size(), i);
        v = ec == std::errc() && end == step.data() + step.size() && i < v->items.size()
                ? &v->items[i]
                : nullptr;
      } else {
        v = v->find(step);
      }
    }
    return v ? v->loc.column : 0;
  } catch (const LoadFailure&) {
    return 0;
  }
}

namespace {

[[noreturn]] void fail(Location where, std::string message) {
  throw LoadFailure({Diagnostic{where, std::move(message)}});
}

// Typed access that names what is wrong instead of throwing nlohmann's exceptions.
class Reader {
public:
  Reader(std::string_view text, Location where) : text_(text), where_(where) {}

  const Json& at(const Json& object, std::string_view key) const {
    if (!object.is_object())
      fail(where_, "expected a JSON object (a result of `audit --format jsonl`)");
    const auto it = object.find(key);
    if (it == object.end())
      fail(where_,
           fmt::format("missing key '{}' (expected a result of `audit --format jsonl`)", key));
    return *it;
  }
  const Json* find(const Json& object, std::string_view key) const {
    const auto it = object.find(key);
    return it == object.end() ? nullptr : &*it;
  }
  std::string text(const Json& value, std::string_view what) const {
    if (!value.is_string()) fail(where_, fmt::format("{} must be a string", what));
    return value.get<std::string>();
  }
  std::int64_t integer(const Json& value, std::string_view what) const {
    if (!value.is_number_integer()) fail(where_, fmt::format("{} must be a whole number", what));
    return value.get<std::int64_t>();
  }
  Location location(const Json& value, LoadedBatch& batch) const {
    Location loc;
    loc.file = batch.keep(text(at(value, "file"), "location file"));
    if (auto* line = find(value, "line"))
      loc.line = static_cast<std::uint32_t>(integer(*line, "line"));
    if (auto* column = find(value, "column"))
      loc.column = static_cast<std::uint32_t>(integer(*column, "column"));
    return loc;
  }
  [[noreturn]] void error(std::string message) const { fail(where_, std::move(message)); }
  // An error about the value at a JSON pointer, located at its column.
  [[noreturn]] void errorAt(std::string_view pointer, std::string message) const {
    Location at = where_;
    at.column = jsonColumn(text_, pointer);
    fail(at, std::move(message));
  }

private:
  std::string_view text_;
  Location where_;
};

ScreeningMatch readMatch(const Reader& in, const Json& m, const CompiledRules& rules) {
  const std::string party = in.text(in.at(m, "party"), "screening party");
  ScreeningMatch match{};
  bool found = false;
  for (int r = 0; r < kPartyRoles && !found; ++r)
    for (bool parent : {false, true})
      if (party == partyFieldPath(static_cast<PartyRole>(r), parent)) {
        match.role = static_cast<PartyRole>(r);
        match.parent = parent;
        found = true;
        break;
      }
  if (!found) in.error(fmt::format("unknown screening party '{}'", party));
  const std::string list = in.text(in.at(m, "list"), "screening list");
  const std::string entry = in.text(in.at(m, "entry"), "screening entry");
  const std::string matched = in.text(in.at(m, "matched"), "screening match");
  match.entry = -1;
  for (std::size_t i = 0; i < rules.parties.size() && match.entry < 0; ++i) {
    const PartyEntry& e = rules.parties[i];
    if (e.name != entry || rules.partyLists[static_cast<std::size_t>(e.list)] != list) continue;
    match.entry = static_cast<int>(i);
    match.alias = 0;
    for (std::size_t a = 0; a < e.aliases.size() && matched != e.name; ++a)
      if (e.aliases[a] == matched) match.alias = static_cast<int>(a + 1);
  }
  if (match.entry < 0)
    in.error(fmt::format("party '{}' of list '{}' is not in the loaded party lists: merge with the "
                         "rules the audit used",
                         entry, list));
  match.score = static_cast<int>(in.integer(in.at(m, "score"), "screening score"));
  match.exact = in.at(m, "exact").is_boolean() && in.at(m, "exact").get<bool>();
  return match;
}

// The date at the end of a status reason ("... (valid until 2026-01-31)"), as the evaluator
// writes it when the authorization that satisfied the finding has an expiry.
std::optional<Date> validUntil(std::string_view reason) {
  static constexpr std::string_view kMark = " (valid until ";
  const std::size_t at = reason.rfind(kMark);
  if (at == std::string_view::npos || !reason.ends_with(')')) return std::nullopt;
  return Date::parse(reason.substr(at + kMark.size(), reason.size() - at - kMark.size() - 1));
}

// What a finding read back may say on `asOf` of its rule: the rule must be in effect, and the
// verdict and status be ones the evaluator gives (evaluator.cpp, waivers.cpp). A status reason
// is text: what it says of the authorization or waiver is checked as far as it records it
// (docs/audit.md, "Sharding"). `at` is the finding's JSON pointer.
void checkFinding(const Reader& in, const std::string& at, const Finding& f, Date asOf) {
  const Rule& rule = *f.rule;
  if (!rule.appliesOn(asOf))
    in.errorAt(at + "/rule",
               fmt::format("rule '{}' is in effect from {}{}, not on {} (--as-of): were the "
                           "results made on another date? Merge with the --as-of the audit used",
                           rule.id, rule.effective.str(),
                           rule.until ? " until " + rule.until->str() : "", asOf.str()));
  // A fuzzy-only finding records its possible matches (exact: false) in its screening list.
  const bool fuzzy = std::any_of(f.matches.begin(), f.matches.end(),
                                 [](const ScreeningMatch& m) { return !m.exact; });
  if (f.level != findingLevel(rule, false) && !(fuzzy && f.level == findingLevel(rule, true)))
    in.errorAt(at + "/verdict",
               fmt::format("finding verdict '{}' is not what rule '{}' gives: expected '{}'{}",
                           levelName(f.level), rule.id, levelName(rule.verdict),
                           findingLevel(rule, true) != rule.verdict
                               ? fmt::format(" (or '{}' when only possible party-list matches "
                                             "fire it)",
                                             levelName(findingLevel(rule, true)))
                               : ""));
  const std::string status = at + "/status";
  const std::string reason = at + "/statusReason";
  const std::string_view named = statusName(f.status);
  // An advisory finding is advisory and nothing else; authorizations and waivers apply to the
  // other levels but the prohibited one.
  if (f.level == Level::Advisory && f.status != FindingStatus::Advisory)
    in.errorAt(status, fmt::format("status '{}' on a finding of advisory rule '{}': expected "
                                   "'advisory'",
                                   named, rule.id));
  if (f.status == FindingStatus::Advisory && f.level != Level::Advisory)
    in.errorAt(status, fmt::format("status 'advisory' on a finding of verdict '{}': only advisory "
                                   "rules give it; expected 'open', 'satisfied' or 'waived'",
                                   levelName(f.level)));
  if (f.level == Level::Prohibited && f.status != FindingStatus::Open)
    in.errorAt(status, fmt::format("status '{}' on a prohibited finding: no authorization or "
                                   "waiver lifts a prohibition; expected 'open'",
                                   named));
  if (f.status == FindingStatus::Satisfied) {
    if (rule.satisfiedBy.empty())
      in.errorAt(status, fmt::format("status 'satisfied', but rule '{}' accepts no authorization "
                                     "or transfer mechanism: expected 'open'",
                                     rule.id));
    static constexpr std::string_view kBy = "satisfied by ";
    static constexpr std::string_view kMechanisms = "satisfied by transfer mechanisms (";
    if (!f.statusReason.starts_with(kBy))
      in.errorAt(f.statusReason.empty() ? status : reason,
                 "status 'satisfied' without what satisfied it: expected a statusReason "
                 "'satisfied by <authorization>' or 'satisfied by transfer mechanisms (…)', as "
                 "the audit writes it");
    if (!f.statusReason.starts_with(kMechanisms)) {
      const std::string_view text = std::string_view(f.statusReason).substr(kBy.size());
      const std::string_view type = text.substr(0, text.find(' '));
      if (!acceptsType(rule, type))
        in.errorAt(reason, fmt::format("an authorization of type '{}' does not satisfy rule '{}' "
                                       "(it accepts {}): expected status 'open'",
                                       type, rule.id, fmt::join(rule.satisfiedBy, ", ")));
      if (const auto until = validUntil(f.statusReason); until && *until < asOf)
        in.errorAt(reason, fmt::format("the authorization was valid until {}, before {} "
                                       "(--as-of), so it satisfies nothing: were the results made "
                                       "on another date? Merge with the --as-of the audit used",
                                       until->str(), asOf.str()));
    }
  }
  if (f.status == FindingStatus::Waived) {
    // "waived until 2026-03-31 by ...: reason" (applyWaivers): a waiver waives only with an
    // expiry, and only through it.
    static constexpr std::string_view kUntil = "waived until ";
    const std::string_view text = f.statusReason;
    const auto expires =
        text.starts_with(kUntil) ? Date::parse(text.substr(kUntil.size(), 10)) : std::nullopt;
    if (!expires)
      in.errorAt(f.statusReason.empty() ? status : reason,
                 "status 'waived' without the waiver behind it: expected a statusReason 'waived "
                 "until YYYY-MM-DD…', as the audit writes it");
    if (*expires < asOf)
      in.errorAt(reason, fmt::format("the waiver expired on {}, before {} (--as-of), so it waives "
                                     "nothing: were the results made on another date? Merge with "
                                     "the --as-of the audit used",
                                     expires->str(), asOf.str()));
  }
}

} // namespace

void readResultJson(const Json& j, std::string_view text, Location where,
                    const CompiledRules& rules, Date asOf, LoadedBatch& batch, Workload& w,
                    Result& r) {
  const Reader in(text, where);
  w.name = in.text(in.at(j, "workload"), "workload");
  const Json& source = in.at(j, "source");
  w.loc = in.location(source, batch);
  if (const Json* labels = in.find(j, "labels")) {
    if (!labels->is_object()) in.error("labels must be an object");
    for (const auto& [key, value] : labels->items())
      w.labels.emplace_back(key, in.text(value, "label"));
  }
  if (const Json* site = in.find(j, "site")) {
    const std::string code = in.text(in.at(*site, "country"), "site country");
    w.siteCountry.value = countryFromCode(code);
    if (!w.siteCountry.has()) in.error(fmt::format("unknown site country '{}'", code));
  }
  r.workload = &w;
  const auto verdict = parseLevel(in.text(in.at(j, "verdict"), "verdict"));
  if (!verdict || *verdict == Level::Advisory) in.error("verdict must be a workload verdict");
  r.verdict = *verdict;
  const Json& findings = in.at(j, "findings");
  if (!findings.is_array()) in.error("findings must be a list");
  for (const Json& fj : findings) {
    Finding f;
    const std::string id = in.text(in.at(fj, "rule"), "rule");
    f.rule = rules.findRule(id);
    if (!f.rule)
      in.errorAt(fmt::format("/findings/{}/rule", r.findings.size()),
                 fmt::format("rule '{}' is not in the loaded rule packs: merge with the rules the "
                             "audit used",
                             id));
    const auto level = parseLevel(in.text(in.at(fj, "verdict"), "finding verdict"));
    if (!level || *level == Level::Allowed) in.error("a finding's verdict must be a rule verdict");
    f.level = *level;
    const std::string status = in.text(in.at(fj, "status"), "status");
    bool known = false;
    for (int s = 0; s < 4; ++s)
      if (statusName(static_cast<FindingStatus>(s)) == status) {
        f.status = static_cast<FindingStatus>(s);
        known = true;
      }
    if (!known) in.error(fmt::format("unknown finding status '{}'", status));
    if (const Json* reason = in.find(fj, "statusReason"))
      f.statusReason = in.text(*reason, "statusReason");
    f.message = in.text(in.at(fj, "message"), "message");
    if (const Json* remediation = in.find(fj, "remediation"))
      f.remediation = in.text(*remediation, "remediation");
    if (const Json* screening = in.find(fj, "screening")) {
      if (!screening->is_array()) in.error("screening must be a list");
      for (const Json& m : *screening) f.matches.push_back(readMatch(in, m, rules));
    }
    f.location = in.location(in.at(fj, "location"), batch);
    const std::string at = fmt::format("/findings/{}", r.findings.size());
    checkFinding(in, at, f, asOf);
    // The evaluator sorts findings by status and verdict, so an edited status or verdict that
    // the checks above allow usually shows as a finding out of place.
    if (!r.findings.empty() && findingBefore(f, r.findings.back()))
      in.errorAt(at,
                 fmt::format("finding '{}' ({}, {}) comes after '{}' ({}, {}): the audit writes "
                             "open findings first, worst first, then satisfied, waived and "
                             "advisory ones, then by rule id; was a status or verdict edited?",
                             f.rule->id, levelName(f.level), statusName(f.status),
                             r.findings.back().rule->id, levelName(r.findings.back().level),
                             statusName(r.findings.back().status)));
    r.findings.push_back(std::move(f));
  }
  if (const Level given = workloadVerdict(r.findings); given != r.verdict)
    in.errorAt("/verdict",
               fmt::format("verdict '{}' is not the one the findings give: expected '{}' (the "
                           "worst verdict of the open findings, 'allowed' when none is open)",
                           levelName(r.verdict), levelName(given)));
  if (const Json* notices = in.find(j, "notices")) {
    if (!notices->is_array()) in.error("notices must be a list");
    for (const Json& n : *notices)
      r.notices.push_back(
          {in.location(in.at(n, "location"), batch), in.text(in.at(n, "message"), "notice")});
  }
}

} // namespace borderline
