// `diff --format json`.
#include "report/diff_report.hpp"
#include "report/json_reporter.hpp"

namespace borderline {

using Json = nlohmann::ordered_json;

namespace {

Json sideJson(const DiffSide& side) {
  return {{"asOf", side.date.str()}, {"rules", rulesJson(side.rules)}};
}

Json stateJson(const std::optional<FindingState>& s) {
  if (!s) return nullptr;
  return {{"verdict", std::string(levelName(s->level))},
          {"status", std::string(statusName(s->status))}};
}

} // namespace

void writeDiffJson(const DiffReport& report, std::ostream& out) {
  const DiffResult& r = report.result;
  Json j;
  j["tool"] = toolJson();
  j["before"] = sideJson(report.before);
  j["after"] = sideJson(report.after);
  j["unknownChips"] = report.unknownChips;
  j["summary"] = {{"workloads", r.workloads},
                  {"changed", r.changed.size()},
                  {"worse", r.worse()},
                  {"better", r.better()},
                  {"findingsOnly", r.findingsOnly}};
  j["byRule"] = Json::array();
  for (const auto& impact : r.byRule) {
    Json names = Json::array();
    for (std::size_t i : impact.workloads) names.push_back(r.changed[i].workload->name);
    j["byRule"].push_back({{"rule", impact.rule},
                           {"title", impact.title},
                           {"count", impact.workloads.size()},
                           {"worse", impact.worse},
                           {"better", impact.better},
                           {"workloads", names}});
  }
  j["workloads"] = Json::array();
  for (const auto& d : r.changed) {
    Json findings = Json::array();
    for (const auto& f : d.findings)
      findings.push_back(
          {{"rule", f.rule().id}, {"before", stateJson(f.before)}, {"after", stateJson(f.after)}});
    j["workloads"].push_back({{"workload", d.workload->name},
                              {"source", toJson(d.workload->loc)},
                              {"before", std::string(levelName(d.before))},
                              {"after", std::string(levelName(d.after))},
                              {"responsible", d.responsible},
                              {"findings", findings}});
  }
  writeJsonDocument(j, out);
}

} // namespace borderline
