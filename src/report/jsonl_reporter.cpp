#include "report/jsonl_reporter.hpp"

namespace borderline {

nlohmann::ordered_json resultJson(const Result& result, const CompiledRules& rules) {
  std::string text;
  JsonWriter out(text, false);
  ResultJsonWriter(rules).write(out, result, true);
  return nlohmann::ordered_json::parse(text);
}

std::string dumpJson(const nlohmann::ordered_json& json, int indent) {
  return json.dump(indent, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

JsonlReporter::JsonlReporter(StreamContext context)
    : StreamReporter(std::move(context)), writer_(rules(), false, 0) {}

void JsonlReporter::format(const Result& result, std::string& out) const {
  JsonWriter json(out, false);
  writer_.write(json, result, true);
  out += '\n';
}

} // namespace borderline
