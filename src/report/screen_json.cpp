// `screen --format json`: JSON Lines, one object per name screened, so that a million names
// stream through `jq` or a data pipeline without one giant document.
#include "report/json_reporter.hpp"
#include "report/screen_report.hpp"

namespace borderline {

using Json = nlohmann::ordered_json;

namespace {

Json matchJson(const CompiledRules& rules, const NameMatch& m) {
  const PartyEntry& e = *m.entry;
  const PackInfo& pack = *rules.partyListPacks[static_cast<std::size_t>(e.list)];
  Json j;
  j["name"] = e.name;
  j["matchedOn"] = m.matched;
  j["list"] = pack.name;
  if (!e.source.empty()) j["source"] = e.source;
  j["score"] = m.score;
  j["level"] =
      screening::matchLevel(m.score) == screening::MatchLevel::Probable ? "probable" : "potential";
  j["exact"] = m.exact;
  j["inForce"] = m.inForce;
  j["listed"] = e.listed ? Json(e.listed->str()) : Json(nullptr);
  j["removed"] = e.removed ? Json(e.removed->str()) : Json(nullptr);
  j["listDate"] = pack.listDate ? Json(pack.listDate->str()) : Json(nullptr);
  j["country"] = e.country ? Json(std::string(countryCode(*e.country))) : Json(nullptr);
  j["licenseRequirement"] =
      e.licenseRequirement.empty() ? Json(nullptr) : Json(e.licenseRequirement);
  j["licensePolicy"] = e.licensePolicy.empty() ? Json(nullptr) : Json(e.licensePolicy);
  j["citation"] = e.citations.empty() ? Json(nullptr) : Json(e.citations.front().ref);
  j["citations"] = Json::array();
  for (const auto& c : e.citations) j["citations"].push_back(toJson(c));
  j["location"] = toJson(e.loc);
  return j;
}

} // namespace

void writeScreenJsonOne(const CompiledRules& rules, const NameScreen& s, std::ostream& out) {
  Json j;
  if (!s.workload.empty()) {
    j["workload"] = s.workload;
    j["party"] = s.field;
    j["source"] = toJson(s.loc);
  }
  j["query"] = s.name;
  j["normalized"] = s.normalized;
  j["asOf"] = s.date.str();
  j["matches"] = Json::array();
  for (const auto& m : s.matches) j["matches"].push_back(matchJson(rules, m));
  out << j.dump(-1, ' ', false, Json::error_handler_t::replace) << '\n';
}

void writeScreenJson(const CompiledRules& rules, const std::vector<NameScreen>& screens,
                     std::ostream& out) {
  for (const auto& s : screens) writeScreenJsonOne(rules, s, out);
}

} // namespace borderline
