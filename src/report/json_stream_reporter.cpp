#include "report/json_stream_reporter.hpp"

#include "report/json_reporter.hpp"
#include "report/jsonl_reporter.hpp"

namespace borderline {

using Json = nlohmann::ordered_json;

namespace {

// Re-indents a dumped block nested `depth` levels deep (JSON strings hold no raw line breaks).
std::string nested(const Json& json, int depth) {
  const std::string pad(static_cast<std::size_t>(2 * depth), ' ');
  std::string out;
  for (char c : dumpJson(json, 2)) {
    out += c;
    if (c == '\n') out += pad;
  }
  return out;
}

Json counts(const VerdictCounts& c) {
  Json j;
  for (int b = 0; b < kVerdictBuckets; ++b)
    j[std::string(levelName(bucketVerdict(b)))] = c[static_cast<std::size_t>(b)];
  return j;
}

} // namespace

Json summaryJson(const Tally& t) {
  Json j;
  j["workloads"] = t.workloads;
  for (int b = 0; b < kVerdictBuckets; ++b)
    j[std::string(levelName(bucketVerdict(b)))] = t.verdicts[static_cast<std::size_t>(b)];
  j["invalid"] = {{"workloads", t.invalidWorkloads}, {"rows", t.invalidRows}};
  // Breakdowns list only what occurred, in a fixed order (codes, pack order, rule order).
  Json byCountry = Json::object();
  for (int c = 0; c < kCountryCount; ++c) {
    const auto& v = t.bySiteCountry[static_cast<std::size_t>(c)];
    if (v[0] + v[1] + v[2] + v[3])
      byCountry[std::string(countryCode(static_cast<CountryId>(c)))] = counts(v);
  }
  Json byJurisdiction = Json::object();
  for (std::size_t i = 0; i < t.jurisdictions.size(); ++i) {
    const auto& v = t.byJurisdiction[i];
    if (v[0] + v[1] + v[2] + v[3]) byJurisdiction[t.jurisdictions[i]] = counts(v);
  }
  Json byRegime = Json::object();
  for (std::size_t g = 0; g < t.byRegime.size(); ++g) {
    const auto& v = t.byRegime[g];
    if (v[0] + v[1] + v[2] + v[3])
      byRegime[std::string(kRegimeDomain.name(static_cast<std::uint8_t>(g)))] = counts(v);
  }
  Json byRule = Json::object();
  for (std::size_t i = 0; i < t.byRule.size(); ++i) {
    const auto& r = t.byRule[i];
    if (!r.total()) continue;
    Json rj;
    for (int s = 0; s < 4; ++s)
      rj[std::string(statusName(static_cast<FindingStatus>(s)))] =
          r.byStatus[static_cast<std::size_t>(s)];
    byRule[t.rules().rules[i].id] = rj;
  }
  j["breakdown"] = {{"jurisdiction", byJurisdiction},
                    {"regime", byRegime},
                    {"siteCountry", byCountry},
                    {"rule", byRule}};
  return j;
}

void JsonStreamReporter::begin(Sink out) {
  Json head;
  head["tool"] = {{"name", "borderline"}, {"version", BORDERLINE_VERSION}};
  head["asOf"] = ctx_.asOf.str();
  head["rules"] = rulesJson(rules());
  std::string text = dumpJson(head, 2);
  text.resize(text.size() - 2); // drop "\n}": the object goes on
  out(text + ",\n  \"results\": [");
}

JsonStreamReporter::JsonStreamReporter(StreamContext context)
    : StreamReporter(std::move(context)), writer_(rules(), true, 2) {}

void JsonStreamReporter::format(const Result& result, std::string& out) const {
  out += ",\n    "; // write() drops the very first comma
  JsonWriter json(out, true, 2);
  writer_.write(json, result, true);
}

void JsonStreamReporter::write(std::string_view formatted, Sink out) {
  if (formatted.empty()) return;
  if (!any_) formatted.remove_prefix(1);
  any_ = true;
  out(formatted);
}

void JsonStreamReporter::end(const Tally& tally, Sink out) {
  out(std::string(any_ ? "\n  ]" : "]") + ",\n  \"summary\": " + nested(summaryJson(tally), 1) +
      "\n}\n");
}

} // namespace borderline
