#include "load/result_json.hpp"

#include <fmt/format.h>

#include "model/party_path.hpp"

namespace borderline {

using Json = nlohmann::ordered_json;

namespace {

[[noreturn]] void fail(Location where, std::string message) {
  throw LoadFailure({Diagnostic{where, std::move(message)}});
}

// Typed access that names what is wrong instead of throwing nlohmann's exceptions.
class Reader {
public:
  explicit Reader(Location where) : where_(where) {}

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

private:
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

} // namespace

void readResultJson(const Json& j, Location where, const CompiledRules& rules, LoadedBatch& batch,
                    Workload& w, Result& r) {
  const Reader in(where);
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
      in.error(fmt::format("rule '{}' is not in the loaded rule packs: merge with the rules the "
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
    r.findings.push_back(std::move(f));
  }
  if (const Json* notices = in.find(j, "notices")) {
    if (!notices->is_array()) in.error("notices must be a list");
    for (const Json& n : *notices)
      r.notices.push_back(
          {in.location(in.at(n, "location"), batch), in.text(in.at(n, "message"), "notice")});
  }
}

} // namespace borderline
