#pragma once
#include "report/stream_reporter.hpp"

namespace borderline {

// One row per workload, for spreadsheets and joins: name, where it was read, verdict, the
// rules behind the verdict (open findings) with their citation refs, then the rules whose
// findings were satisfied, waived or advisory. Lists are `;`-separated. Reads no message, so
// the audit skips rendering them, as for the summary.
class CsvReporter : public StreamReporter {
public:
  using StreamReporter::StreamReporter;
  bool needsMessages() const override { return false; }
  void format(const Result& result, std::string& out) const override;
  void begin(Sink out) override;
  void end(const Tally&, Sink) override {}
};

} // namespace borderline
