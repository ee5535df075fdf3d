// timeline (analyze/timeline.cpp): the dates on which a workload's verdict or findings change,
// and the dated change in the packs or the manifest that explains each.
#include "support.hpp"

#include "analyze/timeline.hpp"

using namespace bltest;

namespace {

Timeline timelineOf(Engine& engine, const WorkloadDef& w, std::string_view from,
                    std::string_view to) {
  const Workload& workload = engine.loadOne(w);
  return buildTimeline(workload, engine.rules(), {day(from), day(to), "test"});
}

std::vector<std::string> causeKinds(const TimelineStep& s) {
  std::vector<std::string> out;
  for (const auto& c : s.causes) out.emplace_back(causeKindName(c.kind));
  return out;
}

} // namespace

TEST_CASE("timeline: a country joining a group changes the verdict on the day", "[timeline]") {
  RuleDef rule;
  rule.when = R"({site.country: {in: ["@D5"]}})"; // MY joins D5 on 2025-01-15
  Engine engine({rule});
  const Timeline t = timelineOf(engine, WorkloadDef{}, "2024-01-01", "2025-12-31");
  CHECK(t.initial == Level::Allowed);
  REQUIRE(t.steps.size() == 1);
  const TimelineStep& s = t.steps[0];
  CHECK(s.date == day("2025-01-15"));
  CHECK(s.before == Level::Allowed);
  CHECK(s.after == Level::Review);
  REQUIRE(s.findings.size() == 1);
  CHECK_FALSE(s.findings[0].before);
  CHECK(causeKinds(s) == std::vector<std::string>{"group-changes"});
  CHECK(s.causes[0].subject == "@D5");
  CHECK_THAT(s.causes[0].text, Catch::Contains("adds MY"));
  REQUIRE(s.causes[0].citations);
  CHECK(s.causes[0].citations->front().ref == "Test group citation");
}

TEST_CASE("timeline: a rule starting and ending", "[timeline]") {
  RuleDef rule;
  rule.effective = "2025-03-01";
  rule.until = "2025-06-30";
  Engine engine({rule});
  const Timeline t = timelineOf(engine, WorkloadDef{}, "2025-01-01", "2025-12-31");
  REQUIRE(t.steps.size() == 2);
  CHECK(t.steps[0].date == day("2025-03-01"));
  CHECK(causeKinds(t.steps[0]) == std::vector<std::string>{"rule-starts"});
  CHECK(t.steps[1].date == day("2025-07-01"));
  CHECK(causeKinds(t.steps[1]) == std::vector<std::string>{"rule-ends"});
  CHECK(t.steps[1].after == Level::Allowed);
}

TEST_CASE("timeline: an authorization expiring reopens a finding", "[timeline]") {
  RuleDef rule;
  rule.verdict = "authorization-required";
  rule.satisfiedBy = "[bis-license]";
  Engine engine({rule});
  WorkloadDef w;
  w.extra = "authorizations: [{type: bis-license, reference: L1, expires: 2025-05-31}]";
  const Timeline t = timelineOf(engine, w, "2025-01-01", "2025-12-31");
  CHECK(t.initial == Level::Allowed);
  REQUIRE(t.steps.size() == 1);
  CHECK(t.steps[0].date == day("2025-06-01"));
  CHECK(t.steps[0].after == Level::AuthorizationRequired);
  REQUIRE(t.steps[0].findings.size() == 1);
  CHECK(t.steps[0].findings[0].before->status == FindingStatus::Satisfied);
  CHECK(t.steps[0].findings[0].after->status == FindingStatus::Open);
  CHECK(causeKinds(t.steps[0]) == std::vector<std::string>{"authorization-expires"});
}

TEST_CASE("timeline: a party listing names the listed entry", "[timeline]") {
  RuleDef rule;
  rule.when = "{tenant.listed: {contains: test-list}}";
  Engine engine({rule});
  WorkloadDef w;
  w.tenant = "{name: SenseTime Group Limited, hq: CN}"; // listed 2025-03-10
  const Timeline t = timelineOf(engine, w, "2025-01-01", "2025-12-31");
  REQUIRE(t.steps.size() == 1);
  CHECK(t.steps[0].date == day("2025-03-10"));
  CHECK(causeKinds(t.steps[0]) == std::vector<std::string>{"party-listed"});
  CHECK(t.steps[0].causes[0].subject == "SenseTime Group Limited");
}

TEST_CASE("timeline: nothing changes outside the range", "[timeline]") {
  RuleDef rule;
  rule.effective = "2025-03-01";
  Engine engine({rule});
  const Timeline t = timelineOf(engine, WorkloadDef{}, "2025-04-01", "2025-12-31");
  CHECK(t.initial == Level::Review);
  CHECK(t.steps.empty());
}

TEST_CASE("timeline: the range defaults to the period, else 2022-10-01 to a year from today",
          "[timeline]") {
  Engine engine;
  WorkloadDef w;
  const Workload& none = engine.loadOne(w);
  const TimelineRange a = timelineRange(none, std::nullopt, std::nullopt, day("2025-06-01"));
  CHECK(a.from == day("2022-10-01"));
  CHECK(a.to == day("2026-06-01"));
  w.name = "w2";
  w.extra = "period: {start: 2025-09-01, end: 2028-08-31}";
  const Workload& period = engine.loadOne(w);
  const TimelineRange b = timelineRange(period, std::nullopt, std::nullopt, day("2025-06-01"));
  CHECK(b.from == day("2025-09-01"));
  CHECK(b.to == day("2028-08-31"));
  CHECK(b.why == "period.start .. period.end");
  const TimelineRange c = timelineRange(period, day("2026-01-01"), std::nullopt, day("2025-06-01"));
  CHECK(c.from == day("2026-01-01"));
  CHECK(c.why == "--from .. period.end");
}
