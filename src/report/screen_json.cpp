// `screen --format json`: JSON Lines, one object per name screened, so that a million names
// stream through `jq` or a data pipeline without one giant document.
#include <charconv>
#include <memory>

#include "report/json_reporter.hpp"
#include "report/json_writer.hpp"
#include "report/screen_json_writer.hpp"
#include "report/screen_report.hpp"

namespace borderline {

using Json = nlohmann::ordered_json;

namespace {

std::string dumpJson(const Json& j) {
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

} // namespace

ScreenJsonWriter::ScreenJsonWriter(const CompiledRules& rules)
    : rules_(rules), pieces_(rules.parties.size()) {}

const ScreenJsonWriter::Pieces& ScreenJsonWriter::piecesOf(const PartyEntry& e) {
  auto& slot = pieces_[static_cast<std::size_t>(&e - rules_.parties.data())];
  if (slot) return *slot;
  slot = std::make_unique<Pieces>();
  Pieces& p = *slot;
  const PackInfo& pack = *rules_.partyListPacks[static_cast<std::size_t>(e.list)];
  p.head = "{\"name\":" + dumpJson(Json(e.name)) + ",\"matchedOn\":";
  p.mid = ",\"list\":" + dumpJson(Json(pack.name));
  if (!e.source.empty()) p.mid += ",\"source\":" + dumpJson(Json(e.source));
  p.mid += ",\"score\":";
  // The keys after "inForce", dumped as one object whose opening brace becomes a comma.
  Json j;
  j["listed"] = e.listed ? Json(e.listed->str()) : Json(nullptr);
  j["removed"] = e.removed ? Json(e.removed->str()) : Json(nullptr);
  j["listDate"] = pack.listDate ? Json(pack.listDate->str()) : Json(nullptr);
  j["country"] = e.country ? Json(std::string(countryCode(*e.country))) : Json(nullptr);
  j["licenseRequirement"] =
      e.licenseRequirement.empty() ? Json(nullptr) : Json(e.licenseRequirement);
  j["licensePolicy"] = e.licensePolicy.empty() ? Json(nullptr) : Json(e.licensePolicy);
  j["citation"] = e.citations.empty() ? Json(nullptr) : Json(e.citations.front().ref);
  j["citations"] = Json::array();
  for (const auto& c : e.citations) j["citations"].push_back(toJson(c));
  j["location"] = toJson(e.loc);
  p.tail = dumpJson(j);
  p.tail.front() = ',';
  return p;
}

void ScreenJsonWriter::append(const NameScreen& s, std::string& out) {
  out += '{';
  if (!s.workload.empty()) {
    out += "\"workload\":";
    appendJsonString(out, s.workload);
    out += ",\"party\":";
    appendJsonString(out, s.field);
    out += ",\"source\":";
    out += dumpJson(toJson(s.loc));
    out += ',';
  }
  out += "\"query\":";
  appendJsonString(out, s.name);
  out += ",\"normalized\":";
  appendJsonString(out, s.normalized);
  out += ",\"asOf\":";
  appendJsonString(out, s.date.str());
  out += ",\"matches\":[";
  bool first = true;
  for (const auto& m : s.matches) {
    if (!first) out += ',';
    first = false;
    const Pieces& p = piecesOf(*m.entry);
    out += p.head;
    appendJsonString(out, m.matched);
    out += p.mid;
    char digits[16];
    const auto end = std::to_chars(digits, digits + sizeof digits, m.score).ptr;
    out.append(digits, end);
    out += screening::matchLevel(m.score) == screening::MatchLevel::Probable
               ? ",\"level\":\"probable\""
               : ",\"level\":\"potential\"";
    out += m.exact ? ",\"exact\":true" : ",\"exact\":false";
    out += m.inForce ? ",\"inForce\":true" : ",\"inForce\":false";
    out += p.tail;
  }
  out += "]}\n";
}

void writeScreenJsonOne(const CompiledRules& rules, const NameScreen& s, std::ostream& out) {
  std::string line;
  ScreenJsonWriter(rules).append(s, line);
  out << line;
}

void writeScreenJson(const CompiledRules& rules, const std::vector<NameScreen>& screens,
                     std::ostream& out) {
  for (const auto& s : screens) writeScreenJsonOne(rules, s, out);
}

} // namespace borderline
