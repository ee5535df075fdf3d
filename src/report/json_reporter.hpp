#pragma once
#include <nlohmann/json.hpp>

#include "report/reporter.hpp"

namespace borderline {

// The JSON report of cli.md. Keys keep a fixed order so output is byte-stable.
class JsonReporter : public Reporter {
public:
  void write(const Report& report, std::ostream& out) const override;
};

// Pieces shared with other JSON-based formats (jsonl, sarif).
nlohmann::ordered_json toJson(const Result& result, const CompiledRules& rules);
nlohmann::ordered_json toJson(const Citation& citation);
nlohmann::ordered_json toJson(const Location& location); // {file, line, column} as known
nlohmann::ordered_json rulesJson(const CompiledRules& rules);
nlohmann::ordered_json summaryJson(const Summary& summary);
nlohmann::ordered_json toolJson(); // {"name": "borderline", "version": ...}
// Dumps a report document the way every JSON output does (2-space indent, invalid UTF-8
// replaced, final newline).
void writeJsonDocument(const nlohmann::ordered_json& document, std::ostream& out);

} // namespace borderline
