#pragma once
#include <nlohmann/json.hpp>

#include "report/result_json_writer.hpp"
#include "report/stream_reporter.hpp"

namespace borderline {

// The JSON report of cli.md, written as results arrive: the same layout and bytes as the
// `check` report, with audit results (resultJson) and a summary that adds the invalid rows
// and the breakdowns.
class JsonStreamReporter : public StreamReporter {
public:
  explicit JsonStreamReporter(StreamContext context);
  void format(const Result& result, std::string& out) const override;
  void begin(Sink out) override;
  void write(std::string_view formatted, Sink out) override;
  void end(const Tally& tally, Sink out) override;

private:
  bool any_ = false;
  ResultJsonWriter writer_; // results sit two levels deep: document, results
};

// The summary object: cli.md's counts, then the invalid workloads skipped and the breakdowns.
nlohmann::ordered_json summaryJson(const Tally& tally);

} // namespace borderline
