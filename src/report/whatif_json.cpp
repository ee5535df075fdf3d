// `whatif --format json`.
#include "report/json_reporter.hpp"
#include "report/whatif_report.hpp"

namespace borderline {

using Json = nlohmann::ordered_json;

namespace {

Json changeJson(const Change& c, const CompiledRules& rules, const Workload& w) {
  Json j;
  j["kind"] = std::string(changeKindName(c.kind));
  j["text"] = c.text;
  switch (c.kind) {
  case Change::Kind::TransferMechanism:
  case Change::Kind::KeepDataAtOrigin: {
    Json names = Json::array();
    for (int i : c.data)
      names.push_back(w.data[static_cast<std::size_t>(i)].name.value.value_or(""));
    j["dataSources"] = names;
    if (c.kind == Change::Kind::TransferMechanism)
      j["type"] = c.type;
    else
      j["country"] = std::string(countryCode(c.country));
    break;
  }
  case Change::Kind::Authorization:
    j["type"] = c.type;
    break;
  case Change::Kind::Acquisition:
    j["acquisition"] =
        std::string(kAcquisitionDomain.name(static_cast<std::uint8_t>(c.acquisition)));
    break;
  case Change::Kind::Chip:
    j["replaces"] = w.chips[static_cast<std::size_t>(c.chipUse)].model;
    j["chip"] = rules.catalog.at(c.catalogIndex).id;
    break;
  case Change::Kind::SiteCountry:
    j["country"] = std::string(countryCode(c.country));
    break;
  }
  return j;
}

Json resultJson(const WhatIf& r, const CompiledRules& rules) {
  Json j;
  j["workload"] = r.workload->name;
  j["source"] = toJson(r.workload->loc);
  j["verdict"] = std::string(levelName(r.current));
  j["open"] = r.open;
  j["fieldsRead"] = r.candidates.fieldsRead;
  j["candidates"] = r.candidates.changes.size();
  j["evaluations"] = r.evaluations;
  j["budgetExhausted"] = r.budgetExhausted;
  j["best"] = std::string(levelName(r.best));
  j["improves"] = r.improves;
  j["maxChanges"] = r.maxChanges;
  j["changes"] = r.size;
  j["suggestions"] = Json::array();
  for (const auto& s : r.suggestions) {
    Json sj;
    sj["changes"] = Json::array();
    for (const Change& c : s.changes) sj["changes"].push_back(changeJson(c, rules, *r.workload));
    sj["verdict"] = std::string(levelName(s.verdict));
    sj["clears"] = s.cleared;
    sj["introduces"] = s.introduced;
    sj["parts"] = Json::array();
    for (const auto& p : s.parts)
      sj["parts"].push_back({{"workload", p.name},
                             {"site", std::string(countryCode(p.site))},
                             {"verdict", std::string(levelName(p.verdict))},
                             {"open", p.open}});
    j["suggestions"].push_back(std::move(sj));
  }
  return j;
}

} // namespace

void writeWhatIfJson(const WhatIfReport& report, std::ostream& out) {
  Json j;
  j["tool"] = toolJson();
  j["asOf"] = report.asOf.str();
  j["rules"] = rulesJson(report.rules);
  j["results"] = Json::array();
  for (const auto& r : report.results) j["results"].push_back(resultJson(r, report.rules));
  writeJsonDocument(j, out);
}

} // namespace borderline
