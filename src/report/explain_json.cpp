// `explain --format json`: the full structure, every node of every traced condition.
#include "analyze/plain_language.hpp"
#include "report/explain_report.hpp"
#include "report/json_reporter.hpp"

namespace borderline {

using Json = nlohmann::ordered_json;

namespace {

std::string_view kindName(TraceNode::Kind kind) {
  static constexpr std::string_view kNames[] = {"all",      "any",      "not",       "leaf",
                                                "list-any", "list-all", "list-none", "element"};
  return kNames[static_cast<int>(kind)];
}

Json optionalDate(const Located<Date>& d) {
  return d.has() ? Json(d.value->str()) : Json(nullptr);
}

Json settlementJson(const RuleExplanation& r) {
  Json j;
  j["authorizations"] = Json::array();
  for (const auto& a : r.authorizations)
    j["authorizations"].push_back({{"type", a.authorization->type.value.value_or("")},
                                   {"reference", a.authorization->reference.value.value_or("")},
                                   {"expires", optionalDate(a.authorization->expires)},
                                   {"fit", std::string(fitName(a.fit))},
                                   {"location", toJson(a.authorization->loc)}});
  j["transfers"] = Json::array();
  for (const auto& t : r.transfers)
    j["transfers"].push_back({{"dataSource", t.source->name.value.value_or("")},
                              {"transfer", t.source->transfer.values},
                              {"accepted", t.accepted},
                              {"location", toJson(t.source->loc)}});
  j["waivers"] = Json::array();
  for (const auto& w : r.waivers)
    j["waivers"].push_back({{"rule", w.waiver->rule.value.value_or("")},
                            {"approvedBy", w.waiver->approvedBy.value.value_or("")},
                            {"expires", optionalDate(w.waiver->expires)},
                            {"fit", std::string(fitName(w.fit))},
                            {"location", toJson(w.waiver->loc)}});
  return j;
}

Json ruleJson(const RuleExplanation& r, const Explanation& e) {
  const Rule& rule = *r.rule;
  Json j;
  j["rule"] = rule.id;
  j["title"] = rule.title;
  j["verdict"] = std::string(levelName(rule.verdict));
  j["effective"] = rule.effective.str();
  j["until"] = rule.until ? Json(rule.until->str()) : Json(nullptr);
  j["inEffect"] = r.inEffect;
  if (!r.inEffect) j["notInEffect"] = notInEffectReason(rule, e.date);
  j["fired"] = r.fired();
  if (const Finding* f = e.findingOf(r)) {
    j["finding"] = {{"verdict", std::string(levelName(f->level))},
                    {"status", std::string(statusName(f->status))},
                    {"statusReason", f->statusReason},
                    {"fuzzyOnly", f->fuzzyOnly}};
  }
  if (r.when) j["when"] = traceJson(*r.when, e.date);
  if (r.unless) j["unless"] = traceJson(*r.unless, e.date);
  if (r.fired()) j["settlement"] = settlementJson(r);
  j["satisfiedBy"] = rule.satisfiedBy;
  j["citations"] = Json::array();
  for (const auto& c : rule.citations) j["citations"].push_back(toJson(c));
  j["location"] = toJson(rule.loc);
  return j;
}

} // namespace

Json traceJson(const TraceNode& n, Date date, std::string_view prefix) {
  Json j;
  j["kind"] = std::string(kindName(n.kind));
  j["result"] = n.result;
  j["text"] = describeNode(n, prefix, date);
  if (n.kind == TraceNode::Kind::Element) j["element"] = n.label;
  if (n.kind == TraceNode::Kind::Leaf) {
    j["condition"] = n.label;
    j["path"] = std::string(prefix) + std::string(n.path->path);
    j["values"] = n.values;
    j["tests"] = Json::array();
    for (const auto& t : n.tests)
      j["tests"].push_back({{"op", std::string(opName(t.op->op))},
                            {"operand", t.op->source},
                            {"result", t.result},
                            {"because", t.because}});
  } else if (n.path) {
    j["path"] = std::string(n.path->path);
  }
  j["location"] = toJson(n.loc);
  if (!n.children.empty()) {
    std::string inner(prefix);
    if (n.kind == TraceNode::Kind::ListAny || n.kind == TraceNode::Kind::ListAll ||
        n.kind == TraceNode::Kind::ListNone)
      inner += std::string(n.path->path) + ".";
    j["children"] = Json::array();
    for (const auto& c : n.children) j["children"].push_back(traceJson(c, date, inner));
  }
  return j;
}

void writeExplainJson(const ExplainReport& report, std::ostream& out) {
  Json j;
  j["tool"] = toolJson();
  j["asOf"] = report.asOf.str();
  j["rules"] = rulesJson(report.rules);
  j["explanations"] = Json::array();
  for (const auto& e : report.explanations) {
    Json ej;
    ej["workload"] = e.workload->name;
    ej["source"] = toJson(e.workload->loc);
    ej["verdict"] = std::string(levelName(e.result.verdict));
    ej["result"] = toJson(e.result, report.rules);
    ej["rules"] = Json::array();
    for (const auto& r : e.rules) ej["rules"].push_back(ruleJson(r, e));
    j["explanations"].push_back(std::move(ej));
  }
  writeJsonDocument(j, out);
}

} // namespace borderline
