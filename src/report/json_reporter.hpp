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
nlohmann::ordered_json rulesJson(const CompiledRules& rules);

} // namespace borderline
