#pragma once
// The `timeline` report: each workload's verdict at the start of the range, then every date on
// which its verdict or findings change, with what changed them and the citations.
#include <ostream>
#include <span>

#include "analyze/timeline.hpp"

namespace borderline {

struct TimelineReport {
  const CompiledRules& rules;
  std::span<const Timeline> timelines;
};

void writeTimelineText(const TimelineReport& report, std::ostream& out);
void writeTimelineJson(const TimelineReport& report, std::ostream& out);

// "authorization-required, open" / "advisory"
std::string findingStateText(const FindingState& s);

} // namespace borderline
