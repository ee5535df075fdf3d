#pragma once
#include <nlohmann/json.hpp>

#include "report/result_json_writer.hpp"
#include "report/stream_reporter.hpp"

namespace borderline {

// One result of an audit as JSON: the JSON report's result object (toJson), plus the facts
// the audit's breakdowns need that it does not carry (the site country), so that
// `report merge` can rebuild every report format from JSONL alone.
nlohmann::ordered_json resultJson(const Result& result, const CompiledRules& rules);
// Compact, one line, invalid UTF-8 replaced: how every JSON piece of a streamed report is dumped.
std::string dumpJson(const nlohmann::ordered_json& json, int indent = -1);

// JSON Lines: one result object per line, nothing else, so results concatenate and merge.
class JsonlReporter : public StreamReporter {
public:
  explicit JsonlReporter(StreamContext context);
  void format(const Result& result, std::string& out) const override;
  void end(const Tally&, Sink) override {}

private:
  ResultJsonWriter writer_; // the rules' constant pieces, written once
};

} // namespace borderline
