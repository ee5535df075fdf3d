// The evaluator (evaluate/evaluator.cpp, date_view.cpp, party_screen.cpp, render.cpp): rule
// dates, classifications, verdicts, authorizations, waivers, party screening, messages,
// locations and determinism.
#include "support.hpp"

using namespace bltest;

namespace {

std::vector<std::string> ruleIds(const Result& r) {
  std::vector<std::string> ids;
  for (const auto& f : r.findings) ids.push_back(f.rule->id);
  return ids;
}

const Finding& requireFinding(const Result& r, std::string_view id) {
  INFO(describe(r));
  const Finding* f = findingFor(r, id);
  REQUIRE(f != nullptr);
  return *f;
}

bool hasNotice(const Result& r, std::string_view text) {
  for (const auto& n : r.notices)
    if (n.message == text) return true;
  return false;
}

} // namespace

// ------------------------------------------------------------------------------- dates

TEST_CASE("evaluator: a rule applies from effective through until", "[evaluator][dates]") {
  Engine engine(
      std::vector<RuleDef>{{.id = "t.window", .effective = "2025-03-01", .until = "2025-06-30"},
                           {.id = "t.open-ended", .effective = "2025-03-01"}});
  const Workload& w = engine.loadOne(WorkloadDef{});
  SECTION("the day before effective") {
    CHECK(engine.evaluate(w, "2025-02-28").findings.empty());
  }
  SECTION("the effective day") {
    CHECK(ruleIds(engine.evaluate(w, "2025-03-01")) ==
          std::vector<std::string>{"t.open-ended", "t.window"});
  }
  SECTION("the until day") {
    CHECK(findingFor(engine.evaluate(w, "2025-06-30"), "t.window") != nullptr);
  }
  SECTION("the day after until") {
    CHECK(ruleIds(engine.evaluate(w, "2025-07-01")) == std::vector<std::string>{"t.open-ended"});
  }
  SECTION("the DateView lists the rules in effect") {
    const DateView before(engine.rules(), day("2025-02-28"));
    const DateView during(engine.rules(), day("2025-06-30"));
    const DateView after(engine.rules(), day("2025-07-01"));
    CHECK(before.rulesInEffect().empty());
    CHECK(during.rulesInEffect().size() == 2);
    REQUIRE(after.rulesInEffect().size() == 1);
    CHECK(after.rulesInEffect()[0]->id == "t.open-ended");
  }
}

// ----------------------------------------------------------------------- classifications

TEST_CASE("evaluator: classifications give each chip its ECCN on the date",
          "[evaluator][classification]") {
  const std::string classifications = yaml(R"(
    classifications:
      - id: c.2022
        sets: {eccn: 3A090-2022}
        effective: 2022-10-07
        until: 2023-11-16
        when: {all: [{tpp: {gte: 4800}}, {ioBandwidth: {gte: 600}}]}
        citations: [{ref: t, provenance: primary}]
      - id: c.2023.a
        sets: {eccn: 3A090.a}
        effective: 2023-11-17
        when: {tpp: {gte: 4800}}
        citations: [{ref: t, provenance: primary}]
      - id: c.2023.b
        sets: {eccn: 3A090.b}
        effective: 2023-11-17
        when: {tpp: {gte: 500}}
        citations: [{ref: t, provenance: primary}]
      - id: c.fixed
        sets: {eccn: 3A090.z}
        effective: 2024-06-01
        when: {id: {eq: fixed-chip}}
        citations: [{ref: t, provenance: primary}]
  )");
  Engine engine(std::vector<RuleDef>{RuleDef{}}, classifications);
  const ChipCatalog& catalog = engine.rules().catalog;
  auto eccn = [&](std::string_view chip, std::string_view date) -> std::string {
    const DateView view(engine.rules(), day(date));
    const int index = catalog.find(chip);
    REQUIRE(index >= 0);
    const std::string* e = view.eccn(catalog.at(index), index);
    return e ? *e : "(none)";
  };
  SECTION("before any classification is in effect") {
    CHECK(eccn("big-chip", "2022-10-06") == "(none)");
  }
  SECTION("dated versions: the old one through its until, the new one from its effective") {
    CHECK(eccn("big-chip", "2022-10-07") == "3A090-2022");
    CHECK(eccn("big-chip", "2023-11-16") == "3A090-2022");
    CHECK(eccn("big-chip", "2023-11-17") == "3A090.a");
  }
  SECTION("the first classification in effect that holds wins") {
    // big-chip satisfies both c.2023.a and c.2023.b.
    CHECK(eccn("big-chip", "2024-01-01") == "3A090.a");
    CHECK(eccn("small-chip", "2024-01-01") == "3A090.b");
    CHECK(eccn("small-chip", "2023-11-16") == "(none)");
  }
  SECTION("the catalog's fixed ECCN applies when no classification holds") {
    CHECK(eccn("fixed-chip", "2020-01-01") == "3A991.p");
    CHECK(eccn("fixed-chip", "2024-05-31") == "3A991.p");
    CHECK(eccn("fixed-chip", "2024-06-01") == "3A090.z");
  }
  SECTION("inline chips are classified the same way") {
    WorkloadDef w;
    w.chips = "[{model: {name: Custom, origin: US, datacenter: true, tops: {fp16: 400}}, count: "
              "1}]"; // TPP 6400
    RuleDef rule{.id = "t.eccn",
                 .when = "{compute.chips.eccn: {eq: 3A090.a}}",
                 .message = "ECCN {compute.chips.eccn}"};
    Engine inlineEngine(std::vector<RuleDef>{rule}, classifications);
    const Workload& loaded = inlineEngine.loadOne(w);
    CHECK(findingFor(inlineEngine.evaluate(loaded, "2023-11-16"), "t.eccn") == nullptr);
    const Result r = inlineEngine.evaluate(loaded, "2023-11-17");
    CHECK(requireFinding(r, "t.eccn").message == "ECCN 3A090.a");
  }
}

// ------------------------------------------------------------------------------ verdicts

TEST_CASE("evaluator: the verdict is the worst open finding", "[evaluator][verdict]") {
  const std::vector<RuleDef> rules = {
      {.id = "t.review", .verdict = "review"},
      {.id = "t.auth",
       .when = "{site.country: {eq: MY}}",
       .verdict = "authorization-required",
       .satisfiedBy = "[bis-license]"},
      {.id = "t.advisory", .verdict = "advisory"},
      {.id = "t.prohibited", .when = "{endUse: {contains: wmd}}", .verdict = "prohibited"},
  };
  Engine engine(rules);
  SECTION("authorization-required beats review; advisory is reported but does not count") {
    const Result r = engine.evaluate(WorkloadDef{}, "2025-06-01");
    INFO(describe(r));
    CHECK(r.verdict == Level::AuthorizationRequired);
    CHECK(ruleIds(r) == std::vector<std::string>{"t.auth", "t.review", "t.advisory"});
    CHECK(requireFinding(r, "t.advisory").status == FindingStatus::Advisory);
    CHECK(requireFinding(r, "t.auth").status == FindingStatus::Open);
  }
  SECTION("prohibited beats everything") {
    WorkloadDef w;
    w.extra = "endUse: [civil, wmd]";
    CHECK(engine.evaluate(w, "2025-06-01").verdict == Level::Prohibited);
  }
  SECTION("a satisfied finding no longer counts") {
    WorkloadDef w;
    w.extra = "authorizations: [{type: bis-license, reference: L-1}]";
    const Result r = engine.evaluate(w, "2025-06-01");
    CHECK(requireFinding(r, "t.auth").status == FindingStatus::Satisfied);
    CHECK(r.verdict == Level::Review);
  }
}

TEST_CASE("evaluator: advisory findings never change the verdict", "[evaluator][verdict]") {
  Engine engine(std::vector<RuleDef>{{.id = "t.advisory", .verdict = "advisory"}});
  const Result r = engine.evaluate(WorkloadDef{}, "2025-06-01");
  CHECK(r.verdict == Level::Allowed);
  REQUIRE(r.findings.size() == 1);
  CHECK(r.findings[0].level == Level::Advisory);
  CHECK(r.findings[0].status == FindingStatus::Advisory);
}

TEST_CASE("evaluator: no finding means allowed", "[evaluator][verdict]") {
  Engine engine(std::vector<RuleDef>{
      {.id = "t.cn", .when = "{site.country: {eq: CN}}", .verdict = "prohibited"}});
  const Result r = engine.evaluate(WorkloadDef{}, "2025-06-01");
  CHECK(r.findings.empty());
  CHECK(r.verdict == Level::Allowed);
}

// ------------------------------------------------------------------------ authorizations

TEST_CASE("evaluator: an authorization satisfies a finding when type, covers and date fit",
          "[evaluator][authorizations]") {
  Engine engine(std::vector<RuleDef>{{.id = "t.auth",
                                      .verdict = "authorization-required",
                                      .satisfiedBy = "[bis-license, veu]",
                                      .tags = "[ai-chips, hq-d5]"}});
  auto statusWith = [&](const std::string& authorization, std::string_view date = "2025-06-01") {
    WorkloadDef w;
    w.extra = "authorizations:\n  - " + authorization;
    const Result r = engine.evaluate(w, date);
    INFO(describe(r));
    return requireFinding(r, "t.auth").status;
  };
  SECTION("a type the rule does not accept") {
    CHECK(statusWith("{type: nac-notification}") == FindingStatus::Open);
  }
  SECTION("an accepted type, covers absent or empty: every rule that accepts the type") {
    CHECK(statusWith("{type: bis-license}") == FindingStatus::Satisfied);
    CHECK(statusWith("{type: veu, covers: []}") == FindingStatus::Satisfied);
  }
  SECTION("covers naming the rule id") {
    CHECK(statusWith("{type: bis-license, covers: [t.other, t.auth]}") == FindingStatus::Satisfied);
  }
  SECTION("covers naming one of the rule's tags") {
    CHECK(statusWith("{type: bis-license, covers: [hq-d5]}") == FindingStatus::Satisfied);
  }
  SECTION("covers naming something else") {
    CHECK(statusWith("{type: bis-license, covers: [t.other, data-transfer]}") ==
          FindingStatus::Open);
  }
  SECTION("valid through its expires day") {
    const std::string a = "{type: bis-license, reference: L-1, expires: 2025-06-30}";
    CHECK(statusWith(a, "2025-06-29") == FindingStatus::Satisfied);
    CHECK(statusWith(a, "2025-06-30") == FindingStatus::Satisfied);
    CHECK(statusWith(a, "2025-07-01") == FindingStatus::Open);
  }
  SECTION("the satisfying authorization is named") {
    WorkloadDef w;
    w.extra = "authorizations: [{type: bis-license, reference: L-1, expires: 2025-06-30}]";
    const Result r = engine.evaluate(w, "2025-06-01");
    CHECK(requireFinding(r, "t.auth").statusReason ==
          "satisfied by bis-license L-1 (valid until 2025-06-30)");
    CHECK(r.verdict == Level::Allowed);
  }
}

TEST_CASE("evaluator: an expired authorization satisfies nothing and is reported",
          "[evaluator][authorizations]") {
  Engine engine(std::vector<RuleDef>{
      {.id = "t.auth", .verdict = "authorization-required", .satisfiedBy = "[bis-license]"}});
  WorkloadDef w;
  w.extra = yaml(R"(
    authorizations:
      - {type: bis-license, reference: L-1, expires: 2025-06-30}
  )");
  const Workload& loaded = engine.loadOne(w);
  const Result r = engine.evaluate(loaded, "2025-07-01");
  INFO(describe(r));
  const Finding& f = requireFinding(r, "t.auth");
  CHECK(f.status == FindingStatus::Open);
  CHECK(f.statusReason == "not satisfied: bis-license L-1 expired on 2025-06-30");
  CHECK(r.verdict == Level::AuthorizationRequired);
  REQUIRE(r.notices.size() == 1);
  CHECK(r.notices[0].message ==
        "authorization bis-license L-1 expired on 2025-06-30; it satisfies nothing");
  CHECK(r.notices[0].loc.line == 15);
  CHECK(r.notices[0].loc.column == 7);
  SECTION("no notice while it is valid") {
    CHECK(engine.evaluate(loaded, "2025-06-30").notices.empty());
  }
  SECTION("a valid authorization beside an expired one still satisfies") {
    WorkloadDef both = w;
    both.extra += "  - {type: bis-license, reference: L-2, expires: 2026-06-30}\n";
    const Result r2 = engine.evaluate(both, "2025-07-01");
    CHECK(requireFinding(r2, "t.auth").status == FindingStatus::Satisfied);
    CHECK(
        hasNotice(r2, "authorization bis-license L-1 expired on 2025-06-30; it satisfies nothing"));
  }
}

TEST_CASE("evaluator: covers naming no loaded rule or tag is reported, like a waiver's unknown "
          "rule",
          "[evaluator][authorizations]") {
  Engine engine(std::vector<RuleDef>{{.id = "t.auth",
                                      .verdict = "authorization-required",
                                      .satisfiedBy = "[bis-license]",
                                      .tags = "[hq-d5]"}});
  const auto notices = [&](const std::string& authorization) {
    WorkloadDef w;
    w.extra = "authorizations:\n  - " + authorization;
    return engine.evaluate(w, "2025-06-01").notices;
  };
  const auto onlyNotice = [&](const std::string& authorization) {
    const auto n = notices(authorization);
    REQUIRE(n.size() == 1);
    return n[0];
  };
  SECTION("every entry unknown: the authorization satisfies nothing") {
    const Notice n = onlyNotice("{type: bis-license, reference: L-1, covers: [t.auht]}");
    CHECK(n.message == "authorization bis-license L-1 covers 't.auht', which is no rule id or "
                       "tag in the loaded rule packs; it satisfies nothing");
    CHECK(n.loc.line == 15);
  }
  SECTION("one entry unknown beside a known one") {
    CHECK(onlyNotice("{type: bis-license, covers: [hq-d5, hq-d6]}").message ==
          "authorization bis-license covers 'hq-d6', which is no rule id or tag in the loaded "
          "rule packs; that entry covers nothing");
  }
  SECTION("known ids and tags are quiet") {
    CHECK(notices("{type: bis-license, covers: [t.auth, hq-d5]}").empty());
  }
  SECTION("a type no loaded rule accepts is no error (types are an open set) but is noted") {
    const Notice n = onlyNotice("{type: bis-licence, reference: L-9}");
    CHECK(n.message == "authorization bis-licence L-9 is of type 'bis-licence', which no rule "
                       "in the loaded rule packs accepts; it satisfies nothing");
    CHECK(n.loc.line == 15);
  }
}

TEST_CASE("evaluator: a transfer mechanism no loaded rule accepts is noted",
          "[evaluator][authorizations]") {
  Engine engine(std::vector<RuleDef>{{.id = "t.transfer",
                                      .when = "{data: {any: {origin: {eq: CN}}}}",
                                      .verdict = "authorization-required",
                                      .satisfiedBy = "[cn-standard-contract]"}});
  WorkloadDef w;
  w.extra = "data:\n  - {name: users, origin: CN, categories: [personal], subjects: 5,\n"
            "     transfer: [cn-standard-contract, gba-standard-contract]}";
  const Result r = engine.evaluate(w, "2025-06-01");
  REQUIRE(r.notices.size() == 1);
  CHECK(r.notices[0].message ==
        "data source \"users\" lists transfer mechanism 'gba-standard-contract', which no rule "
        "in the loaded rule packs accepts; it satisfies nothing");
  CHECK(requireFinding(r, "t.transfer").status == FindingStatus::Satisfied);
}

TEST_CASE("evaluator: transfer mechanisms satisfy a data rule only when every firing source "
          "has one",
          "[evaluator][authorizations]") {
  Engine engine(std::vector<RuleDef>{
      {.id = "t.transfer",
       .when = "{data: {any: {all: [{origin: {eq: CN}}, {categories: {contains: personal}}]}}}",
       .verdict = "authorization-required",
       .satisfiedBy = "[cn-standard-contract, cac-security-assessment]",
       .regime = "data-transfer"}});
  auto status = [&](const std::string& data) {
    WorkloadDef w;
    w.extra = "data:\n" + indented(data, 2);
    const Result r = engine.evaluate(w, "2025-06-01");
    INFO(describe(r));
    return requireFinding(r, "t.transfer").status;
  };
  SECTION("one of two firing sources covered") {
    CHECK(status(yaml(R"(
      - {name: chats, origin: CN, categories: [personal], transfer: [cn-standard-contract]}
      - {name: contacts, origin: CN, categories: [personal]}
    )")) == FindingStatus::Open);
  }
  SECTION("a mechanism the rule does not accept") {
    CHECK(status(yaml(R"(
      - {name: chats, origin: CN, categories: [personal], transfer: [cn-standard-contract]}
      - {name: contacts, origin: CN, categories: [personal], transfer: [consent, eu-scc]}
    )")) == FindingStatus::Open);
  }
  SECTION("every firing source covered, each by an accepted mechanism") {
    CHECK(status(yaml(R"(
      - {name: chats, origin: CN, categories: [personal], transfer: [cn-standard-contract]}
      - {name: contacts, origin: CN, categories: [personal], transfer: [consent, cac-security-assessment]}
    )")) == FindingStatus::Satisfied);
  }
  SECTION("sources that did not fire need nothing") {
    CHECK(status(yaml(R"(
      - {name: web, origin: US, categories: [public]}
      - {name: chats, origin: CN, categories: [personal], transfer: [cn-standard-contract]}
    )")) == FindingStatus::Satisfied);
  }
  SECTION("a mechanism on a source that did not fire covers nothing") {
    CHECK(status(yaml(R"(
      - {name: web, origin: US, categories: [public], transfer: [cn-standard-contract]}
      - {name: chats, origin: CN, categories: [personal]}
    )")) == FindingStatus::Open);
  }
}

// ------------------------------------------------------------------------------ waivers

TEST_CASE("evaluator: a waiver waives a finding through its expires day", "[evaluator][waivers]") {
  Engine engine(std::vector<RuleDef>{{.id = "t.review", .verdict = "review"},
                                     {.id = "t.auth", .verdict = "authorization-required"}});
  WorkloadDef w;
  w.extra = yaml(R"(
    waivers:
      - {rule: t.review, reason: accepted risk, approvedBy: CCO, expires: 2025-06-30}
  )");
  const Workload& loaded = engine.loadOne(w);
  SECTION("on the expires day") {
    const Result r = engine.evaluate(loaded, "2025-06-30");
    INFO(describe(r));
    const Finding& f = requireFinding(r, "t.review");
    CHECK(f.status == FindingStatus::Waived);
    CHECK(f.statusReason == "waived until 2025-06-30 by CCO: accepted risk");
    CHECK(requireFinding(r, "t.auth").status == FindingStatus::Open); // not named
    CHECK(r.verdict == Level::AuthorizationRequired);
    CHECK(r.notices.empty());
  }
  SECTION("the day after expires: not waived, and reported") {
    const Result r = engine.evaluate(loaded, "2025-07-01");
    INFO(describe(r));
    CHECK(requireFinding(r, "t.review").status == FindingStatus::Open);
    REQUIRE(r.notices.size() == 1);
    CHECK(r.notices[0].message == "waiver for 't.review' expired on 2025-06-30; it waives nothing");
    CHECK(r.notices[0].loc.line == 15);
  }
  SECTION("waiving the only open finding makes the workload allowed") {
    Engine single(std::vector<RuleDef>{{.id = "t.review", .verdict = "review"}});
    CHECK(single.evaluate(w, "2025-06-01").verdict == Level::Allowed);
  }
}

TEST_CASE("evaluator: a waiver without expires waives nothing and is reported",
          "[evaluator][waivers]") {
  Engine engine(std::vector<RuleDef>{{.id = "t.review", .verdict = "review"}});
  WorkloadDef w;
  w.extra = "waivers: [{rule: t.review, reason: forever}]";
  const Result r = engine.evaluate(w, "2025-06-01");
  INFO(describe(r));
  CHECK(requireFinding(r, "t.review").status == FindingStatus::Open);
  CHECK(r.verdict == Level::Review);
  CHECK(hasNotice(r, "waiver for 't.review' has no expires date, so it waives nothing"));
}

TEST_CASE("evaluator: a waiver naming an unknown rule is reported", "[evaluator][waivers]") {
  Engine engine(std::vector<RuleDef>{{.id = "t.review", .verdict = "review"}});
  WorkloadDef w;
  w.extra = "waivers: [{rule: t.reveiw, reason: typo, expires: 2030-01-01}]";
  const Result r = engine.evaluate(w, "2025-06-01");
  INFO(describe(r));
  CHECK(requireFinding(r, "t.review").status == FindingStatus::Open);
  REQUIRE(r.notices.size() == 1);
  CHECK(r.notices[0].message == "waiver names rule 't.reveiw', which is not in the loaded rule "
                                "packs; it waives nothing");
  CHECK(r.notices[0].loc.line == 14);
  CHECK(r.notices[0].loc.column == 20);
}

TEST_CASE("evaluator: a prohibited finding cannot be waived", "[evaluator][waivers]") {
  Engine engine(std::vector<RuleDef>{{.id = "t.prohibited", .verdict = "prohibited"}});
  WorkloadDef w;
  w.extra = "waivers: [{rule: t.prohibited, reason: please, approvedBy: CEO, expires: 2030-01-01}]";
  const Result r = engine.evaluate(w, "2025-06-01");
  INFO(describe(r));
  const Finding& f = requireFinding(r, "t.prohibited");
  CHECK(f.status == FindingStatus::Open);
  CHECK(f.statusReason == "a waiver names this rule, but a prohibited finding cannot be waived");
  CHECK(r.verdict == Level::Prohibited);
}

// ---------------------------------------------------------------------- party screening

TEST_CASE("evaluator: party screening", "[evaluator][screening]") {
  const std::vector<RuleDef> rules = {
      {.id = "t.tenant-listed",
       .when = "{tenant.listed: {contains: test-list}}",
       .verdict = "authorization-required",
       .message = "{tenant.name} is on a restricted-party list."},
      {.id = "t.parent-listed",
       .when = "{tenant.parentListed: {contains: test-list}}",
       .verdict = "authorization-required",
       .message = "The parent {tenant.parentName} is on a restricted-party list."},
  };
  Engine engine(rules);
  auto run = [&](const std::string& tenant, std::string_view date = "2025-06-01") {
    WorkloadDef w;
    w.tenant = tenant;
    return engine.evaluate(w, date);
  };
  SECTION("an exact match, whatever the legal form and case, fires with the rule's verdict") {
    const std::string name =
        GENERATE(as<std::string>{}, "Huawei Technologies Co., Ltd.", "HUAWEI TECHNOLOGIES CO LTD",
                 "huawei technologies co. ltd", "Huawei Technologies Limited", "Huawei");
    const Result r = run("{name: \"" + name + "\", hq: CN}");
    INFO(name << "\n" << describe(r));
    const Finding& f = requireFinding(r, "t.tenant-listed");
    CHECK(f.level == Level::AuthorizationRequired);
    CHECK_FALSE(f.fuzzyOnly);
    CHECK(f.message == name + " is on a restricted-party list.");
    REQUIRE_FALSE(f.matches.empty());
    CHECK(f.matches[0].exact);
    CHECK(f.matches[0].score == 100);
    CHECK(r.verdict == Level::AuthorizationRequired);
    CHECK(findingFor(r, "t.parent-listed") == nullptr);
  }
  SECTION("a fuzzy-only match is a review, and the message says so") {
    const Result r = run("{name: Huawey Technologies, hq: CN}");
    INFO(describe(r));
    const Finding& f = requireFinding(r, "t.tenant-listed");
    CHECK(f.fuzzyOnly);
    CHECK(f.level == Level::Review);
    CHECK(f.message.starts_with("Huawey Technologies is on a restricted-party list. Possible "
                                "party-list match only: 'Huawei Technologies Co., Ltd.' on "
                                "test-list (score "));
    CHECK(f.message.ends_with("A person must confirm or rule out the match."));
    CHECK(r.verdict == Level::Review);
  }
  SECTION("an unrelated name does not match") {
    const Result r = run("{name: Acme Analytics Pte Ltd, hq: SG}");
    CHECK(r.findings.empty());
    CHECK(r.verdict == Level::Allowed);
  }
  SECTION("an entry counts only from its listed date") {
    const std::string tenant = "{name: SenseTime Group Limited, hq: CN}";
    CHECK(findingFor(run(tenant, "2025-03-09"), "t.tenant-listed") == nullptr);
    CHECK(findingFor(run(tenant, "2025-03-10"), "t.tenant-listed") != nullptr);
  }
  SECTION("parentName is screened into parentListed, not listed") {
    const Result r = run("{name: Acme Cloud Ltd, hq: SG, parentName: \"Huawei Technologies Co., "
                         "Ltd.\", parentHq: CN}");
    INFO(describe(r));
    const Finding& f = requireFinding(r, "t.parent-listed");
    CHECK(f.level == Level::AuthorizationRequired);
    CHECK(f.message == "The parent Huawei Technologies Co., Ltd. is on a restricted-party list.");
    CHECK(findingFor(r, "t.tenant-listed") == nullptr);
  }
  SECTION("the finding points at the matched name") {
    WorkloadDef w;
    w.tenant = "{name: Huawei, hq: CN}";
    const Result r = engine.evaluate(w, "2025-06-01");
    const Finding& f = requireFinding(r, "t.tenant-listed");
    CHECK(f.location.line == 13);
    CHECK(f.location.column == 18);
  }
}

// ------------------------------------------------------------------------------ messages

TEST_CASE("evaluator: messages interpolate workload values", "[evaluator][messages]") {
  SECTION("party names, countries and numbers with thousands separators") {
    Engine engine(std::vector<RuleDef>{
        {.id = "t.msg",
         .message = "{tenant.name} ({tenant.hq}) runs {purpose} on {compute.totalTpp} TPP in "
                    "{site.country}; {compute.chips.count} chips; site {site.name}.",
         .remediation = "Ask {site.owner.name}; literal {{braces}}."}});
    WorkloadDef w;
    w.chips = "[{model: big-chip, count: 8192}]";
    const Result r = engine.evaluate(w, "2025-06-01");
    const Finding& f = requireFinding(r, "t.msg");
    CHECK(f.message == "Acme Analytics Pte Ltd (SG) runs training on 131,072,000 TPP in MY; 8,192 "
                       "chips; site (not declared).");
    CHECK(f.remediation == "Ask Example Data Centres Sdn Bhd; literal {braces}.");
  }
  SECTION("fractional numbers keep thousands separators") {
    // fp16 989.4 x 16 = 15830.4
    Engine engine(std::vector<RuleDef>{{.id = "t.tpp", .message = "TPP {compute.chips.tpp}"}});
    WorkloadDef w;
    w.chips = "[{model: {name: X, origin: US, datacenter: true, tops: {fp16: 989.4}}, count: 1}]";
    const Result r = engine.evaluate(w, "2025-06-01");
    CHECK(requireFinding(r, "t.tpp").message == "TPP 15,830.4");
  }
  SECTION("list paths give the values of the elements that fired") {
    Engine engine(std::vector<RuleDef>{
        {.id = "t.chips",
         .when = "{compute.chips: {any: {tpp: {gte: 4800}}}}",
         .message = "{compute.chips.name} x {compute.chips.count} ({compute.chips.eccn})"}});
    WorkloadDef w;
    w.chips = "[{model: small-chip, count: 4}, {model: big-chip, count: 1024}, {model: "
              "fixed-chip, count: 2}]";
    const Result r = engine.evaluate(w, "2025-06-01");
    CHECK(requireFinding(r, "t.chips").message == "Big Chip 80GB x 1,024 (3A090.a)");
  }
  SECTION("data source values of the firing sources") {
    Engine engine(std::vector<RuleDef>{
        {.id = "t.data",
         .when = "{data: {any: {categories: {contains: personal}}}}",
         .message = "{data.subjects} people in {data.name} from {data.origin}"}});
    WorkloadDef w;
    w.extra = yaml(R"(
      data:
        - {name: web, origin: US, categories: [public], subjects: 7}
        - {name: chats, origin: CN, categories: [personal], subjects: 2500000}
        - {name: contacts, origin: HK, categories: [personal], subjects: 12345}
    )");
    const Result r = engine.evaluate(w, "2025-06-01");
    CHECK(requireFinding(r, "t.data").message ==
          "2,500,000, 12,345 people in chats, contacts from CN, HK");
  }
}

// ----------------------------------------------------------------------------- locations

TEST_CASE("evaluator: a finding points at the manifest value that made it fire",
          "[evaluator][locations]") {
  SECTION("the firing data source") {
    Engine engine(std::vector<RuleDef>{{.id = "t.data", .when = "{data.origin: {eq: CN}}"}});
    WorkloadDef w; // spec lines 14-16 hold data
    w.extra = yaml(R"(
      data:
        - {name: web, origin: US, categories: [public]}
        - name: chats
          origin: CN
          categories: [personal]
    )");
    const Result r = engine.evaluate(w, "2025-06-01");
    const Finding& f = requireFinding(r, "t.data");
    CHECK(f.location.file == "manifest.yaml");
    CHECK(f.location.line == 16);
    CHECK(f.location.column == 7);
  }
  SECTION("the firing data source rather than another value that also made it fire") {
    Engine engine(std::vector<RuleDef>{
        {.id = "t.data", .when = "{all: [{site.country: {eq: MY}}, {data.origin: {eq: CN}}]}"}});
    WorkloadDef w;
    w.extra = "data: [{name: web, origin: US, categories: [public]}, {name: chats, origin: CN, "
              "categories: [personal]}]";
    const Result r = engine.evaluate(w, "2025-06-01");
    const Finding& f = requireFinding(r, "t.data");
    CHECK(f.location.line == 14);
    CHECK(f.location.column == 57);
  }
  SECTION("the firing chip") {
    Engine engine(
        std::vector<RuleDef>{{.id = "t.chip", .when = "{compute.chips.origin: {eq: CN}}"}});
    WorkloadDef w;
    w.chips = "[{model: big-chip, count: 8}, {model: small-chip, count: 4}]";
    const Result r = engine.evaluate(w, "2025-06-01");
    const Finding& f = requireFinding(r, "t.chip");
    CHECK(f.location.line == 8);
    CHECK(f.location.column == 42);
  }
  SECTION("a scalar value") {
    Engine engine(std::vector<RuleDef>{{.id = "t.site", .when = "{site.country: {eq: MY}}"}});
    const Result r = engine.evaluate(WorkloadDef{}, "2025-06-01");
    const Finding& f = requireFinding(r, "t.site");
    CHECK(f.location.line == 11);
    CHECK(f.location.column == 14);
  }
}

// --------------------------------------------------------------------------- determinism

TEST_CASE("evaluator: the same workload always gives byte-identical JSON",
          "[evaluator][determinism]") {
  const std::vector<RuleDef> rules = {
      {.id = "t.b-review", .verdict = "review", .message = "{tenant.name} {compute.chips.name}"},
      {.id = "t.a-review", .verdict = "review"},
      {.id = "t.auth",
       .when = "{data.origin: {eq: CN}}",
       .verdict = "authorization-required",
       .satisfiedBy = "[cn-standard-contract]"},
      {.id = "t.listed", .when = "{tenant.listed: {contains: test-list}}", .verdict = "prohibited"},
      {.id = "t.advisory", .verdict = "advisory"},
  };
  Engine engine(rules);
  WorkloadDef w;
  w.tenant = "{name: Huawey Technologies, hq: CN}";
  w.chips = "[{model: big-chip, count: 8}, {model: small-chip, count: 4}]";
  w.extra = yaml(R"(
    data:
      - {name: chats, origin: CN, categories: [personal], transfer: [cn-standard-contract]}
      - {name: contacts, origin: CN, categories: [personal]}
    authorizations: [{type: bis-license, expires: 2025-01-01}]
    waivers: [{rule: t.a-review, reason: ok, expires: 2026-01-01}]
  )");
  const Workload& first = engine.loadOne(w);
  const Workload& again = engine.loadOne(w);
  const std::string a = engine.json({engine.evaluate(first, "2025-06-01")}, "2025-06-01");
  const std::string b = engine.json({engine.evaluate(first, "2025-06-01")}, "2025-06-01");
  const std::string c = engine.json({engine.evaluate(again, "2025-06-01")}, "2025-06-01");
  CHECK(a == b);
  CHECK(a == c);
  // The report holds what was evaluated, not an empty shell.
  CHECK(a.find("\"rule\": \"t.listed\"") != std::string::npos);
  CHECK(a.find("\"status\": \"waived\"") != std::string::npos);
  CHECK(a.find("\"verdict\": \"authorization-required\"") != std::string::npos);
  SECTION("findings are ordered open first, worst first, then by rule id") {
    const Result r = engine.evaluate(first, "2025-06-01");
    CHECK(ruleIds(r) ==
          std::vector<std::string>{"t.auth", "t.b-review", "t.listed", "t.a-review", "t.advisory"});
  }
}
