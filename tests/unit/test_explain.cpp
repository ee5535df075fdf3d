// explain (analyze/explain.cpp) and its sentences (analyze/plain_language.cpp): the traced
// condition of each rule, in words, and why each authorization or waiver did or did not settle
// the finding.
#include "support.hpp"

#include "analyze/explain.hpp"
#include "analyze/plain_language.hpp"

using namespace bltest;

namespace {

const RuleExplanation& explained(const Explanation& e, std::string_view id) {
  for (const auto& r : e.rules)
    if (r.rule->id == id) return r;
  FAIL("rule " << id << " not explained");
  throw std::logic_error("unreachable");
}

std::vector<std::string> texts(const TraceNode& root, Date date, bool pruned) {
  std::vector<std::string> out;
  for (const auto& line : explainLines(root, date, pruned))
    out.push_back(std::string(static_cast<std::size_t>(line.depth) * 2, ' ') +
                  (line.result ? "+ " : "- ") + line.text);
  return out;
}

} // namespace

TEST_CASE("explain: a country in a group reads with the group and the date", "[explain]") {
  RuleDef rule;
  rule.when = R"({tenant.hq: {in: ["@D5"]}})";
  Engine engine({rule});
  WorkloadDef w;
  w.tenant = "{name: Example Cloud Ltd, hq: CN}";
  const Workload& workload = engine.loadOne(w);
  const DateView view(engine.rules(), day("2025-06-01"));
  const Explanation e = explainWorkload(workload, view, {});
  const RuleExplanation& r = explained(e, "t.rule");
  CHECK(r.fired());
  REQUIRE(r.when);
  CHECK(texts(*r.when, view.date(), true) ==
        std::vector<std::string>{"+ tenant.hq is CN (China), which is in group D5 on 2025-06-01"});
}

TEST_CASE("explain: a failing all shows its failing parts, or everything with --full",
          "[explain]") {
  RuleDef rule;
  rule.when = "{all: [{purpose: {eq: training}}, {site.country: {eq: CN}}, {model.trainingCompute: "
              "{gte: 1.0e26}}]}";
  Engine engine({rule});
  WorkloadDef w;
  w.extra = "model: {trainingCompute: 3.0e25}";
  const Workload& workload = engine.loadOne(w);
  const DateView view(engine.rules(), day("2025-06-01"));
  const RuleExplanation r = explained(explainWorkload(workload, view, {}), "t.rule");
  CHECK_FALSE(r.fired());
  REQUIRE(r.when);
  CHECK(texts(*r.when, view.date(), true) ==
        std::vector<std::string>{"- not all of these hold:",
                                 "  - site.country is MY (Malaysia), which does not equal CN",
                                 "  - model.trainingCompute is 3e+25, which is less than 1e+26"});
  CHECK(texts(*r.when, view.date(), false).size() == 4);
}

TEST_CASE("explain: list elements name the element and read fields in full", "[explain]") {
  RuleDef rule;
  rule.when = "{data: {any: {all: [{origin: {eq: CN}}, {subjects: {gte: 1000000}}]}}}";
  Engine engine({rule});
  WorkloadDef w;
  w.extra = yaml(R"(
    data:
      - {name: crawl, origin: US, categories: [public]}
      - {name: chats, origin: CN, categories: [personal], subjects: 2500000}
  )");
  const Workload& workload = engine.loadOne(w);
  const DateView view(engine.rules(), day("2025-06-01"));
  const RuleExplanation r = explained(explainWorkload(workload, view, {}), "t.rule");
  REQUIRE(r.fired());
  CHECK(texts(*r.when, view.date(), true) ==
        std::vector<std::string>{
            "+ some data source matches:", "  + data[1] \"chats\" matches:",
            "    + all of these hold:", "      + data.origin is CN (China), which equals CN",
            "      + data.subjects is 2,500,000, which is at least 1,000,000"});
  // The JSON-facing trace keeps every element, including the one that did not match.
  REQUIRE(r.when->children.size() == 2);
  CHECK_FALSE(r.when->children[0].result);
  CHECK(r.when->children[0].label == "data[0] \"crawl\"");
}

TEST_CASE("explain: why each authorization and waiver does or does not settle a finding",
          "[explain]") {
  RuleDef rule;
  rule.verdict = "authorization-required";
  rule.satisfiedBy = "[bis-license]";
  rule.when = "{purpose: {eq: training}}";
  Engine engine({rule});
  WorkloadDef w;
  w.extra = yaml(R"(
    authorizations:
      - {type: bis-license, reference: L1, expires: 2025-01-31}
      - {type: veu, reference: V1}
      - {type: bis-license, reference: L2, covers: [other.rule]}
    waivers:
      - {rule: t.rule, reason: pending, approvedBy: CCO}
      - {rule: other.rule, reason: unrelated, approvedBy: CCO, expires: 2030-01-01}
  )");
  const Workload& workload = engine.loadOne(w);
  const DateView view(engine.rules(), day("2025-06-01"));
  const Explanation e = explainWorkload(workload, view, {});
  const RuleExplanation& r = explained(e, "t.rule");
  REQUIRE(r.fired());
  CHECK(e.findingOf(r)->status == FindingStatus::Open);
  REQUIRE(r.authorizations.size() == 3);
  CHECK(r.authorizations[0].fit == AuthorizationFit::Expired);
  CHECK(r.authorizations[1].fit == AuthorizationFit::WrongType);
  CHECK(r.authorizations[2].fit == AuthorizationFit::NotCovering);
  REQUIRE(r.waivers.size() == 1); // only the waiver naming this rule
  CHECK(r.waivers[0].fit == WaiverFit::NoExpiry);
}

TEST_CASE("explain: a satisfied finding names the authorization that satisfied it", "[explain]") {
  RuleDef rule;
  rule.verdict = "authorization-required";
  rule.satisfiedBy = "[bis-license]";
  rule.when = "{purpose: {eq: training}}";
  Engine engine({rule});
  WorkloadDef w;
  w.extra =
      "authorizations: [{type: bis-license, reference: L9, covers: [t.rule], expires: 2026-01-01}]";
  const Workload& workload = engine.loadOne(w);
  const DateView view(engine.rules(), day("2025-06-01"));
  const Explanation e = explainWorkload(workload, view, {});
  const RuleExplanation& r = explained(e, "t.rule");
  CHECK(e.findingOf(r)->status == FindingStatus::Satisfied);
  REQUIRE(r.authorizations.size() == 1);
  CHECK(r.authorizations[0].fit == AuthorizationFit::Satisfies);
  CHECK(e.result.verdict == Level::Allowed);
}

TEST_CASE("explain: rules not in effect say when they apply", "[explain]") {
  RuleDef later;
  later.id = "t.later";
  later.effective = "2026-01-01";
  RuleDef ended;
  ended.id = "t.ended";
  ended.until = "2024-12-31";
  Engine engine({later, ended});
  const Workload& workload = engine.loadOne(WorkloadDef{});
  const DateView view(engine.rules(), day("2025-06-01"));
  const Explanation e = explainWorkload(workload, view, {});
  CHECK_FALSE(explained(e, "t.later").inEffect);
  CHECK_FALSE(explained(e, "t.later").when);
  CHECK(notInEffectReason(*engine.rules().findRule("t.later"), view.date()) ==
        "takes effect on 2026-01-01");
  CHECK(notInEffectReason(*engine.rules().findRule("t.ended"), view.date()) ==
        "in effect from 2020-01-01 until 2024-12-31; ended before 2025-06-01");
}

TEST_CASE("explain: filters keep one rule, or the fired ones, fired first", "[explain]") {
  RuleDef quiet;
  quiet.id = "t.quiet";
  quiet.when = "{purpose: {eq: inference}}";
  RuleDef fires;
  fires.id = "t.fires";
  Engine engine({quiet, fires});
  const Workload& workload = engine.loadOne(WorkloadDef{});
  const DateView view(engine.rules(), day("2025-06-01"));
  const Explanation all = explainWorkload(workload, view, {});
  REQUIRE(all.rules.size() == 2);
  CHECK(all.rules[0].rule->id == "t.fires");
  CHECK(explainWorkload(workload, view, {"t.quiet", false}).rules.size() == 1);
  const Explanation fired = explainWorkload(workload, view, {"", true});
  REQUIRE(fired.rules.size() == 1);
  CHECK(fired.rules[0].rule->id == "t.fires");
}
