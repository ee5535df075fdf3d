// `screen --format json`.
#include "report/json_reporter.hpp"
#include "report/screen_report.hpp"

namespace borderline {

using Json = nlohmann::ordered_json;

void writeScreenJson(const CompiledRules& rules, const NameScreen& s, std::ostream& out) {
  Json j;
  j["tool"] = toolJson();
  j["asOf"] = s.date.str();
  j["rules"] = rulesJson(rules);
  j["name"] = s.name;
  j["normalized"] = s.normalized;
  j["minScore"] = s.minScore;
  j["matches"] = Json::array();
  for (const auto& m : s.matches) {
    const PartyEntry& e = *m.entry;
    Json mj;
    mj["entry"] = e.name;
    mj["matched"] = m.matched;
    mj["score"] = m.score;
    mj["exact"] = m.exact;
    mj["inForce"] = m.inForce;
    mj["list"] = rules.partyLists[static_cast<std::size_t>(e.list)];
    mj["country"] = e.country ? Json(std::string(countryCode(*e.country))) : Json(nullptr);
    mj["listed"] = e.listed.str();
    mj["removed"] = e.removed ? Json(e.removed->str()) : Json(nullptr);
    mj["citations"] = Json::array();
    for (const auto& c : e.citations) mj["citations"].push_back(toJson(c));
    mj["location"] = toJson(e.loc);
    j["matches"].push_back(std::move(mj));
  }
  j["inForce"] = s.inForce();
  writeJsonDocument(j, out);
}

} // namespace borderline
