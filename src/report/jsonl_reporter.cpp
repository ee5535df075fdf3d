#include "report/jsonl_reporter.hpp"

#include "report/json_reporter.hpp"

namespace borderline {

nlohmann::ordered_json resultJson(const Result& result, const CompiledRules& rules) {
  auto j = toJson(result, rules);
  const Workload& w = *result.workload;
  if (w.siteCountry.has())
    j["site"] = {{"country", std::string(countryCode(*w.siteCountry.value))}};
  return j;
}

std::string dumpJson(const nlohmann::ordered_json& json, int indent) {
  return json.dump(indent, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

void JsonlReporter::format(const Result& result, std::string& out) const {
  out += dumpJson(resultJson(result, rules()));
  out += '\n';
}

} // namespace borderline
