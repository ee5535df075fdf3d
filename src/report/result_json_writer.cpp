#include "report/result_json_writer.hpp"

#include <nlohmann/json.hpp>

#include "model/party_path.hpp"
#include "report/json_reporter.hpp"

namespace borderline {

namespace {

void writeLocation(JsonWriter& out, const Location& loc) {
  out.beginObject();
  out.key("file");
  out.string(loc.file);
  if (loc.line) {
    out.key("line");
    out.number(loc.line);
  }
  if (loc.column) {
    out.key("column");
    out.number(loc.column);
  }
  out.endObject();
}

// The three runs of a finding's members that depend on its rule alone.
void writeTitle(JsonWriter& out, const Rule& rule) {
  out.key("title");
  out.string(rule.title);
}

void writeOrigin(JsonWriter& out, const Rule& rule) {
  out.key("regime");
  out.string(kRegimeDomain.name(static_cast<std::uint8_t>(rule.regime)));
  out.key("jurisdiction");
  out.string(rule.pack->jurisdiction);
}

void writeCitations(JsonWriter& out, const Rule& rule) {
  out.key("citations");
  out.beginArray();
  bool allUnverified = true;
  for (const auto& c : rule.citations) {
    out.json(toJson(c));
    allUnverified = allUnverified && c.provenance == Provenance::Unverified;
  }
  out.endArray();
  if (allUnverified) {
    out.key("unverified");
    out.boolean(true);
  }
}

void writeEntryCitations(JsonWriter& out, const PartyEntry& entry) {
  out.key("citations");
  out.beginArray();
  for (const auto& c : entry.citations) out.json(toJson(c));
  out.endArray();
}

// Labels as an object: a key given twice keeps its first place and takes its last value,
// as assigning them one by one to a JSON object does.
void writeLabels(JsonWriter& out, const std::vector<std::pair<std::string, std::string>>& labels) {
  out.beginObject();
  for (std::size_t i = 0; i < labels.size(); ++i) {
    const std::string& key = labels[i].first;
    bool seen = false;
    for (std::size_t k = 0; k < i && !seen; ++k) seen = labels[k].first == key;
    if (seen) continue;
    const std::string* value = &labels[i].second;
    for (std::size_t k = i + 1; k < labels.size(); ++k)
      if (labels[k].first == key) value = &labels[k].second;
    out.key(key);
    out.string(*value);
  }
  out.endObject();
}

} // namespace

ResultJsonWriter::ResultJsonWriter(const CompiledRules& rules) : rules_(rules) {}

ResultJsonWriter::ResultJsonWriter(const CompiledRules& rules, bool pretty, int depth)
    : rules_(rules) {
  // A finding's members sit three levels into its result: result, findings, finding.
  auto piece = [&](std::string& text, void (*members)(JsonWriter&, const Rule&), const Rule& rule) {
    JsonWriter out(text, pretty, depth + 2);
    out.resumeContainer();
    members(out, rule);
  };
  pieces_.resize(rules.rules.size());
  for (std::size_t i = 0; i < rules.rules.size(); ++i) {
    piece(pieces_[i].title, writeTitle, rules.rules[i]);
    piece(pieces_[i].origin, writeOrigin, rules.rules[i]);
    piece(pieces_[i].citations, writeCitations, rules.rules[i]);
  }
  // A match's members sit two levels further: the finding's screening list, the match.
  entryCitations_.resize(rules.parties.size());
  for (std::size_t i = 0; i < rules.parties.size(); ++i) {
    JsonWriter out(entryCitations_[i], pretty, depth + 4);
    out.resumeContainer();
    writeEntryCitations(out, rules.parties[i]);
  }
}

void ResultJsonWriter::match(JsonWriter& out, const ScreeningMatch& m) const {
  const auto index = static_cast<std::size_t>(m.entry);
  const PartyEntry& e = rules_.parties[index];
  out.beginObject();
  out.key("party");
  out.string(partyFieldPath(m.role, m.parent));
  out.key("list");
  out.string(rules_.partyLists[static_cast<std::size_t>(e.list)]);
  out.key("entry");
  out.string(e.name);
  out.key("matched");
  out.string(m.alias == 0 ? e.name : e.aliases[static_cast<std::size_t>(m.alias - 1)]);
  out.key("score");
  out.number(m.score);
  out.key("exact");
  out.boolean(m.exact);
  out.key("listed");
  if (e.listed)
    out.string(e.listed->str());
  else
    out.null();
  if (entryCitations_.empty())
    writeEntryCitations(out, e);
  else
    out.append(entryCitations_[index]);
  out.endObject();
}

void ResultJsonWriter::finding(JsonWriter& out, const Finding& f) const {
  const Rule& rule = *f.rule;
  const RulePieces* pieces =
      pieces_.empty() ? nullptr : &pieces_[static_cast<std::size_t>(&rule - rules_.rules.data())];
  out.beginObject();
  out.key("rule");
  out.string(rule.id);
  pieces ? out.append(pieces->title) : writeTitle(out, rule);
  out.key("verdict");
  out.string(levelName(f.level));
  out.key("status");
  out.string(statusName(f.status));
  if (!f.statusReason.empty()) {
    out.key("statusReason");
    out.string(f.statusReason);
  }
  pieces ? out.append(pieces->origin) : writeOrigin(out, rule);
  out.key("message");
  out.string(f.message);
  if (!f.remediation.empty()) {
    out.key("remediation");
    out.string(f.remediation);
  }
  pieces ? out.append(pieces->citations) : writeCitations(out, rule);
  if (!f.matches.empty()) {
    out.key("screening");
    out.beginArray();
    for (const auto& m : f.matches) match(out, m);
    out.endArray();
  }
  out.key("location");
  writeLocation(out, f.location);
  out.endObject();
}

void ResultJsonWriter::write(JsonWriter& out, const Result& r, bool site) const {
  const Workload& w = *r.workload;
  out.beginObject();
  out.key("workload");
  out.string(w.name);
  out.key("source");
  out.beginObject();
  out.key("file");
  out.string(w.loc.file);
  out.key("line");
  out.number(w.loc.line);
  out.endObject();
  if (!w.labels.empty()) {
    out.key("labels");
    writeLabels(out, w.labels);
  }
  out.key("verdict");
  out.string(levelName(r.verdict));
  out.key("findings");
  out.beginArray();
  for (const auto& f : r.findings) finding(out, f);
  out.endArray();
  if (!r.notices.empty()) {
    out.key("notices");
    out.beginArray();
    for (const auto& n : r.notices) {
      out.beginObject();
      out.key("message");
      out.string(n.message);
      out.key("location");
      writeLocation(out, n.loc);
      out.endObject();
    }
    out.endArray();
  }
  if (site && w.siteCountry.has()) {
    out.key("site");
    out.beginObject();
    out.key("country");
    out.string(countryCode(*w.siteCountry.value));
    out.endObject();
  }
  out.endObject();
}

} // namespace borderline
