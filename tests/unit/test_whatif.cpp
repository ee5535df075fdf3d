// whatif (analyze/whatif.cpp, whatif_changes.cpp): the smallest sets of changes, found by
// evaluating changed copies of the workload, with candidate values from the packs only.
#include "support.hpp"

#include "analyze/whatif.hpp"
#include "evaluate/evaluator.hpp"

using namespace bltest;

namespace {

std::vector<std::string> kinds(const Suggestion& s) {
  std::vector<std::string> out;
  for (const auto& c : s.changes) out.emplace_back(changeKindName(c.kind));
  return out;
}

bool suggests(const WhatIf& r, std::string_view kind) {
  return std::any_of(r.suggestions.begin(), r.suggestions.end(), [&](const Suggestion& s) {
    return s.changes.size() == 1 && changeKindName(s.changes[0].kind) == kind;
  });
}

// Every suggestion, re-applied and re-evaluated here, reaches the verdict it claims.
void checkEvaluated(const WhatIf& r, const Workload& w, const DateView& view) {
  for (const auto& s : r.suggestions) {
    std::vector<const Change*> changes;
    for (const auto& c : s.changes) changes.push_back(&c);
    const Variant v = applyChanges(w, changes, view.rules().catalog);
    Level verdict = evaluateWorkload(v.main, view).verdict;
    for (const auto& p : v.parts) verdict = std::max(verdict, evaluateWorkload(p, view).verdict);
    CHECK(verdict == s.verdict);
  }
}

} // namespace

TEST_CASE("whatif: one authorization, or a site outside the group", "[whatif]") {
  RuleDef rule;
  rule.verdict = "authorization-required";
  rule.satisfiedBy = "[bis-license]";
  rule.when = R"({site.country: {in: ["@D5"]}})"; // MY from 2025-01-15
  Engine engine({rule});
  const Workload& w = engine.loadOne(WorkloadDef{});
  const DateView view(engine.rules(), day("2025-06-01"));
  const WhatIf r = whatIf(w, view, {});
  CHECK(r.current == Level::AuthorizationRequired);
  CHECK(r.improves);
  CHECK(r.best == Level::Allowed);
  CHECK(r.size == 1);
  CHECK(suggests(r, "authorization"));
  CHECK(suggests(r, "site-country"));
  // Site candidates come from the rule (D5 on the date: CN, MY) and the workload (SG tenant);
  // only SG leaves the group.
  for (const auto& c : r.candidates.changes)
    if (c.kind == Change::Kind::SiteCountry) {
      const auto code = countryCode(c.country);
      CHECK((code == "CN" || code == "SG"));
    }
  for (const auto& s : r.suggestions)
    if (s.changes[0].kind == Change::Kind::SiteCountry)
      CHECK(countryCode(s.changes[0].country) == "SG");
  checkEvaluated(r, w, view);
}

TEST_CASE("whatif: keep personal data at its origin, or obtain the transfer mechanism",
          "[whatif]") {
  RuleDef rule;
  rule.verdict = "authorization-required";
  rule.regime = "data-transfer";
  rule.satisfiedBy = "[cac-security-assessment]";
  rule.when = "{data: {any: {all: [{origin: {eq: CN}}, {leavesOrigin: {eq: true}}, {categories: "
              "{contains: personal}}]}}}";
  Engine engine({rule});
  WorkloadDef wd;
  wd.extra = yaml(R"(
    data:
      - {name: crawl, origin: US, categories: [public]}
      - {name: chats, origin: CN, categories: [personal], subjects: 2500000}
  )");
  const Workload& w = engine.loadOne(wd);
  const DateView view(engine.rules(), day("2025-06-01"));
  const WhatIf r = whatIf(w, view, {});
  CHECK(r.best == Level::Allowed);
  CHECK(r.size == 1);
  CHECK(suggests(r, "transfer-mechanism"));
  REQUIRE(suggests(r, "keep-data-at-origin"));
  for (const auto& s : r.suggestions) {
    if (s.changes[0].kind != Change::Kind::KeepDataAtOrigin) continue;
    CHECK(countryCode(s.changes[0].country) == "CN");
    CHECK(s.changes[0].data == std::vector<int>{1});
    REQUIRE(s.parts.size() == 1);
    CHECK(s.parts[0].verdict == Level::Allowed);
    CHECK(s.cleared == std::vector<std::string>{"t.rule"});
  }
  checkEvaluated(r, w, view);
}

TEST_CASE("whatif: two independent findings need two changes", "[whatif]") {
  RuleDef a;
  a.id = "t.a";
  a.verdict = "authorization-required";
  a.satisfiedBy = "[licence-a]";
  a.when = "{purpose: {eq: training}}";
  RuleDef b;
  b.id = "t.b";
  b.verdict = "authorization-required";
  b.satisfiedBy = "[licence-b]";
  b.when = "{tenant.hq: {eq: SG}}";
  Engine engine({a, b});
  const Workload& w = engine.loadOne(WorkloadDef{});
  const DateView view(engine.rules(), day("2025-06-01"));
  const WhatIf r = whatIf(w, view, {});
  CHECK(r.best == Level::Allowed);
  REQUIRE(r.size == 2);
  REQUIRE_FALSE(r.suggestions.empty());
  CHECK(kinds(r.suggestions[0]) == std::vector<std::string>{"authorization", "authorization"});
  for (const auto& s : r.suggestions) CHECK(s.changes.size() == 2);
  checkEvaluated(r, w, view);
}

TEST_CASE("whatif: a duty that comes with a change brings its own candidates", "[whatif]") {
  // Obtaining licence-a opens t.follow-up, which needs licence-b: the search must find it even
  // though t.follow-up was not open before any change.
  RuleDef a;
  a.id = "t.a";
  a.verdict = "authorization-required";
  a.satisfiedBy = "[licence-a]";
  a.when = "{purpose: {eq: training}}";
  RuleDef followUp;
  followUp.id = "t.follow-up";
  followUp.verdict = "review";
  followUp.satisfiedBy = "[licence-b]";
  followUp.when = "{authorizations: {any: {type: {eq: licence-a}}}}";
  Engine engine({a, followUp});
  const Workload& w = engine.loadOne(WorkloadDef{});
  const DateView view(engine.rules(), day("2025-06-01"));
  const WhatIf r = whatIf(w, view, {});
  CHECK(r.best == Level::Allowed);
  CHECK(r.size == 2);
  checkEvaluated(r, w, view);
}

TEST_CASE("whatif: an allowed workload needs nothing", "[whatif]") {
  RuleDef rule;
  rule.when = "{purpose: {eq: inference}}";
  Engine engine({rule});
  const Workload& w = engine.loadOne(WorkloadDef{});
  const DateView view(engine.rules(), day("2025-06-01"));
  const WhatIf r = whatIf(w, view, {});
  CHECK(r.current == Level::Allowed);
  CHECK(r.suggestions.empty());
  CHECK(r.evaluations == 1);
}

TEST_CASE("whatif: no way out reports the best progress", "[whatif]") {
  RuleDef stuck;
  stuck.id = "t.stuck";
  stuck.verdict = "authorization-required";
  stuck.when = "{purpose: {eq: training}}"; // nothing the search may change clears it
  RuleDef other;
  other.id = "t.other";
  other.verdict = "review";
  other.satisfiedBy = "[licence-b]";
  other.when = "{purpose: {eq: training}}";
  Engine engine({stuck, other});
  const Workload& w = engine.loadOne(WorkloadDef{});
  const DateView view(engine.rules(), day("2025-06-01"));
  const WhatIf r = whatIf(w, view, {});
  CHECK_FALSE(r.improves);
  CHECK(r.best == Level::AuthorizationRequired);
  REQUIRE(r.suggestions.size() == 1);
  CHECK(r.suggestions[0].cleared == std::vector<std::string>{"t.other"});
}

TEST_CASE("whatif: chip candidates are the catalog's", "[whatif]") {
  RuleDef rule;
  rule.when = "{compute.chips: {any: {eccn: {in: [3A090.a]}}}}";
  Engine engine({rule});
  const Workload& w = engine.loadOne(WorkloadDef{}); // big-chip: 3A090.a
  const DateView view(engine.rules(), day("2025-06-01"));
  const WhatIf r = whatIf(w, view, {});
  int chips = 0;
  for (const auto& c : r.candidates.changes)
    if (c.kind == Change::Kind::Chip) {
      ++chips;
      CHECK(engine.rules().catalog.at(c.catalogIndex).id != "big-chip");
    }
  CHECK(chips == 2); // small-chip, fixed-chip
  CHECK(r.best == Level::Allowed);
  checkEvaluated(r, w, view);
}
