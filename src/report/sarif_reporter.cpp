#include "report/sarif_reporter.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "report/json_reporter.hpp"
#include "report/text_format.hpp"
#include "util/sha256.hpp"

namespace borderline {

using Json = nlohmann::ordered_json;

namespace {

constexpr std::string_view kSchema =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

// SARIF levels: findings that block (prohibited, authorization required) are errors, those a
// person must look at are warnings, advisories are notes.
std::string_view sarifLevel(Level level) {
  switch (level) {
  case Level::Prohibited:
  case Level::AuthorizationRequired:
    return "error";
  case Level::Review:
    return "warning";
  default:
    return "note";
  }
}

// A relative path stays relative (GitHub resolves it against the checkout); an absolute one
// becomes a file: URI. Everything but unreserved characters and '/' is percent-encoded.
std::string uriOf(std::string_view path) {
  std::string out = path.starts_with('/') ? "file://" : "";
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/')
      out += static_cast<char>(c);
    else
      out += fmt::format("%{:02X}", c);
  }
  return out;
}

Json physicalLocation(const Location& loc) {
  Json j;
  j["artifactLocation"] = {{"uri", uriOf(loc.file)}};
  if (loc.line) {
    Json region = {{"startLine", loc.line}};
    if (loc.column) region["startColumn"] = loc.column;
    j["region"] = region;
  }
  return j;
}

// "us.ear.hq-d5.3a090" -> "UsEarHqD53a090": SARIF wants a friendly name in Pascal case.
std::string pascalName(std::string_view id) {
  std::string out;
  bool start = true;
  for (char c : id) {
    if (c == '.' || c == '-' || c == '_') {
      start = true;
      continue;
    }
    out += start ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    start = false;
  }
  return out;
}

// helpUri must be a URI that strict readers accept as is. Some (the SARIF SDK's validator
// among them) refuse a percent-encoded non-ASCII character, so such a citation URL stays in the
// help text only.
bool plainUrl(std::string_view url) {
  if (!url.starts_with("https://") && !url.starts_with("http://")) return false;
  for (std::size_t i = 0; i < url.size(); ++i) {
    const auto c = static_cast<unsigned char>(url[i]);
    if (c <= 0x20 || c >= 0x7F ||
        std::string_view("\"<>\\^`{|}").find(static_cast<char>(c)) != std::string_view::npos)
      return false;
    if (c == '%' &&
        (i + 2 >= url.size() || !std::isxdigit(static_cast<unsigned char>(url[i + 1])) ||
         !std::isxdigit(static_cast<unsigned char>(url[i + 2])) || url[i + 1] >= '8'))
      return false;
  }
  return true;
}

std::string inEffect(const Rule& rule) {
  return rule.until
             ? fmt::format("in effect from {} to {}", rule.effective.str(), rule.until->str())
             : fmt::format("in effect from {}", rule.effective.str());
}

std::string regimeName(const Rule& rule) {
  return std::string(kRegimeDomain.name(static_cast<std::uint8_t>(rule.regime)));
}

Json help(const Rule& rule) {
  const std::string summary =
      fmt::format("Verdict when it fires: {} ({} {}, {}).", levelName(rule.verdict),
                  rule.pack->jurisdiction, regimeName(rule), inEffect(rule));
  std::string text = rule.title + "\n\n" + summary + "\n";
  std::string markdown = "**" + rule.title + "**\n\n" + summary + "\n";
  if (!rule.satisfiedBy.empty()) {
    const std::string by =
        fmt::format("Cleared by an authorization of type: {}.", fmt::join(rule.satisfiedBy, ", "));
    text += by + "\n";
    markdown += "\n" + by + "\n";
  }
  if (!rule.remediation.empty()) {
    text += "\nWhat to do: " + templateText(rule.remediation) + "\n";
    markdown += "\n**What to do:** " + templateText(rule.remediation) + "\n";
  }
  text += "\nCitations:\n";
  markdown += "\n**Citations:**\n\n";
  for (const auto& c : rule.citations) {
    text += "- " + citationLine(c) + (c.url.empty() ? "" : " " + c.url) + "\n";
    markdown +=
        "- " + (c.url.empty() ? citationLine(c) : fmt::format("[{}]({})", citationLine(c), c.url)) +
        "\n";
  }
  if (allCitationsUnverified(rule)) {
    text += "Every citation of this rule is unverified.\n";
    markdown += "\n*Every citation of this rule is unverified.*\n";
  }
  return {{"text", text}, {"markdown", markdown}};
}

Json ruleDescriptor(const Rule& rule) {
  Json j;
  j["id"] = rule.id;
  j["name"] = pascalName(rule.id);
  j["shortDescription"] = {{"text", rule.title}};
  j["fullDescription"] = {
      {"text", fmt::format("{}. {}: {} under {} {} rules, {}.", rule.title, rule.id,
                           levelName(rule.verdict), rule.pack->jurisdiction, regimeName(rule),
                           inEffect(rule))}};
  j["help"] = help(rule);
  for (const auto& c : rule.citations)
    if (plainUrl(c.url)) {
      j["helpUri"] = c.url;
      break;
    }
  j["defaultConfiguration"] = {{"level", sarifLevel(rule.verdict)}};
  Json tags = Json::array({"compliance", regimeName(rule)});
  if (!rule.pack->jurisdiction.empty()) tags.push_back(rule.pack->jurisdiction);
  for (const auto& t : rule.tags)
    if (std::find(tags.begin(), tags.end(), t) == tags.end()) tags.push_back(t);
  Json props;
  props["tags"] = tags;
  props["verdict"] = levelName(rule.verdict);
  props["jurisdiction"] = rule.pack->jurisdiction;
  props["regime"] = regimeName(rule);
  props["effective"] = rule.effective.str();
  if (rule.until) props["until"] = rule.until->str();
  props["pack"] = {
      {"name", rule.pack->name}, {"version", rule.pack->version}, {"sha256", rule.pack->sha256}};
  j["properties"] = props;
  return j;
}

Json suppression(const Finding& f) {
  Json s = {{"kind", "external"}, {"status", "accepted"}};
  if (const Waiver* v = f.waiver) {
    s["justification"] = v->reason.value.value_or("");
    s["location"] = {{"physicalLocation", physicalLocation(v->loc)}};
    Json props;
    props["waived"] = f.statusReason;
    if (v->approvedBy.has()) props["approvedBy"] = *v->approvedBy.value;
    if (v->ticket.has()) props["ticket"] = *v->ticket.value;
    if (v->expires.has()) props["expires"] = v->expires.value->str();
    s["properties"] = props;
  } else {
    s["justification"] = f.statusReason;
  }
  return s;
}

Json result(const Finding& f, const Result& r, std::size_t ruleIndex, const CompiledRules& rules) {
  const bool advisory = f.status == FindingStatus::Advisory;
  Json j;
  j["ruleId"] = f.rule->id;
  j["ruleIndex"] = ruleIndex;
  j["kind"] = advisory ? "informational" : "fail";
  j["level"] = advisory ? "none" : sarifLevel(f.level);
  std::string text = f.message;
  if (f.status == FindingStatus::Open && !f.remediation.empty()) text += "\n→ " + f.remediation;
  if (!f.statusReason.empty()) text += "\n(" + f.statusReason + ")";
  j["message"] = {{"text", text}};
  Json location;
  location["physicalLocation"] = physicalLocation(f.location);
  location["logicalLocations"] = Json::array({{{"name", r.workload->name}, {"kind", "resource"}}});
  j["locations"] = Json::array({location});
  // Stable identity of the alert across commits: the rule and the workload, not line numbers.
  j["partialFingerprints"] = {
      {"borderlineFinding/v1", sha256Hex(r.workload->name + "\n" + f.rule->id)}};
  if (f.status == FindingStatus::Satisfied || f.status == FindingStatus::Waived)
    j["suppressions"] = Json::array({suppression(f)});
  Json props;
  props["verdict"] = levelName(f.level);
  props["status"] = statusName(f.status);
  props["jurisdiction"] = f.rule->pack->jurisdiction;
  props["regime"] = regimeName(*f.rule);
  props["workload"] = r.workload->name;
  props["workloadVerdict"] = levelName(r.verdict);
  props["rulesDigest"] = "sha256:" + rules.digest;
  if (allCitationsUnverified(*f.rule)) props["unverified"] = true;
  j["properties"] = props;
  return j;
}

} // namespace

void SarifReporter::write(const Report& report, std::ostream& out) const {
  const CompiledRules& rules = report.rules;
  Json driver;
  driver["name"] = "borderline";
  driver["version"] = BORDERLINE_VERSION;
  driver["semanticVersion"] = BORDERLINE_VERSION;
  driver["rules"] = Json::array();
  for (const auto& rule : rules.rules) driver["rules"].push_back(ruleDescriptor(rule));

  Json results = Json::array();
  Json notifications = Json::array();
  for (const auto& r : report.results) {
    for (const auto& f : r.findings)
      results.push_back(result(f, r, static_cast<std::size_t>(f.rule - rules.rules.data()), rules));
    for (const auto& n : r.notices) {
      Json note = {{"level", "warning"},
                   {"message", {{"text", fmt::format("{}: {}", r.workload->name, n.message)}}}};
      if (n.loc.known())
        note["locations"] = Json::array({{{"physicalLocation", physicalLocation(n.loc)}}});
      notifications.push_back(std::move(note));
    }
  }
  Json invocation = {{"executionSuccessful", true}};
  if (!notifications.empty()) invocation["toolExecutionNotifications"] = notifications;

  Json run;
  run["tool"] = {{"driver", driver}};
  run["invocations"] = Json::array({invocation});
  run["columnKind"] = "unicodeCodePoints";
  run["results"] = results;
  run["properties"] = {{"asOf", report.asOf.str()},
                       {"rules", rulesJson(rules)},
                       {"summary", summaryJson(summarize(report.results))}};
  Json log;
  log["$schema"] = kSchema;
  log["version"] = "2.1.0";
  log["runs"] = Json::array({run});
  writeJsonDocument(log, out);
}

} // namespace borderline
