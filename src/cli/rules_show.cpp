// `borderline rules show ID`: one rule (with the other versions of its family, so a rule's
// history is visible), one country group (with its membership over time) or one
// classification, as the compiler understood it.
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/rules_show.hpp"
#include "compile/condition_text.hpp"
#include "report/json_reporter.hpp"

namespace borderline {

namespace {

std::string window(Date effective, const std::optional<Date>& until) {
  return fmt::format("{} .. {}", effective.str(), until ? until->str() : "(no end)");
}

std::string citationText(const Citation& c) {
  std::string out = c.ref;
  if (!c.title.empty()) out += ", " + c.title;
  if (!c.published.empty()) out += " (" + c.published + ")";
  out += fmt::format(" [{}]", kProvenanceDomain.name(static_cast<std::uint8_t>(c.provenance)));
  if (!c.url.empty()) out += "\n        " + c.url;
  if (!c.note.empty()) out += "\n        note: " + c.note;
  return out;
}

void citations(std::ostream& out, const std::vector<Citation>& list) {
  out << "  citations:\n";
  for (const auto& c : list) out << "    - " << citationText(c) << '\n';
}

// The rule's family: ids sharing everything up to the last dot-separated part that is a
// version or a variant (e.g. us.ear.rs.3a090 and us.ear.rs.3a090.2022).
bool sameFamily(const std::string& a, const std::string& b) {
  auto stem = [](const std::string& id) {
    std::string s = id;
    while (!s.empty()) {
      const auto dot = s.rfind('.');
      if (dot == std::string::npos) break;
      const std::string last = s.substr(dot + 1);
      if (last.empty() || !std::isdigit(static_cast<unsigned char>(last[0]))) break;
      s.erase(dot);
    }
    return s;
  };
  return a != b &&
         (stem(a) == stem(b) || b.starts_with(stem(a) + ".") || a.starts_with(stem(b) + "."));
}

void showRule(const Rule& r, const CompiledRules& rules, std::ostream& out) {
  out << fmt::format("{}  ({} {}, {})\n", r.id, r.pack->name, r.pack->version,
                     r.pack->jurisdiction);
  out << "  title:      " << r.title << '\n';
  out << "  regime:     " << kRegimeDomain.name(static_cast<std::uint8_t>(r.regime)) << '\n';
  out << "  verdict:    " << levelName(r.verdict);
  if (!r.satisfiedBy.empty())
    out << fmt::format(" (satisfied by: {})", fmt::join(r.satisfiedBy, ", "));
  out << "\n  in effect:  " << window(r.effective, r.until) << '\n';
  if (!r.tags.empty()) out << fmt::format("  tags:       {}\n", fmt::join(r.tags, ", "));
  out << "  defined at: " << r.loc.str() << '\n';
  out << "  when:\n" << conditionText(r.when, 4);
  if (r.unless) out << "  unless:\n" << conditionText(*r.unless, 4);
  out << "  message:    " << templateText(r.message) << '\n';
  if (!r.remediation.empty()) out << "  remediation: " << templateText(r.remediation) << '\n';
  citations(out, r.citations);
  std::vector<const Rule*> family;
  for (const auto& other : rules.rules)
    if (sameFamily(r.id, other.id)) family.push_back(&other);
  if (!family.empty()) {
    out << "  related rules (history):\n";
    for (const Rule* f : family)
      out << fmt::format("    {:<48} {:<24} {}\n", f->id, window(f->effective, f->until),
                         levelName(f->verdict));
  }
}

std::vector<std::string_view> countryCodes(const CountrySet& set) {
  std::vector<std::string_view> list;
  set.forEach([&](CountryId c) { list.push_back(countryCode(c)); });
  return list;
}

void showGroup(const CountryGroup& g, std::ostream& out) {
  auto codes = [](const CountrySet& set) {
    return fmt::format("{}", fmt::join(countryCodes(set), " "));
  };
  out << fmt::format("@{}  {}\n", g.name, g.title);
  out << "  defined at: " << g.loc.str() << '\n';
  out << fmt::format("  {}: {} members: {}\n", g.effective ? g.effective->str() : "always",
                     g.members.size(), codes(g.members));
  for (const auto& c : g.changes) {
    out << "  " << c.date.str() << ":";
    if (!c.add.empty()) out << " add " << codes(c.add);
    if (!c.remove.empty()) out << " remove " << codes(c.remove);
    if (!c.note.empty()) out << "  (" << c.note << ")";
    out << '\n';
  }
  if (!g.notes.empty()) out << "  notes: " << g.notes << '\n';
  citations(out, g.citations);
}

void showClassification(const Classification& c, std::ostream& out) {
  out << fmt::format("{}  sets eccn {}\n", c.id, c.eccn);
  out << "  in effect:  " << window(c.effective, c.until) << '\n';
  out << "  defined at: " << c.loc.str() << '\n';
  out << "  when:\n" << conditionText(c.when, 4);
  citations(out, c.citations);
}

// Where a rule, group or classification is defined (the line, not the column, of its id).
nlohmann::ordered_json fileLine(const Location& loc) {
  return {{"file", std::string(loc.file)}, {"line", loc.line}};
}

nlohmann::ordered_json citationsJson(const std::vector<Citation>& citations) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const auto& c : citations) list.push_back(toJson(c));
  return list;
}

nlohmann::ordered_json ruleJson(const Rule& r) {
  nlohmann::ordered_json j;
  j["id"] = r.id;
  j["title"] = r.title;
  j["pack"] = r.pack->name;
  j["jurisdiction"] = r.pack->jurisdiction;
  j["regime"] = std::string(kRegimeDomain.name(static_cast<std::uint8_t>(r.regime)));
  j["verdict"] = std::string(levelName(r.verdict));
  j["effective"] = r.effective.str();
  j["until"] = r.until ? nlohmann::ordered_json(r.until->str()) : nlohmann::ordered_json(nullptr);
  j["satisfiedBy"] = r.satisfiedBy;
  j["tags"] = r.tags;
  j["when"] = conditionText(r.when);
  if (r.unless) j["unless"] = conditionText(*r.unless);
  j["message"] = templateText(r.message);
  j["remediation"] = templateText(r.remediation);
  j["citations"] = citationsJson(r.citations);
  j["location"] = fileLine(r.loc);
  return j;
}

// The same facts as showGroup: the members from `effective` (null: always) and the dated
// changes, each a list of ISO codes.
nlohmann::ordered_json groupJson(const CountryGroup& g) {
  using Json = nlohmann::ordered_json;
  Json j;
  j["group"] = g.name;
  j["title"] = g.title;
  j["effective"] = g.effective ? Json(g.effective->str()) : Json(nullptr);
  j["members"] = countryCodes(g.members);
  j["changes"] = Json::array();
  for (const auto& c : g.changes)
    j["changes"].push_back({{"date", c.date.str()},
                            {"add", countryCodes(c.add)},
                            {"remove", countryCodes(c.remove)},
                            {"note", c.note}});
  j["notes"] = g.notes;
  j["citations"] = citationsJson(g.citations);
  j["location"] = fileLine(g.loc);
  return j;
}

nlohmann::ordered_json classificationJson(const Classification& c) {
  using Json = nlohmann::ordered_json;
  Json j;
  j["classification"] = c.id;
  j["eccn"] = c.eccn;
  j["effective"] = c.effective.str();
  j["until"] = c.until ? Json(c.until->str()) : Json(nullptr);
  j["when"] = conditionText(c.when);
  j["citations"] = citationsJson(c.citations);
  j["location"] = fileLine(c.loc);
  return j;
}

} // namespace

std::optional<std::string> showRulesItem(const CompiledRules& rules, std::string_view id,
                                         std::string_view format) {
  std::ostringstream out;
  if (const Rule* r = rules.findRule(id)) {
    if (format == "json")
      out << ruleJson(*r).dump(2) << '\n';
    else
      showRule(*r, rules, out);
    return out.str();
  }
  const std::string_view name = id.starts_with("@") ? id.substr(1) : id;
  if (auto g = rules.findGroup(name)) {
    if (format == "json")
      out << groupJson(rules.groups[*g]).dump(2) << '\n';
    else
      showGroup(rules.groups[*g], out);
    return out.str();
  }
  for (const auto& c : rules.classifications)
    if (c.id == id) {
      if (format == "json")
        out << classificationJson(c).dump(2) << '\n';
      else
        showClassification(c, out);
      return out.str();
    }
  return std::nullopt;
}

} // namespace borderline
