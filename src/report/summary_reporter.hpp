#pragma once
#include "report/stream_reporter.hpp"

namespace borderline {

// `audit --format text`: the totals a compliance officer reads first, on one screen:
// workloads by verdict, then by jurisdiction, regime, site country and rule. Reads only
// verdicts and statuses, so the audit can skip rendering messages.
class SummaryReporter : public StreamReporter {
public:
  using StreamReporter::StreamReporter;
  bool needsMessages() const override { return false; }
  void end(const Tally& tally, Sink out) override;
};

} // namespace borderline
