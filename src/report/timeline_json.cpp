// `timeline --format json`.
#include "report/json_reporter.hpp"
#include "report/timeline_report.hpp"

namespace borderline {

using Json = nlohmann::ordered_json;

namespace {

Json stateJson(const FindingState& s) {
  return {{"rule", s.rule->id},
          {"verdict", std::string(levelName(s.level))},
          {"status", std::string(statusName(s.status))}};
}

Json optionalState(const std::optional<FindingState>& s) {
  return s ? stateJson(*s) : Json(nullptr);
}

Json timelineJson(const Timeline& t) {
  Json j;
  j["workload"] = t.workload->name;
  j["source"] = toJson(t.workload->loc);
  j["from"] = t.from.str();
  j["to"] = t.to.str();
  j["range"] = t.range;
  j["datesEvaluated"] = t.datesEvaluated;
  j["initial"] = {{"verdict", std::string(levelName(t.initial))}, {"findings", Json::array()}};
  for (const auto& f : t.initialFindings) j["initial"]["findings"].push_back(stateJson(f));
  j["changes"] = Json::array();
  for (const auto& s : t.steps) {
    Json sj;
    sj["date"] = s.date.str();
    sj["before"] = std::string(levelName(s.before));
    sj["after"] = std::string(levelName(s.after));
    sj["findings"] = Json::array();
    for (const auto& f : s.findings)
      sj["findings"].push_back({{"rule", f.rule().id},
                                {"before", optionalState(f.before)},
                                {"after", optionalState(f.after)}});
    sj["causes"] = Json::array();
    for (const auto& c : s.causes) {
      Json cj;
      cj["kind"] = std::string(causeKindName(c.kind));
      cj["subject"] = c.subject;
      cj["text"] = c.text;
      cj["citations"] = Json::array();
      if (c.citations)
        for (const auto& cite : *c.citations) cj["citations"].push_back(toJson(cite));
      cj["location"] = toJson(c.loc);
      sj["causes"].push_back(std::move(cj));
    }
    j["changes"].push_back(std::move(sj));
  }
  j["final"] = std::string(levelName(t.steps.empty() ? t.initial : t.steps.back().after));
  return j;
}

} // namespace

void writeTimelineJson(const TimelineReport& report, std::ostream& out) {
  Json j;
  j["tool"] = toolJson();
  j["rules"] = rulesJson(report.rules);
  j["timelines"] = Json::array();
  for (const auto& t : report.timelines) j["timelines"].push_back(timelineJson(t));
  writeJsonDocument(j, out);
}

} // namespace borderline
