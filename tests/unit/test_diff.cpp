// diff (analyze/diff.cpp): verdict changes between two sides, grouped by the rule responsible;
// screen (analyze/screen.cpp): one name against the party lists.
#include "support.hpp"

#include "analyze/diff.hpp"
#include "analyze/screen.hpp"

using namespace bltest;

TEST_CASE("diff: the rule whose finding moved the verdict is responsible", "[diff]") {
  RuleDef group;
  group.id = "t.group";
  group.verdict = "authorization-required";
  group.when = R"({site.country: {in: ["@D5"]}})"; // MY from 2025-01-15
  RuleDef steady;
  steady.id = "t.steady";
  steady.when = "{purpose: {eq: training}}"; // review on both dates
  Engine engine({group, steady});
  WorkloadDef my;
  WorkloadDef sg;
  sg.name = "w2";
  sg.siteCountry = "SG";
  std::vector<Workload> workloads = {engine.loadOne(my), engine.loadOne(sg)};
  const DateView before(engine.rules(), day("2025-01-01"));
  const DateView after(engine.rules(), day("2025-06-01"));
  const DiffResult r = diffWorkloads(workloads, before, workloads, after);
  CHECK(r.workloads == 2);
  REQUIRE(r.changed.size() == 1);
  CHECK(r.changed[0].workload->name == "w1");
  CHECK(r.changed[0].before == Level::Review);
  CHECK(r.changed[0].after == Level::AuthorizationRequired);
  CHECK(r.changed[0].responsible == std::vector<std::string>{"t.group"});
  REQUIRE(r.byRule.size() == 1);
  CHECK(r.byRule[0].rule == "t.group");
  CHECK(r.byRule[0].worse == 1);
  CHECK(r.worse() == 1);
  CHECK(r.better() == 0);
  CHECK(r.findingsOnly == 0);
}

TEST_CASE("diff: chips are rebound to the other catalog, unknown ones reported", "[diff]") {
  Engine engine;
  WorkloadDef w;
  w.chips = "[{model: big-chip, count: 8}, {model: small-chip, count: 2}]";
  std::vector<Workload> workloads = {engine.loadOne(w)};
  Engine other(std::vector<NamedText>{{"r.yaml", rulePack({RuleDef{}})}}); // same catalog
  std::vector<std::string> unknown;
  const auto rebound = rebindChips(workloads, other.rules().catalog, unknown);
  CHECK(unknown.empty());
  CHECK(rebound[0].chips[0].spec ==
        &other.rules().catalog.at(other.rules().catalog.find("big-chip")));
  CHECK(rebound[0].chips[0].spec != workloads[0].chips[0].spec);
}

TEST_CASE("screen: exact and fuzzy matches with whether they are in force", "[screen]") {
  Engine engine;
  const NameScreen s = screenName(engine.rules(), "SenseTime Group Ltd", day("2025-01-01"), 85);
  REQUIRE(s.matches.size() == 1);
  CHECK(s.matches[0].entry->name == "SenseTime Group Limited");
  CHECK(s.matches[0].exact);
  CHECK_FALSE(s.matches[0].inForce); // listed 2025-03-10
  CHECK(s.inForce() == 0);
  const NameScreen later = screenName(engine.rules(), "SenseTime Group Ltd", day("2025-06-01"), 85);
  CHECK(later.inForce() == 1);
  const NameScreen alias = screenName(engine.rules(), "Huawei", day("2025-06-01"), 85);
  REQUIRE_FALSE(alias.matches.empty());
  CHECK(alias.matches[0].matched == "Huawei");
  CHECK(screenName(engine.rules(), "Acme Widgets", day("2025-06-01"), 85).matches.empty());
}
