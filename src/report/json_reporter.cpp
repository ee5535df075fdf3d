#include "report/json_reporter.hpp"

#include "model/party_path.hpp"

namespace borderline {

using Json = nlohmann::ordered_json;

Json toJson(const Location& loc) {
  Json j;
  j["file"] = std::string(loc.file);
  if (loc.line) j["line"] = loc.line;
  if (loc.column) j["column"] = loc.column;
  return j;
}

namespace {

Json matchJson(const ScreeningMatch& m, const CompiledRules& rules) {
  const PartyEntry& e = rules.parties[static_cast<std::size_t>(m.entry)];
  Json j;
  j["party"] = partyFieldPath(m.role, m.parent);
  j["list"] = rules.partyLists[static_cast<std::size_t>(e.list)];
  j["entry"] = e.name;
  j["matched"] = m.alias == 0 ? e.name : e.aliases[static_cast<std::size_t>(m.alias - 1)];
  j["score"] = m.score;
  j["exact"] = m.exact;
  j["listed"] = e.listed ? Json(e.listed->str()) : Json(nullptr);
  j["citations"] = Json::array();
  for (const auto& c : e.citations) j["citations"].push_back(toJson(c));
  return j;
}

} // namespace

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
  Json j;
  j["workload"] = r.workload->name;
  j["source"] = {{"file", std::string(r.workload->loc.file)}, {"line", r.workload->loc.line}};
  if (!r.workload->labels.empty()) {
    Json labels = Json::object();
    for (const auto& [k, v] : r.workload->labels) labels[k] = v;
    j["labels"] = labels;
  }
  j["verdict"] = std::string(levelName(r.verdict));
  j["findings"] = Json::array();
  for (const auto& f : r.findings) {
    Json fj;
    fj["rule"] = f.rule->id;
    fj["title"] = f.rule->title;
    fj["verdict"] = std::string(levelName(f.level));
    fj["status"] = std::string(statusName(f.status));
    if (!f.statusReason.empty()) fj["statusReason"] = f.statusReason;
    fj["regime"] = std::string(kRegimeDomain.name(static_cast<std::uint8_t>(f.rule->regime)));
    fj["jurisdiction"] = f.rule->pack->jurisdiction;
    fj["message"] = f.message;
    if (!f.remediation.empty()) fj["remediation"] = f.remediation;
    fj["citations"] = Json::array();
    bool allUnverified = true;
    for (const auto& c : f.rule->citations) {
      fj["citations"].push_back(toJson(c));
      allUnverified = allUnverified && c.provenance == Provenance::Unverified;
    }
    if (allUnverified) fj["unverified"] = true;
    if (!f.matches.empty()) {
      fj["screening"] = Json::array();
      for (const auto& m : f.matches) fj["screening"].push_back(matchJson(m, rules));
    }
    fj["location"] = toJson(f.location);
    j["findings"].push_back(std::move(fj));
  }
  if (!r.notices.empty()) {
    j["notices"] = Json::array();
    for (const auto& n : r.notices)
      j["notices"].push_back({{"message", n.message}, {"location", toJson(n.loc)}});
  }
  return j;
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
