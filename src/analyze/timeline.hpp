#pragma once
// `timeline`: a workload's verdict and findings on every date of a range where they change,
// and what in the rule packs (a rule starting or ending, a country group changing, a chip
// classification, a party listing) or in the manifest (an authorization or waiver expiring)
// changed them. The workload is evaluated on each date of CompiledRules::changeDates() (plus
// the manifest's expiry dates) and the results compared: between two such dates nothing the
// evaluation depends on changes.
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "analyze/finding_changes.hpp"
#include "compile/rules.hpp"

namespace borderline {

// Something dated that explains a change.
struct TimelineCause {
  enum class Kind : std::uint8_t {
    RuleStarts,
    RuleEnds,
    GroupStarts,
    GroupChanges,
    ClassificationStarts,
    ClassificationEnds,
    PartyListed,
    PartyDelisted,
    AuthorizationExpires,
    WaiverExpires
  };
  Kind kind = Kind::RuleStarts;
  std::string subject; // rule id, "@D5", classification id, listed name, authorization
  std::string text;    // what happened, in a sentence
  const std::vector<Citation>* citations = nullptr; // null for the manifest's own dates
  Location loc;                                     // where it is defined
};
std::string_view causeKindName(TimelineCause::Kind kind); // rule-starts, group-changes, ...

struct TimelineStep {
  Date date;
  Level before = Level::Allowed, after = Level::Allowed;
  std::vector<FindingChange> findings;
  std::vector<TimelineCause> causes;
};

struct Timeline {
  const Workload* workload = nullptr;
  Date from, to;
  std::string range; // how the range was chosen, e.g. "the workload's period"
  Level initial = Level::Allowed;
  std::vector<FindingState> initialFindings;
  std::vector<TimelineStep> steps;
  int datesEvaluated = 0;
};

struct TimelineRange {
  Date from, to;
  std::string why;
};
// --from/--to when given, else the workload's period, else 2022-10-01 to today + 1 year (the
// advanced-computing rules start in October 2022).
TimelineRange timelineRange(const Workload& w, std::optional<Date> from, std::optional<Date> to,
                            Date today);

// `waivers`: a central waivers file's entries (see evaluateWorkload).
Timeline buildTimeline(const Workload& workload, const CompiledRules& rules,
                       const TimelineRange& range, std::span<const Waiver> waivers = {});

} // namespace borderline
