// rules lint (analyze/lint.cpp, analyze/satisfiable.cpp): conditions that can never hold, rule
// versions that overlap, shadowed rules, unsourced citations, unused groups.
#include "support.hpp"

#include "analyze/lint.hpp"
#include "analyze/satisfiable.hpp"

using namespace bltest;

namespace {

// The lint checks reported for a rule pack, as "check subject". The standard test packs cite
// without url or note, so citation-unsourced is left out (it has its own test).
std::vector<std::string> issues(const std::vector<RuleDef>& rules, bool withNotes = false) {
  Engine engine(rules);
  std::vector<std::string> out;
  for (const auto& i : lintRules(engine.rules()).issues)
    if ((withNotes || i.severity != Severity::Note) && i.check != "citation-unsourced")
      out.push_back(i.check + " " + i.subject);
  return out;
}

bool neverFires(const std::string& when, std::string effective = "2020-01-01",
                std::string until = {}) {
  RuleDef rule;
  rule.when = when;
  rule.effective = std::move(effective);
  rule.until = std::move(until);
  const auto found = issues({rule});
  return std::find(found.begin(), found.end(), "never-fires t.rule") != found.end();
}

} // namespace

TEST_CASE("lint: contradictory operators on one path never fire", "[lint]") {
  CHECK(neverFires("{model.trainingCompute: {gte: 10, lt: 5}}"));
  CHECK(neverFires("{model.trainingCompute: {gt: 5, lte: 5}}"));
  CHECK(neverFires("{all: [{model.trainingCompute: {gte: 10}}, {purpose: {eq: training}}, "
                   "{model.trainingCompute: {lt: 5}}]}"));
  CHECK(neverFires("{site.country: {eq: CN, notIn: [CN, HK]}}"));
  CHECK(neverFires("{all: [{site.country: {eq: CN}}, {site.country: {eq: MY}}]}"));
  CHECK(neverFires("{purpose: {in: [training], eq: inference}}"));
  CHECK(neverFires("{model.name: {eq: a, ne: a}}"));
  CHECK(neverFires("{model.name: {exists: false, eq: a}}"));
  CHECK(neverFires("{data: {any: {origin: {in: [CN], eq: US}}}}"));
  CHECK(neverFires("{any: [{model.trainingCompute: {gt: 3, lt: 2}}, {purpose: {in: [training], ne: "
                   "training}}]}"));
}

TEST_CASE("lint: conditions that can hold are not reported", "[lint]") {
  CHECK_FALSE(neverFires("{model.trainingCompute: {gte: 5, lt: 10}}"));
  CHECK_FALSE(neverFires("{model.trainingCompute: {gte: 5, lte: 5}}"));
  CHECK_FALSE(
      neverFires("{any: [{model.trainingCompute: {gt: 3, lt: 2}}, {purpose: {eq: training}}]}"));
  CHECK_FALSE(neverFires("{not: {model.trainingCompute: {gt: 3, lt: 2}}}"));
  CHECK_FALSE(neverFires("{data: {all: {origin: {in: [CN], eq: US}}}}")); // true on no data
  CHECK_FALSE(neverFires(R"({site.country: {in: ["@D5"], ne: CN}})"));
}

TEST_CASE("lint: a group empty on every date of the rule's window", "[lint]") {
  // LATE has members only from 2026-01-01.
  CHECK(neverFires(R"({site.country: {in: ["@LATE"]}})", "2024-01-01", "2025-12-31"));
  CHECK_FALSE(neverFires(R"({site.country: {in: ["@LATE"]}})", "2024-01-01", "2026-06-30"));
  CHECK_FALSE(neverFires(R"({site.country: {in: ["@LATE"]}})", "2024-01-01"));
  // D5 loses MO on 2025-01-15: "MO and in D5" holds only before.
  CHECK(neverFires(R"({site.country: {eq: MO, in: ["@D5"]}})", "2025-02-01"));
  CHECK_FALSE(neverFires(R"({site.country: {eq: MO, in: ["@D5"]}})", "2024-02-01"));
}

TEST_CASE("lint: versions of one rule must not overlap", "[lint]") {
  RuleDef v1;
  v1.id = "t.x";
  v1.effective = "2024-01-01";
  RuleDef v2;
  v2.id = "t.x.2025";
  v2.effective = "2025-01-01";
  CHECK(issues({v1, v2}) == std::vector<std::string>{"overlapping-versions t.x.2025"});
  v1.until = "2024-12-31";
  CHECK(issues({v1, v2}).empty());
  RuleDef other;
  other.id = "t.x-other"; // another rule, not a version
  other.effective = "2024-01-01";
  v1.until.clear();
  CHECK(issues({v1, other}).empty());
}

TEST_CASE("lint: version families", "[lint]") {
  CHECK(versionFamily("us.ear.rs.3a090.2022") == "us.ear.rs.3a090");
  CHECK(versionFamily("us.ear.rs.3a090") == "us.ear.rs.3a090");
  CHECK(versionFamily("x.2") == "x");
  CHECK(versionFamily("x.2022.macau") == "x.2022.macau");
  CHECK(versionFamily("x.1.2") == "x");
}

TEST_CASE("lint: a rule implied by a prohibited rule is shadowed", "[lint]") {
  RuleDef ban;
  ban.id = "t.ban";
  ban.verdict = "prohibited";
  ban.when = "{tenant.hq: {eq: CN}}";
  RuleDef narrower;
  narrower.id = "t.narrower";
  narrower.verdict = "authorization-required";
  narrower.when = "{all: [{purpose: {eq: training}}, {tenant.hq: {eq: CN}}]}";
  CHECK(issues({ban, narrower}) == std::vector<std::string>{"shadowed t.narrower"});
  // Not when the prohibited rule starts later than the other.
  ban.effective = "2021-01-01";
  CHECK(issues({ban, narrower}).empty());
  ban.effective = "2020-01-01";
  // Not when the other rule's condition is not a superset.
  narrower.when = "{all: [{purpose: {eq: training}}, {tenant.hq: {eq: MY}}]}";
  CHECK(issues({ban, narrower}).empty());
}

TEST_CASE("lint: unused groups are notes", "[lint]") {
  RuleDef rule;
  rule.when = R"({site.country: {in: ["@D5"]}})";
  CHECK(issues({rule}, true) == std::vector<std::string>{"unused-group @LATE"});
  Engine engine({rule});
  const LintResult r = lintRules(engine.rules());
  CHECK(r.count(Severity::Error) == 0);
  CHECK(r.count(Severity::Note) == 1);
}

TEST_CASE("lint: a citation needs a url or a note", "[lint]") {
  const std::string pack = rulePackHeader("p") + yaml(R"(
    rules:
      - id: t.cited
        title: Cited
        regime: export-control
        effective: 2020-01-01
        when: {purpose: {eq: training}}
        verdict: review
        message: m
        citations:
          - {ref: Bare, provenance: unverified}
          - {ref: With url, url: "https://example.org", provenance: secondary}
          - {ref: With note, note: read in the official gazette, provenance: primary}
  )");
  Engine engine(std::vector<NamedText>{{"p.yaml", pack}});
  std::vector<std::string> found;
  for (const auto& i : lintRules(engine.rules()).issues)
    if (i.check == "citation-unsourced" && i.subject == "t.cited") found.push_back(i.message);
  REQUIRE(found.size() == 1);
  CHECK_THAT(found[0], Catch::Contains("'Bare'"));
}

TEST_CASE("lint: a chip value that no catalog chip or classification gives is a warning",
          "[lint]") {
  RuleDef known; // the standard classification sets 3A090.a; the catalog's fixed chip 3A991.p
  known.when = "{compute.chips: {any: {eccn: {in: [3A090.a, 3A991.p]}}}}";
  CHECK(issues({known}).empty());
  RuleDef typo;
  typo.when = "{compute.chips: {any: {eccn: {eq: 3A09O.a}}}}";
  CHECK(issues({typo}) == std::vector<std::string>{"unknown-chip-value t.rule"});
  RuleDef inUnless = known; // `unless` is checked too, and `ne` like `eq`
  inUnless.unless = "{compute.chips: {all: {eccn: {ne: 3A090.A}}}}";
  CHECK(issues({inUnless}) == std::vector<std::string>{"unknown-chip-value t.rule"});
  RuleDef named; // the catalog's vendor and name are known; a misspelt vendor is not
  named.when =
      "{compute.chips: {any: {all: [{vendor: {eq: TestCo}}, {name: {eq: Big Chip 80GB}}]}}}";
  CHECK(issues({named}).empty());
  named.when = "{compute.chips: {any: {vendor: {in: [TestCo, TestC0]}}}}";
  CHECK(issues({named}) == std::vector<std::string>{"unknown-chip-value t.rule"});
}
