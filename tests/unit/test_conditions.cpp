// Rule conditions (compile/compile_condition.cpp, evaluate/condition_eval.cpp): every operator
// on every value type, both true and false, and the compile errors of malformed conditions.
//
// `fires(when, workload, date)` (support.hpp) compiles a pack whose only rule has condition
// `when` and reports whether that rule produced a finding for the workload.
#include "support.hpp"

using namespace bltest;

namespace {

// A workload with a value at every path the tests read.
WorkloadDef richWorkload() {
  WorkloadDef w;
  w.chips = "[{model: big-chip, count: 8}, {model: small-chip, count: 4}]";
  w.siteCountry = "MY";
  w.siteExtra = "name: Johor campus 3";
  w.tenant = "{name: Acme Ltd, hq: CN, designations: [state-owned, ciio]}";
  w.extra = yaml(R"(
    period: {start: 2025-09-01, end: 2026-08-31}
    model: {name: Doubao-2, trainingCompute: 1.0e25, weights: closed}
    endUse: [civil, surveillance]
    data:
      - {name: web crawl, origin: MY, categories: [public]}
      - {name: app chats, origin: CN, categories: [personal, financial], subjects: 2500000, transfer: [consent, pipia]}
  )");
  return w;
}

// A rule pack whose one rule has `when: <when>` on line 14 (so a flow-style condition starts at
// column 11 and its first key at column 12).
std::string packWithWhen(const std::string& when) {
  return yaml(R"(
    apiVersion: borderline/v1
    kind: RulePack
    metadata: {name: p, title: P, jurisdiction: US, version: "1", reviewed: 2025-01-01}
    groups:
      D5: {title: D5, members: [CN], citations: [{ref: t, provenance: primary}]}
    rules:
      - id: t.rule
        title: T
        regime: export-control
        effective: 2020-01-01
        verdict: review
        message: fired
        citations: [{ref: t, provenance: primary}]
  )") +
         "    when: " + when + "\n";
}

Diagnostic whenError(const std::string& when) {
  return onlyError(compileErrors(packWithWhen(when)));
}

} // namespace

// -------------------------------------------------------------------------- eq and ne

TEST_CASE("conditions: eq and ne on each value type", "[conditions]") {
  const WorkloadDef w = richWorkload();
  SECTION("country") {
    CHECK(fires("{site.country: {eq: MY}}", w));
    CHECK_FALSE(fires("{site.country: {eq: SG}}", w));
    CHECK(fires("{site.country: {ne: SG}}", w));
    CHECK_FALSE(fires("{site.country: {ne: MY}}", w));
  }
  SECTION("enumeration") {
    CHECK(fires("{purpose: {eq: training}}", w));
    CHECK_FALSE(fires("{purpose: {eq: inference}}", w));
    CHECK(fires("{model.weights: {ne: open}}", w));
    CHECK_FALSE(fires("{model.weights: {ne: closed}}", w));
  }
  SECTION("number") {
    CHECK(fires("{model.trainingCompute: {eq: 1e25}}", w));
    CHECK_FALSE(fires("{model.trainingCompute: {eq: 1.1e25}}", w));
    CHECK(fires("{model.trainingCompute: {ne: 3e25}}", w));
    CHECK_FALSE(fires("{model.trainingCompute: {ne: 10000000000000000000000000}}", w));
    // 8 x 16000 + 4 x 800
    CHECK(fires("{compute.totalTpp: {eq: 131200}}", w));
  }
  SECTION("date") {
    CHECK(fires("{period.start: {eq: 2025-09-01}}", w));
    CHECK_FALSE(fires("{period.start: {eq: 2025-09-02}}", w));
    CHECK(fires("{period.end: {ne: 2026-08-30}}", w));
    CHECK_FALSE(fires("{period.end: {ne: 2026-08-31}}", w));
  }
  SECTION("bool") {
    CHECK(fires("{compute.chips: {all: {datacenter: {ne: false}}}}", WorkloadDef{}));
    CHECK_FALSE(fires("{compute.chips: {all: {datacenter: {eq: true}}}}", w));
    CHECK(fires("{compute.chips: {any: {datacenter: {eq: false}}}}", w));
    CHECK(fires("{data: {any: {leavesOrigin: {eq: true}}}}", w));
    CHECK_FALSE(fires("{data: {all: {leavesOrigin: {eq: true}}}}", w));
  }
  SECTION("string") {
    CHECK(fires("{model.name: {eq: Doubao-2}}", w));
    CHECK_FALSE(fires("{model.name: {eq: doubao-2}}", w));
    CHECK(fires("{site.name: {ne: Other campus}}", w));
    CHECK_FALSE(fires("{site.name: {ne: Johor campus 3}}", w));
    CHECK(fires("{tenant.name: {eq: Acme Ltd}}", w));
  }
}

// --------------------------------------------------------------------------- in, notIn

TEST_CASE("conditions: in and notIn on each value type", "[conditions]") {
  const WorkloadDef w = richWorkload();
  SECTION("country") {
    CHECK(fires("{site.country: {in: [SG, MY]}}", w));
    CHECK_FALSE(fires("{site.country: {in: [SG, CN]}}", w));
    CHECK(fires("{site.country: {notIn: [SG, CN]}}", w));
    CHECK_FALSE(fires("{site.country: {notIn: [MY]}}", w));
  }
  SECTION("enumeration") {
    CHECK(fires("{compute.acquisition: {in: [purchase, lease]}}", w));
    CHECK_FALSE(fires("{compute.acquisition: {in: [purchase, iaas]}}", w));
    CHECK(fires("{compute.acquisition: {notIn: [owned, colocation]}}", w));
    CHECK_FALSE(fires("{compute.acquisition: {notIn: [lease]}}", w));
  }
  SECTION("number") {
    CHECK(fires("{compute.chips: {any: {count: {in: [2, 4]}}}}", w));
    CHECK_FALSE(fires("{compute.chips: {any: {count: {in: [2, 3]}}}}", w));
    CHECK(fires("{compute.chips: {all: {count: {notIn: [1, 2]}}}}", w));
    CHECK_FALSE(fires("{compute.chips: {all: {count: {notIn: [8]}}}}", w));
  }
  SECTION("date") {
    CHECK(fires("{period.start: {in: [2025-01-01, 2025-09-01]}}", w));
    CHECK_FALSE(fires("{period.start: {in: [2025-01-01, 2025-09-02]}}", w));
    CHECK(fires("{period.start: {notIn: [2025-01-01]}}", w));
    CHECK_FALSE(fires("{period.start: {notIn: [2025-09-01]}}", w));
  }
  SECTION("string") {
    CHECK(fires("{model.name: {in: [Qwen, Doubao-2]}}", w));
    CHECK_FALSE(fires("{model.name: {in: [Qwen, Doubao]}}", w));
    CHECK(fires("{model.name: {notIn: [Qwen]}}", w));
    CHECK_FALSE(fires("{model.name: {notIn: [Doubao-2, Qwen]}}", w));
  }
  SECTION("chip ids are compared canonically, so a rule may name an alias") {
    CHECK(fires("{compute.chips.id: {in: [BIG]}}", w));
    CHECK(fires("{compute.chips.id: {eq: testco big}}", w));
    CHECK_FALSE(fires("{compute.chips.id: {in: [fixed-chip]}}", w));
  }
}

// --------------------------------------------------------------------------- ordering

TEST_CASE("conditions: gt, gte, lt and lte on numbers and dates", "[conditions]") {
  const WorkloadDef w = richWorkload();
  SECTION("number, at and around the value") {
    CHECK(fires("{model.trainingCompute: {gt: 9.9e24}}", w));
    CHECK_FALSE(fires("{model.trainingCompute: {gt: 1e25}}", w));
    CHECK(fires("{model.trainingCompute: {gte: 1e25}}", w));
    CHECK_FALSE(fires("{model.trainingCompute: {gte: 1.01e25}}", w));
    CHECK(fires("{model.trainingCompute: {lt: 1.01e25}}", w));
    CHECK_FALSE(fires("{model.trainingCompute: {lt: 1e25}}", w));
    CHECK(fires("{model.trainingCompute: {lte: 1e25}}", w));
    CHECK_FALSE(fires("{model.trainingCompute: {lte: 9.9e24}}", w));
  }
  SECTION("derived chip figures") {
    // big-chip: TPP 16000, PD 20; small-chip: TPP 800, PD 2.
    CHECK(fires("{compute.chips.tpp: {gte: 16000}}", w));
    CHECK_FALSE(fires("{compute.chips.tpp: {gt: 16000}}", w));
    CHECK(fires("{compute.chips.performanceDensity: {lte: 2}}", w));
    CHECK_FALSE(fires("{compute.chips.performanceDensity: {lt: 2}}", w));
    CHECK(fires("{compute.totalTpp: {gt: 131199}}", w));
    CHECK_FALSE(fires("{compute.totalTpp: {gt: 131200}}", w));
  }
  SECTION("date, at and around the value") {
    CHECK(fires("{period.start: {gt: 2025-08-31}}", w));
    CHECK_FALSE(fires("{period.start: {gt: 2025-09-01}}", w));
    CHECK(fires("{period.start: {gte: 2025-09-01}}", w));
    CHECK_FALSE(fires("{period.start: {gte: 2025-09-02}}", w));
    CHECK(fires("{period.start: {lt: 2025-09-02}}", w));
    CHECK_FALSE(fires("{period.start: {lt: 2025-09-01}}", w));
    CHECK(fires("{period.start: {lte: 2025-09-01}}", w));
    CHECK_FALSE(fires("{period.start: {lte: 2025-08-31}}", w));
  }
  SECTION("several operators in one map must all hold (a range)") {
    CHECK(fires("{model.trainingCompute: {gte: 1e24, lt: 1e26}}", w));
    CHECK_FALSE(fires("{model.trainingCompute: {gte: 1e24, lt: 1e25}}", w));
  }
}

// ------------------------------------------------------------------------------ exists

TEST_CASE("conditions: exists on scalars, parties, lists and object lists", "[conditions]") {
  WorkloadDef bare; // no operator, no model, no data, no authorizations
  const WorkloadDef rich = richWorkload();
  SECTION("scalar") {
    CHECK(fires("{model.name: {exists: true}}", rich));
    CHECK_FALSE(fires("{model.name: {exists: false}}", rich));
    CHECK(fires("{model.name: {exists: false}}", bare));
    CHECK_FALSE(fires("{model.name: {exists: true}}", bare));
  }
  SECTION("party") {
    WorkloadDef operated;
    operated.siteExtra = "operator: {name: Ops Sdn Bhd, hq: MY}";
    CHECK(fires("{site.operator: {exists: true}}", operated));
    CHECK_FALSE(fires("{site.operator: {exists: false}}", operated));
    CHECK(fires("{site.operator: {exists: false}}", bare));
    CHECK_FALSE(fires("{site.operator: {exists: true}}", bare));
    CHECK_FALSE(fires("{site.operator.hq: {exists: true}}", bare));
  }
  SECTION("list of values") {
    CHECK(fires("{tenant.designations: {exists: true}}", rich));
    CHECK_FALSE(fires("{tenant.designations: {exists: true}}", bare));
    CHECK(fires("{tenant.designations: {exists: false}}", bare));
  }
  SECTION("object list") {
    CHECK(fires("{data: {exists: true}}", rich));
    CHECK_FALSE(fires("{data: {exists: true}}", bare));
    CHECK(fires("{authorizations: {exists: false}}", bare));
    WorkloadDef authorized;
    authorized.extra = "authorizations: [{type: bis-license}]";
    CHECK_FALSE(fires("{authorizations: {exists: false}}", authorized));
  }
}

TEST_CASE("conditions: a missing value satisfies only exists: false", "[conditions]") {
  const WorkloadDef bare; // no model, no period, no site.name
  SECTION("every other operator is false") {
    CHECK_FALSE(fires("{model.trainingCompute: {gt: 0}}", bare));
    CHECK_FALSE(fires("{model.trainingCompute: {lt: 1e30}}", bare));
    CHECK_FALSE(fires("{model.trainingCompute: {ne: 5}}", bare));
    CHECK_FALSE(fires("{model.trainingCompute: {notIn: [5]}}", bare));
    CHECK_FALSE(fires("{period.start: {lte: 9999-12-31}}", bare));
    CHECK_FALSE(fires("{period.start: {ne: 2025-01-01}}", bare));
    CHECK_FALSE(fires("{site.name: {ne: x}}", bare));
    CHECK_FALSE(fires("{site.name: {matches: \".*\"}}", bare));
    CHECK_FALSE(fires("{model.weights: {notIn: [open]}}", bare));
    CHECK_FALSE(fires("{site.operator.hq: {ne: CN}}", bare));
    CHECK_FALSE(fires("{tenant.designations: {contains: ciio}}", bare));
  }
  SECTION("exists: false is true") {
    CHECK(fires("{model.trainingCompute: {exists: false}}", bare));
    CHECK(fires("{period.start: {exists: false}}", bare));
    CHECK(fires("{site.name: {exists: false}}", bare));
  }
  SECTION("a chip figure the catalog does not give is missing") {
    WorkloadDef fixed;
    fixed.chips = "[{model: fixed-chip, count: 1}]"; // no dieArea, so no performance density
    CHECK_FALSE(fires("{compute.chips.performanceDensity: {lt: 1000}}", fixed));
    CHECK_FALSE(fires("{compute.chips.performanceDensity: {gte: 0}}", fixed));
    CHECK(fires("{compute.chips.performanceDensity: {exists: false}}", fixed));
  }
  SECTION("data subjects absent") {
    WorkloadDef w;
    w.extra = "data: [{name: web, origin: US, categories: [public]}]";
    CHECK_FALSE(fires("{data: {any: {subjects: {lt: 1}}}}", w));
    CHECK(fires("{data: {any: {subjects: {exists: false}}}}", w));
  }
}

// ------------------------------------------------------------ contains, intersects, matches

TEST_CASE("conditions: contains and intersects on lists", "[conditions]") {
  const WorkloadDef w = richWorkload();
  SECTION("enumeration list (endUse)") {
    CHECK(fires("{endUse: {contains: surveillance}}", w));
    CHECK_FALSE(fires("{endUse: {contains: military}}", w));
    CHECK(fires("{endUse: {intersects: [military, surveillance]}}", w));
    CHECK_FALSE(fires("{endUse: {intersects: [military, wmd]}}", w));
  }
  SECTION("enumeration list inside an object list (data.categories)") {
    CHECK(fires("{data: {any: {categories: {contains: financial}}}}", w));
    CHECK_FALSE(fires("{data: {any: {categories: {contains: health}}}}", w));
    CHECK(fires("{data: {any: {categories: {intersects: [health, personal]}}}}", w));
    CHECK_FALSE(fires("{data: {any: {categories: {intersects: [health, genomic]}}}}", w));
  }
  SECTION("string list") {
    CHECK(fires("{tenant.designations: {contains: ciio}}", w));
    CHECK_FALSE(fires("{tenant.designations: {contains: CIIO}}", w));
    CHECK(fires("{tenant.designations: {intersects: [military, state-owned]}}", w));
    CHECK_FALSE(fires("{tenant.designations: {intersects: [military]}}", w));
    CHECK(fires("{data: {any: {transfer: {contains: pipia}}}}", w));
    CHECK_FALSE(fires("{data: {any: {transfer: {contains: eu-scc}}}}", w));
  }
  SECTION("party lists (tenant.listed)") {
    WorkloadDef listed;
    listed.tenant = "{name: \"Huawei Technologies Co., Ltd.\", hq: CN}";
    CHECK(fires("{tenant.listed: {contains: test-list}}", listed));
    CHECK(fires("{tenant.listed: {intersects: [test-list]}}", listed));
    CHECK_FALSE(fires("{tenant.listed: {contains: test-list}}", w));
    CHECK(fires("{tenant.listed: {exists: false}}", w));
  }
}

TEST_CASE("conditions: matches searches a regular expression", "[conditions]") {
  const WorkloadDef w = richWorkload();
  SECTION("scalar string") {
    CHECK(fires("{model.name: {matches: \"^Doubao-[0-9]+$\"}}", w));
    CHECK(fires("{model.name: {matches: bao}}", w)); // a search, not a full match
    CHECK_FALSE(fires("{model.name: {matches: \"^Qwen\"}}", w));
    CHECK_FALSE(fires("{model.name: {matches: \"^doubao\"}}", w)); // case-sensitive
  }
  SECTION("list of strings: some element matches") {
    CHECK(fires("{tenant.designations: {matches: \"^state-\"}}", w));
    CHECK_FALSE(fires("{tenant.designations: {matches: \"^military\"}}", w));
  }
  SECTION("chip names") {
    CHECK(fires("{compute.chips.name: {matches: \"80GB$\"}}", w));
    CHECK_FALSE(fires("{compute.chips.name: {matches: \"^H100\"}}", w));
  }
  SECTION("RE2 syntax: (?i) ignores case") {
    CHECK(fires("{model.name: {matches: \"(?i)^doubao\"}}", w));
  }
}

TEST_CASE("conditions: matches takes linear time on long values, without recursion",
          "[conditions]") {
  // std::regex recursed once per character (a stack overflow on a name of tens of KiB) and
  // backtracked exponentially on "(a+)+$"; RE2 does neither. Correct answers on a 64 KiB
  // value are the test: the old engine crashed or never returned.
  WorkloadDef w;
  w.tenant = "{name: " + std::string(65535, 'a') + "!, hq: SG}";
  CHECK_FALSE(fires("{tenant.name: {matches: \"(a+)+$\"}}", w));
  CHECK(fires("{tenant.name: {matches: \".*a!\"}}", w));
  CHECK(fires("{tenant.name: {matches: \"^(a|b)*!$\"}}", w));
}

// ------------------------------------------------------------------------ country groups

TEST_CASE("conditions: @GROUP stands for the group's members on the evaluation date",
          "[conditions][groups]") {
  // Standard groups (support.hpp): D5 = {CN, MO}; from 2025-01-15 MY added, MO removed.
  // LATE = {SG} from 2026-01-01.
  WorkloadDef w;
  SECTION("a country added by a change is a member from the change date") {
    w.siteCountry = "MY";
    CHECK_FALSE(fires("{site.country: {in: [\"@D5\"]}}", w, "2025-01-14"));
    CHECK(fires("{site.country: {in: [\"@D5\"]}}", w, "2025-01-15"));
    CHECK(fires("{site.country: {notIn: [\"@D5\"]}}", w, "2025-01-14"));
    CHECK_FALSE(fires("{site.country: {notIn: [\"@D5\"]}}", w, "2025-01-15"));
  }
  SECTION("a country removed by a change is no longer a member from the change date") {
    w.siteCountry = "MO";
    CHECK(fires("{site.country: {in: [\"@D5\"]}}", w, "2025-01-14"));
    CHECK_FALSE(fires("{site.country: {in: [\"@D5\"]}}", w, "2025-01-15"));
  }
  SECTION("an unchanged member stays a member") {
    w.siteCountry = "CN";
    CHECK(fires("{site.country: {in: [\"@D5\"]}}", w, "2024-01-01"));
    CHECK(fires("{site.country: {in: [\"@D5\"]}}", w, "2026-01-01"));
  }
  SECTION("a group is empty before its effective date") {
    w.siteCountry = "SG";
    CHECK_FALSE(fires("{site.country: {in: [\"@LATE\"]}}", w, "2025-12-31"));
    CHECK(fires("{site.country: {in: [\"@LATE\"]}}", w, "2026-01-01"));
    CHECK(fires("{site.country: {notIn: [\"@LATE\"]}}", w, "2025-12-31"));
    CHECK_FALSE(fires("{site.country: {notIn: [\"@LATE\"]}}", w, "2026-01-01"));
  }
  SECTION("groups and plain codes mix") {
    w.siteCountry = "SG";
    CHECK(fires("{site.country: {in: [\"@D5\", SG]}}", w, "2025-06-01"));
    CHECK_FALSE(fires("{site.country: {in: [\"@D5\", HK]}}", w, "2025-06-01"));
  }
  SECTION("other country paths") {
    w.tenant = "{name: Acme Ltd, hq: SG, parentHq: MO}";
    CHECK(fires("{tenant.parentHq: {in: [\"@D5\"]}}", w, "2025-01-14"));
    CHECK_FALSE(fires("{tenant.parentHq: {in: [\"@D5\"]}}", w, "2025-01-15"));
  }
}

// ------------------------------------------------------------------- object lists

TEST_CASE("conditions: any, all and none over compute.chips", "[conditions]") {
  const WorkloadDef w = richWorkload(); // big-chip (US, TPP 16000) and small-chip (CN, 800)
  SECTION("any") {
    CHECK(fires("{compute.chips: {any: {origin: {eq: CN}}}}", w));
    CHECK_FALSE(fires("{compute.chips: {any: {origin: {eq: TW}}}}", w));
  }
  SECTION("all") {
    CHECK(fires("{compute.chips: {all: {tpp: {gte: 800}}}}", w));
    CHECK_FALSE(fires("{compute.chips: {all: {tpp: {gte: 801}}}}", w));
  }
  SECTION("none") {
    CHECK(fires("{compute.chips: {none: {origin: {eq: TW}}}}", w));
    CHECK_FALSE(fires("{compute.chips: {none: {origin: {eq: US}}}}", w));
  }
  SECTION("the nested condition is evaluated on one element at a time") {
    // No single chip is both US-made and not a data-centre part.
    CHECK_FALSE(fires("{compute.chips: {any: {origin: {eq: US}, datacenter: {eq: false}}}}", w));
    CHECK(fires("{compute.chips: {any: {origin: {eq: CN}, datacenter: {eq: false}}}}", w));
    CHECK_FALSE(fires("{compute.chips: {any: {all: [{origin: {eq: US}}, {tpp: {lt: 1000}}]}}}", w));
  }
  SECTION("count and model are per element") {
    CHECK(fires("{compute.chips: {any: {all: [{id: {eq: small-chip}}, {count: {eq: 4}}]}}}", w));
    CHECK_FALSE(
        fires("{compute.chips: {any: {all: [{id: {eq: small-chip}}, {count: {eq: 8}}]}}}", w));
    CHECK(fires("{compute.chips: {any: {model: {eq: big-chip}}}}", w));
  }
}

TEST_CASE("conditions: any, all and none over data", "[conditions]") {
  const WorkloadDef w = richWorkload(); // web crawl (MY, public), app chats (CN, personal)
  SECTION("any") {
    CHECK(fires("{data: {any: {all: [{origin: {eq: CN}}, {categories: {contains: personal}}, "
                "{subjects: {gt: 1000000}}]}}}",
                w));
    CHECK_FALSE(
        fires("{data: {any: {all: [{origin: {eq: CN}}, {categories: {contains: public}}]}}}", w));
  }
  SECTION("all") {
    CHECK(fires("{data: {all: {origin: {in: [CN, MY]}}}}", w));
    CHECK_FALSE(fires("{data: {all: {origin: {eq: CN}}}}", w));
  }
  SECTION("none") {
    CHECK(fires("{data: {none: {categories: {contains: health}}}}", w));
    CHECK_FALSE(fires("{data: {none: {categories: {contains: personal}}}}", w));
  }
  SECTION("all and none hold on an empty list, any does not") {
    const WorkloadDef bare;
    CHECK(fires("{data: {all: {origin: {eq: CN}}}}", bare));
    CHECK(fires("{data: {none: {origin: {eq: CN}}}}", bare));
    CHECK_FALSE(fires("{data: {any: {origin: {exists: true}}}}", bare));
  }
  SECTION("leavesOrigin compares with site.country") {
    CHECK(fires("{data: {any: {all: [{name: {eq: app chats}}, {leavesOrigin: {eq: true}}]}}}", w));
    CHECK(fires("{data: {any: {all: [{name: {eq: web crawl}}, {leavesOrigin: {eq: false}}]}}}", w));
  }
  SECTION("outboundSubjects adds up the sources of one origin that leave it") {
    WorkloadDef split = w;
    split.extra = yaml(R"(
      data:
        - {name: a, origin: CN, categories: [personal], subjects: 60000}
        - {name: b, origin: CN, categories: [health], subjects: 50000}
        - {name: c, origin: CN, categories: [personal]}
        - {name: d, origin: RU, categories: [personal], subjects: 900000}
        - {name: e, origin: MY, categories: [personal], subjects: 700000}
    )");
    auto test = [&](const std::string& name, const std::string& op) {
      return fires("{data: {any: {all: [{name: {eq: " + name + "}}, {outboundSubjects: " + op +
                       "}]}}}",
                   split);
    };
    CHECK(test("a", "{eq: 110000}")); // a + b; c has no count
    CHECK(test("c", "{eq: 110000}"));
    CHECK(test("d", "{eq: 900000}")); // another origin: its own sum
    CHECK(test("e", "{eq: 0}"));      // stays in MY: nothing leaves
    CHECK_FALSE(test("a", "{gte: 110001}"));
    split.siteCountry = "CN";
    CHECK(test("a", "{eq: 0}")); // at a site in CN, CN data does not leave
    CHECK(test("e", "{eq: 700000}"));
  }
}

TEST_CASE("conditions: a path into an object list holds when some element satisfies it",
          "[conditions]") {
  // The standard classification gives big-chip 3A090.a; small-chip has no ECCN.
  WorkloadDef w = richWorkload();
  CHECK(fires("{compute.chips.eccn: {in: [3A090.a, 3A090.b]}}", w));
  CHECK_FALSE(fires("{compute.chips.eccn: {in: [3A090.b, 4A090.a]}}", w));
  CHECK(fires("{compute.chips.origin: {eq: CN}}", w));
  CHECK(fires("{data.origin: {eq: CN}}", w));
  CHECK_FALSE(fires("{data.origin: {eq: US}}", w));
  SECTION("it is the same as any") {
    w.chips = "[{model: small-chip, count: 4}]";
    CHECK_FALSE(fires("{compute.chips.eccn: {in: [3A090.a]}}", w));
    CHECK_FALSE(fires("{compute.chips: {any: {eccn: {in: [3A090.a]}}}}", w));
    CHECK(fires("{compute.chips.eccn: {exists: false}}", w));
  }
  SECTION("the ECCN follows the classification's dates") {
    w.chips = "[{model: big-chip, count: 1}]";
    CHECK_FALSE(fires("{compute.chips.eccn: {in: [3A090.a]}}", w, "2022-12-31"));
    CHECK(fires("{compute.chips.eccn: {in: [3A090.a]}}", w, "2023-01-01"));
  }
}

// -------------------------------------------------------------------- combinators

TEST_CASE("conditions: several paths in one map must all hold", "[conditions]") {
  const WorkloadDef w = richWorkload();
  CHECK(fires("{site.country: {eq: MY}, tenant.hq: {eq: CN}, purpose: {eq: training}}", w));
  CHECK_FALSE(fires("{site.country: {eq: MY}, tenant.hq: {eq: SG}, purpose: {eq: training}}", w));
  CHECK_FALSE(fires("{site.country: {eq: SG}, tenant.hq: {eq: CN}}", w));
}

TEST_CASE("conditions: all, any and not", "[conditions]") {
  const WorkloadDef w = richWorkload();
  SECTION("all") {
    CHECK(fires("{all: [{site.country: {eq: MY}}, {tenant.hq: {eq: CN}}]}", w));
    CHECK_FALSE(fires("{all: [{site.country: {eq: MY}}, {tenant.hq: {eq: SG}}]}", w));
  }
  SECTION("any") {
    CHECK(fires("{any: [{site.country: {eq: SG}}, {tenant.hq: {eq: CN}}]}", w));
    CHECK_FALSE(fires("{any: [{site.country: {eq: SG}}, {tenant.hq: {eq: SG}}]}", w));
  }
  SECTION("not") {
    CHECK(fires("{not: {site.country: {eq: SG}}}", w));
    CHECK_FALSE(fires("{not: {site.country: {eq: MY}}}", w));
    CHECK(fires("{not: {not: {site.country: {eq: MY}}}}", w));
  }
  SECTION("not of a missing value is true") {
    CHECK(fires("{not: {model.trainingCompute: {gte: 1e26}}}", WorkloadDef{}));
  }
  SECTION("nested") {
    CHECK(fires("{all: [{any: [{purpose: {eq: inference}}, {purpose: {eq: training}}]}, "
                "{not: {compute.acquisition: {eq: owned}}}]}",
                w));
    CHECK_FALSE(fires("{all: [{any: [{purpose: {eq: inference}}, {purpose: {eq: fine-tuning}}]}, "
                      "{not: {compute.acquisition: {eq: owned}}}]}",
                      w));
  }
  SECTION("unless is an exception to when") {
    CHECK(fires("{site.country: {eq: MY}}", w));
    RuleDef rule{.when = "{site.country: {eq: MY}}", .unless = "{tenant.hq: {eq: CN}}"};
    Engine excepted(std::vector<RuleDef>{rule});
    CHECK(findingFor(excepted.evaluate(w, "2025-06-01"), "t.rule") == nullptr);
    rule.unless = "{tenant.hq: {eq: SG}}";
    Engine notExcepted(std::vector<RuleDef>{rule});
    CHECK(findingFor(notExcepted.evaluate(w, "2025-06-01"), "t.rule") != nullptr);
  }
}

// ------------------------------------------------------------------- compile errors

TEST_CASE("conditions: the test pack for compile errors compiles", "[conditions][compile]") {
  const auto errors = compileErrors(packWithWhen("{site.country: {in: [\"@D5\"]}}"));
  INFO(describe(errors));
  CHECK(errors.empty());
}

TEST_CASE("conditions: an unknown path is a compile error with a suggestion",
          "[conditions][compile]") {
  SECTION("workload path") {
    const auto e = whenError("{tenant.hqq: {eq: CN}}");
    CHECK(e.file == "pack.yaml");
    CHECK(e.message.starts_with(
        "unknown path 'tenant.hqq' in a workload condition; did you mean 'tenant.hq'?"));
    CHECK(e.line == 14);
    CHECK(e.column == 12);
  }
  SECTION("element path inside any") {
    const auto e = whenError("{compute.chips: {any: {tppp: {gte: 4800}}}}");
    CHECK(e.message.starts_with("unknown path 'tppp' in a chip condition; did you mean 'tpp'?"));
    CHECK(e.line == 14);
    CHECK(e.column == 34);
  }
  SECTION("a path with no close match") {
    const auto e = whenError("{colour: {eq: blue}}");
    CHECK(e.message.starts_with("unknown path 'colour' in a workload condition (known paths:"));
  }
}

TEST_CASE("conditions: an unknown operator is a compile error", "[conditions][compile]") {
  const auto e = whenError("{site.country: {eqq: CN}}");
  CHECK(e.message == "unknown operator 'eqq'; did you mean 'eq'? (expected one of: eq, ne, in, "
                     "notIn, gt, gte, lt, lte, exists, contains, intersects, matches)");
  CHECK(e.line == 14);
  CHECK(e.column == 27);
}

TEST_CASE("conditions: an operator that does not apply to the path's type is a compile error",
          "[conditions][compile]") {
  SECTION("gte on a country") {
    const auto e = whenError("{site.country: {gte: CN}}");
    CHECK(e.message == "operator 'gte' does not apply to 'site.country' (country code): "
                       "comparisons need a number or a date");
    CHECK(e.line == 14);
    CHECK(e.column == 27);
  }
  SECTION("contains on a scalar") {
    const auto e = whenError("{tenant.hq: {contains: CN}}");
    CHECK(e.message ==
          "operator 'contains' does not apply to 'tenant.hq' (country code): contains needs a "
          "list; use eq");
    CHECK(e.column == 24);
  }
  SECTION("eq on a list") {
    const auto e = whenError("{endUse: {eq: military}}");
    CHECK(e.message ==
          "operator 'eq' does not apply to 'endUse' (a list): use contains or intersects on lists");
  }
  SECTION("matches on an enumeration") {
    const auto e = whenError("{purpose: {matches: train}}");
    CHECK(e.message ==
          "operator 'matches' does not apply to 'purpose' (enumeration): matches needs a string");
  }
  SECTION("in on a bool") {
    const auto e = whenError("{compute.chips: {any: {datacenter: {in: [true]}}}}");
    CHECK(e.message == "operator 'in' does not apply to 'datacenter' (boolean): use eq");
  }
  SECTION("eq on a party") {
    const auto e = whenError("{site.operator: {eq: Ops Ltd}}");
    CHECK(e.message ==
          "operator 'eq' does not apply to 'site.operator' (party): a party supports only exists");
  }
  SECTION("in and contains on a party point to exists, not to another rejected operator") {
    // eq is itself rejected on a party, so "use eq" would send the author in a circle.
    const auto in = whenError("{site.operator: {in: [Ops Ltd]}}");
    CHECK(in.message ==
          "operator 'in' does not apply to 'site.operator' (party): a party supports only exists");
    const auto contains = whenError("{site.operator: {contains: Ops Ltd}}");
    CHECK(contains.message == "operator 'contains' does not apply to 'site.operator' (party): a "
                              "party supports only exists");
  }
  SECTION("a group with eq") {
    const auto e = whenError("{site.country: {eq: \"@D5\"}}");
    CHECK(e.message == "a country group ('@D5') can only be used with in, notIn or intersects");
    CHECK(e.column == 31);
  }
  SECTION("an operand of the wrong type") {
    const auto e = whenError("{model.trainingCompute: {gte: lots}}");
    CHECK(e.message == "operand of 'model.trainingCompute' must be a number, got 'lots'");
  }
  SECTION("an enumeration operand that is not in the enumeration") {
    const auto e = whenError("{purpose: {eq: pretraining}}");
    CHECK(e.message ==
          "unknown purpose 'pretraining' (expected training, fine-tuning or inference)");
    CHECK(e.column == 26);
  }
}

TEST_CASE("conditions: unknown names in operands are compile errors", "[conditions][compile]") {
  SECTION("an unknown @GROUP") {
    const auto e = whenError("{site.country: {in: [CN, \"@D9\"]}}");
    CHECK(e.message ==
          "unknown country group '@D9' (groups are defined under `groups:` in a rule pack)");
    CHECK(e.line == 14);
    CHECK(e.column == 36);
  }
  SECTION("an unknown party list") {
    const auto e = whenError("{tenant.listed: {contains: entity-list}}");
    CHECK(e.message == "unknown party list 'entity-list' (loaded lists: test-list)");
    CHECK(e.line == 14);
    CHECK(e.column == 38);
  }
  SECTION("an unknown chip id") {
    const auto e = whenError("{compute.chips: {any: {id: {in: [big-chip, h100]}}}}");
    CHECK(e.message == "unknown chip id 'h100' (not in the chip catalog)");
    CHECK(e.line == 14);
    CHECK(e.column == 54);
  }
  SECTION("an unknown country code") {
    const auto e = whenError("{site.country: {in: [CN, XX]}}");
    CHECK(e.message.starts_with("operand of 'site.country': unknown country code 'XX'"));
  }
}

TEST_CASE("conditions: an invalid regular expression is a compile error", "[conditions][compile]") {
  const auto e = whenError("{model.name: {matches: \"(unclosed\"}}");
  CHECK(e.message.starts_with("invalid regular expression '(unclosed': "));
  CHECK(e.line == 14);
  CHECK(e.column == 34);
  SECTION("backreferences and lookaround are not RE2 syntax") {
    CHECK(whenError("{model.name: {matches: \"(a)\\\\1\"}}")
              .message.starts_with("invalid regular expression '(a)\\1': "));
    CHECK(whenError("{model.name: {matches: \"a(?=b)\"}}")
              .message.ends_with("(RE2 syntax: no backreferences or lookaround)"));
  }
}

TEST_CASE("conditions: malformed condition maps are compile errors", "[conditions][compile]") {
  SECTION("an empty condition") {
    CHECK(whenError("{}").message ==
          "empty condition (expected all, any, not, or a path with operators)");
  }
  SECTION("a combinator beside a path") {
    const auto e = whenError("{site.country: {eq: CN}, not: {tenant.hq: {eq: CN}}}");
    CHECK(e.message.starts_with("'not' must be the only key of its condition map"));
  }
  SECTION("an empty all") {
    CHECK(whenError("{all: []}").message == "'all' needs at least one condition");
  }
  SECTION("an object list with a scalar operator") {
    const auto e = whenError("{compute.chips: {eq: big-chip}}");
    CHECK(e.message.starts_with("operator 'eq' does not apply to 'compute.chips', a list of "
                                "objects (expected any, all, none or exists;"));
  }
  SECTION("an empty in list") {
    CHECK(whenError("{site.country: {in: []}}").message ==
          "an empty list matches nothing; remove the condition instead");
  }
}

TEST_CASE("conditions: a classification may only use chip facts", "[conditions][compile]") {
  const std::string pack = yaml(R"(
    apiVersion: borderline/v1
    kind: RulePack
    metadata: {name: p, title: P, jurisdiction: US, version: "1", reviewed: 2025-01-01}
    classifications:
      - id: c.bad
        sets: {eccn: 3A090.b}
        effective: 2023-11-17
        when: {any: [{tpp: {gte: 4800}}, {eccn: {eq: 3A090.a}}]}
        citations: [{ref: t, provenance: primary}]
    rules:
      - {id: t.rule, title: T, regime: export-control, effective: 2020-01-01, verdict: review,
         message: fired, when: {purpose: {exists: true}}, citations: [{ref: t, provenance: primary}]}
  )");
  const auto e = onlyError(compileErrors(pack));
  CHECK(e.message.starts_with("path 'eccn' cannot be used in a classification (only chip facts:"));
  CHECK(e.line == 8);
  CHECK(e.column == 39);
  SECTION("count is not a chip fact either") {
    std::string countPack = pack;
    countPack.replace(countPack.find("{eccn: {eq: 3A090.a}}"), 21, "{count: {gte: 100}}");
    const auto e2 = onlyError(compileErrors(countPack));
    CHECK(e2.message.starts_with("path 'count' cannot be used in a classification"));
  }
}

TEST_CASE("rules: rule ids are unique across packs", "[conditions][compile]") {
  auto pack = [](std::string_view name) {
    return rulePackHeader(name) + "rules:\n" + RuleDef{.id = "t.dup"}.str();
  };
  const auto errors =
      compileErrors(std::vector<NamedText>{{"a.yaml", pack("pack-a")}, {"b.yaml", pack("pack-b")}});
  const auto e = onlyError(errors);
  CHECK(e.message == "duplicate rule id 't.dup' (first defined at a.yaml:5:9)");
  CHECK(e.file == "b.yaml");
  CHECK(e.line == 5);
  CHECK(e.column == 9);
}

TEST_CASE("rules: required rule keys and their checks", "[conditions][compile]") {
  // Line 5 holds the rule; the key under test is on line 6 or later.
  const std::string head = rulePackHeader("p") + "rules:\n";
  SECTION("missing citations") {
    const auto e = onlyError(compileErrors(
        head + "  - {id: t.rule, title: T, regime: export-control, effective: 2020-01-01, "
               "verdict: review, message: fired, when: {purpose: {exists: true}}}\n"));
    CHECK(e.message == "missing required key 'citations' in rule");
    CHECK(e.line == 5);
    CHECK(e.column == 5);
  }
  SECTION("an empty citation list") {
    const auto e2 = onlyError(compileErrors(
        head +
        "  - {id: t.rule, title: T, regime: export-control, effective: 2020-01-01, "
        "verdict: review, message: fired, when: {purpose: {exists: true}}, citations: []}\n"));
    CHECK(e2.message == "rule 't.rule' must cite at least one source");
  }
  SECTION("a citation without provenance") {
    const auto e = onlyError(compileErrors(
        head + "  - {id: t.rule, title: T, regime: export-control, effective: 2020-01-01, "
               "verdict: review, message: fired, when: {purpose: {exists: true}}, citations: "
               "[{ref: x}]}\n"));
    CHECK(e.message == "missing required key 'provenance' in citation");
  }
  SECTION("missing effective") {
    const auto e = onlyError(compileErrors(
        head +
        "  - {id: t.rule, title: T, regime: export-control, verdict: review, message: "
        "fired, when: {purpose: {exists: true}}, citations: [{ref: x, provenance: primary}]}\n"));
    CHECK(e.message == "missing required key 'effective' in rule");
    CHECK(e.line == 5);
  }
  SECTION("until before effective") {
    const auto e = onlyError(
        compileErrors(head + RuleDef{.effective = "2025-03-01", .until = "2025-02-28"}.str()));
    CHECK(e.message == "until is before effective");
    CHECK(e.line == 9);
    CHECK(e.column == 12);
  }
  SECTION("until on the effective day is a one-day rule, not an error") {
    CHECK(compileErrors(head + RuleDef{.effective = "2025-03-01", .until = "2025-03-01"}.str())
              .empty());
  }
  SECTION("satisfiedBy on a prohibited rule") {
    const auto e = onlyError(compileErrors(
        head + RuleDef{.verdict = "prohibited", .satisfiedBy = "[bis-license]"}.str()));
    CHECK(e.message == "a prohibited rule cannot be satisfied by an authorization (remove "
                       "satisfiedBy or use verdict authorization-required)");
    CHECK(e.line == 11);
    CHECK(e.column == 18);
  }
  SECTION("satisfiedBy on a prohibited rule, whatever the key order") {
    const auto e = onlyError(compileErrors(
        head + "  - {id: t.rule, title: T, regime: export-control, effective: 2020-01-01, "
               "satisfiedBy: [bis-license], verdict: prohibited, message: fired, when: {purpose: "
               "{exists: true}}, citations: [{ref: x, provenance: primary}]}\n"));
    CHECK(e.message.starts_with("a prohibited rule cannot be satisfied by an authorization"));
    CHECK(e.line == 5);
  }
  SECTION("an unknown {path} in a message") {
    const auto e =
        onlyError(compileErrors(head + RuleDef{.message = "{tenant.nam} is listed"}.str()));
    CHECK(e.message == "unknown path '{tenant.nam}' in message (name a field of the workload, "
                       "e.g. {tenant.name} or {compute.chips.name})");
    CHECK(e.line == 11);
    CHECK(e.column == 14);
  }
  SECTION("an unknown {path} in a remediation") {
    const auto e =
        onlyError(compileErrors(head + RuleDef{.remediation = "Ask {site.owner.nme}."}.str()));
    CHECK(e.message.starts_with("unknown path '{site.owner.nme}' in message"));
    CHECK(e.line == 12);
  }
  SECTION("an unknown verdict") {
    const auto e = onlyError(compileErrors(head + RuleDef{.verdict = "allowed"}.str()));
    CHECK(e.message ==
          "unknown verdict 'allowed' (expected prohibited, authorization-required, review or "
          "advisory)");
    CHECK(e.line == 10);
  }
}
