#include "report/json_reporter.hpp"

#include "report/result_json_writer.hpp"

namespace borderline {

using Json = nlohmann::ordered_json;

Json toJson(const Location& loc) {
  Json j;
  j["file"] = std::string(loc.file);
  if (loc.line) j["line"] = loc.line;
  if (loc.column) j["column"] = loc.column;
  return j;
}

Json toJson(const Citation& c) {
  Json j;
  j["ref"] = c.ref;
  if (!c.title.empty()) j["title"] = c.title;
  if (!c.published.empty()) j["published"] = c.published;
  if (!c.url.empty()) j["url"] = c.url;
  j["provenance"] = std::string(kProvenanceDomain.name(static_cast<std::uint8_t>(c.provenance)));
  if (!c.note.empty()) j["note"] = c.note;
  return j;
}

Json toJson(const Result& r, const CompiledRules& rules) {
  // One layout for results, the streaming writer's; read back for callers that want a tree.
  std::string text;
  JsonWriter out(text, false);
  ResultJsonWriter(rules).write(out, r, false);
  return Json::parse(text);
}

Json toolJson() {
  return {{"name", "borderline"}, {"version", BORDERLINE_VERSION}};
}

Json rulesJson(const CompiledRules& rules) {
  Json j;
  j["digest"] = "sha256:" + rules.digest;
  j["packs"] = Json::array();
  for (const auto& p : rules.packs) {
    Json pj;
    pj["name"] = p->name;
    pj["kind"] = p->kind;
    pj["version"] = p->version;
    if (p->reviewed) pj["reviewed"] = p->reviewed->str();
    if (p->listDate) pj["listDate"] = p->listDate->str();
    pj["sha256"] = p->sha256;
    j["packs"].push_back(std::move(pj));
  }
  return j;
}

Json summaryJson(const Summary& s) {
  return {{"workloads", s.workloads},
          {"prohibited", s.prohibited},
          {"authorization-required", s.authorizationRequired},
          {"review", s.review},
          {"allowed", s.allowed}};
}

void JsonReporter::write(const Report& report, std::ostream& out) const {
  Json j;
  j["tool"] = toolJson();
  j["asOf"] = report.asOf.str();
  j["rules"] = rulesJson(report.rules);
  j["results"] = Json::array();
  for (const auto& r : report.results) j["results"].push_back(toJson(r, report.rules));
  j["summary"] = summaryJson(summarize(report.results));
  writeJsonDocument(j, out);
}

void writeJsonDocument(const Json& document, std::ostream& out) {
  out << document.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

} // namespace borderline
