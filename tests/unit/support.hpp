#pragma once
// Helpers for the engine's unit tests: rule packs and manifests written inline as YAML, compiled
// and loaded through the same entry points the CLI uses (addPackText + compileRules,
// checkSource + loadManifest), and evaluated with evaluateWorkload.
//
// Every pack and manifest is a separate "file" with its own display name, so the line numbers
// a test asserts are the lines of the text written in that test.
#include <catch2/catch.hpp>

#include <deque>
#include <memory>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "compile/compiler.hpp"
#include "evaluate/date_view.hpp"
#include "evaluate/evaluator.hpp"
#include "load/diagnostics.hpp"
#include "load/manifest.hpp"
#include "load/rule_pack.hpp"
#include "load/source.hpp"
#include "report/json_reporter.hpp"

namespace bltest {

using namespace borderline;

// ------------------------------------------------------------------------------------ text

// Lets YAML be written indented inside C++ raw strings: drops one leading newline and the
// indentation common to all non-blank lines. Line 1 of the result is the line after R"(.
inline std::string yaml(std::string_view text) {
  if (text.starts_with('\n')) text.remove_prefix(1);
  std::vector<std::string_view> lines;
  for (std::size_t start = 0; start <= text.size();) {
    const std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) {
      lines.push_back(text.substr(start));
      break;
    }
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  std::size_t indent = std::string_view::npos;
  for (auto line : lines) {
    const std::size_t first = line.find_first_not_of(' ');
    if (first != std::string_view::npos) indent = std::min(indent, first);
  }
  if (indent == std::string_view::npos) indent = 0;
  std::string out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const auto line = lines[i];
    if (line.find_first_not_of(' ') != std::string_view::npos) out += line.substr(indent);
    if (i + 1 < lines.size()) out += '\n';
  }
  // A raw string closing on its own indented line leaves trailing spaces only: end with '\n'.
  while (!out.empty() && out.back() == ' ') out.pop_back();
  if (!out.empty() && out.back() != '\n') out += '\n';
  return out;
}

// Indents every non-empty line of `block` by `spaces`.
inline std::string indented(std::string_view block, int spaces) {
  const std::string pad(static_cast<std::size_t>(spaces), ' ');
  std::string out;
  bool lineStart = true;
  for (char c : block) {
    if (lineStart && c != '\n') out += pad;
    out += c;
    lineStart = c == '\n';
  }
  if (!out.empty() && out.back() != '\n') out += '\n';
  return out;
}

inline Date day(std::string_view iso) {
  const auto d = Date::parse(iso);
  if (!d) throw std::invalid_argument("bad test date " + std::string(iso));
  return *d;
}

inline std::string describe(const std::vector<Diagnostic>& errors) {
  std::string out;
  for (const auto& e : errors) out += e.str() + "\n";
  return out.empty() ? "(no errors)" : out;
}

// ------------------------------------------------------------------------ standard packs

// Three chips with easy figures:
//   big-chip   fp16 1000 (x16 = 16000), fp8 1500 (x8 = 12000): TPP 16000, die 800 -> PD 20
//   small-chip int8 100: TPP 800, die 400 -> PD 2; origin CN; not a data-centre part
//   fixed-chip fp32 10: TPP 320, no die area, fixed catalog ECCN 3A991.p
inline const std::string& catalogPack() {
  static const std::string text = yaml(R"(
    apiVersion: borderline/v1
    kind: ChipCatalog
    metadata: {name: test-chips, title: Test chips, version: "1"}
    chips:
      - id: big-chip
        vendor: TestCo
        name: Big Chip 80GB
        aliases: [BIG, TestCo Big]
        origin: US
        datacenter: true
        tops: {fp16: 1000, fp8: 1500}
        dieArea: 800
        memoryBandwidth: 3000
        ioBandwidth: 900
        sources: [test datasheet]
      - id: small-chip
        vendor: TestCo
        name: Small Chip
        origin: CN
        datacenter: false
        tops: {int8: 100}
        dieArea: 400
        sources: [test datasheet]
      - id: fixed-chip
        vendor: OtherCo
        name: Fixed Chip
        origin: US
        datacenter: true
        tops: {fp32: 10}
        eccn: 3A991.p
        sources: [test datasheet]
  )");
  return text;
}

inline const std::string& partyListPack() {
  static const std::string text = yaml(R"(
    apiVersion: borderline/v1
    kind: PartyList
    metadata: {name: test-list, title: Test restricted parties, version: "1"}
    parties:
      - name: Huawei Technologies Co., Ltd.
        aliases: [Huawei]
        country: CN
        listed: 2019-05-16
        citations: [{ref: Test listing 1, provenance: primary}]
      - name: SenseTime Group Limited
        country: CN
        listed: 2025-03-10
        citations: [{ref: Test listing 2, provenance: primary}]
  )");
  return text;
}

// Country groups of the standard test pack:
//   D5    CN and MO; on 2025-01-15 MY is added and MO removed
//   LATE  SG, only from 2026-01-01
inline const std::string& standardGroups() {
  static const std::string text = yaml(R"(
    groups:
      D5:
        title: Test group D5
        members: [CN, MO]
        changes:
          - {date: 2025-01-15, add: [MY], remove: [MO]}
        citations: [{ref: Test group citation, provenance: primary}]
      LATE:
        title: Test group in force from 2026
        members: [SG]
        effective: 2026-01-01
        citations: [{ref: Test group citation, provenance: primary}]
  )");
  return text;
}

// The standard classification: 3A090.a for TPP >= 4800 from 2023-01-01 (big-chip only).
inline const std::string& standardClassifications() {
  static const std::string text = yaml(R"(
    classifications:
      - id: test.eccn.a
        sets: {eccn: 3A090.a}
        effective: 2023-01-01
        when: {tpp: {gte: 4800}}
        citations: [{ref: Test classification, provenance: primary}]
  )");
  return text;
}

// One rule of a rule pack. Fields hold YAML text (flow style for maps and lists).
struct RuleDef {
  std::string id = "t.rule";
  std::string when = "{purpose: {exists: true}}";
  std::string unless = {}; // empty: none
  std::string verdict = "review";
  std::string effective = "2020-01-01";
  std::string until = {}; // empty: no until
  std::string message = "Rule fired.";
  std::string remediation = {}; // empty: none
  std::string satisfiedBy = {}; // e.g. "[bis-license]"
  std::string tags = {};        // e.g. "[ai-chips]"
  std::string regime = "export-control";

  std::string str() const {
    std::string out = "  - id: " + id + "\n";
    out += "    title: Test rule " + id + "\n";
    out += "    regime: " + regime + "\n";
    out += "    effective: " + effective + "\n";
    if (!until.empty()) out += "    until: " + until + "\n";
    out += "    when: " + when + "\n";
    if (!unless.empty()) out += "    unless: " + unless + "\n";
    out += "    verdict: " + verdict + "\n";
    if (!satisfiedBy.empty()) out += "    satisfiedBy: " + satisfiedBy + "\n";
    out += "    message: \"" + message + "\"\n";
    if (!remediation.empty()) out += "    remediation: \"" + remediation + "\"\n";
    out += "    citations: [{ref: Test citation for " + id + ", provenance: primary}]\n";
    if (!tags.empty()) out += "    tags: " + tags + "\n";
    return out;
  }
};

inline std::string rulePackHeader(std::string_view name) {
  return "apiVersion: borderline/v1\nkind: RulePack\nmetadata: {name: " + std::string(name) +
         ", title: Test rules, jurisdiction: US, version: \"1\", reviewed: 2025-01-01}\n";
}

// A RulePack with the standard groups, the given classifications block and rules.
inline std::string rulePack(const std::vector<RuleDef>& rules,
                            const std::string& classifications = standardClassifications(),
                            std::string_view name = "test-rules") {
  std::string out = rulePackHeader(name) + standardGroups() + classifications + "rules:\n";
  for (const auto& r : rules) out += r.str();
  return out;
}

// ---------------------------------------------------------------------------- manifests

// A valid workload manifest; each field is YAML text. `extra` adds keys to spec, `siteExtra`
// to site (both as block YAML without indentation).
struct WorkloadDef {
  std::string name = "w1";
  std::string purpose = "training";
  std::string chips = "[{model: big-chip, count: 8}]";
  std::string acquisition = "lease";
  std::string siteCountry = "MY";
  std::string owner = "{name: Example Data Centres Sdn Bhd, hq: MY}";
  std::string tenant = "{name: Acme Analytics Pte Ltd, hq: SG}";
  std::string siteExtra = {};
  std::string extra = {};

  std::string str() const {
    std::string out = "apiVersion: borderline/v1\nkind: Workload\nmetadata:\n  name: " + name +
                      "\nspec:\n  purpose: " + purpose + "\n  compute:\n    chips: " + chips +
                      "\n    acquisition: " + acquisition +
                      "\n  site:\n    country: " + siteCountry + "\n    owner: " + owner + "\n";
    out += indented(siteExtra, 4);
    out += "  tenant: " + tenant + "\n";
    out += indented(extra, 2);
    return out;
  }
};

// ------------------------------------------------------------------------------- engine

using NamedText = std::pair<std::string, std::string>;

// Compiled rules (the test catalog, the test party list and the given packs) plus the
// manifests loaded against them. Everything a Result points into lives as long as the Engine.
class Engine {
public:
  explicit Engine(const std::vector<NamedText>& packs) : sources_(std::make_unique<SourceSet>()) {
    PackSet set;
    addPackText(set, *sources_, "catalog.yaml", catalogPack());
    addPackText(set, *sources_, "parties.yaml", partyListPack());
    for (const auto& [name, text] : packs) addPackText(set, *sources_, name, text);
    rules_ = compileRules(set);
  }
  explicit Engine(const std::vector<RuleDef>& rules,
                  const std::string& classifications = standardClassifications())
      : Engine(std::vector<NamedText>{{"rules.yaml", rulePack(rules, classifications)}}) {}
  // A minimal rule set, for tests that only need the chip catalog.
  Engine() : Engine(std::vector<RuleDef>{RuleDef{}}) {}

  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  const CompiledRules& rules() const { return *rules_; }

  // Loads every workload of a manifest text (throws LoadFailure).
  const std::vector<Workload>& load(std::string text, std::string name = "manifest.yaml") {
    const SourceText source = checkSource(*sources_, std::move(name), std::move(text));
    loaded_.push_back(loadManifest(source, rules_->catalog));
    return loaded_.back();
  }
  const Workload& loadOne(std::string text, std::string name = "manifest.yaml") {
    const auto& all = load(std::move(text), std::move(name));
    REQUIRE(all.size() == 1);
    return all.front();
  }
  const Workload& loadOne(const WorkloadDef& w) { return loadOne(w.str()); }

  // The load errors of a manifest text (empty when it loads).
  std::vector<Diagnostic> loadErrors(std::string text, std::string name = "manifest.yaml") {
    try {
      load(std::move(text), std::move(name));
    } catch (const LoadFailure& failure) {
      return failure.errors();
    }
    return {};
  }

  Result evaluate(const Workload& w, std::string_view date) const {
    const DateView view(*rules_, day(date));
    return evaluateWorkload(w, view);
  }
  Result evaluate(const WorkloadDef& w, std::string_view date) {
    return evaluate(loadOne(w), date);
  }

  std::string json(const std::vector<Result>& results, std::string_view date) const {
    std::ostringstream out;
    JsonReporter().write(Report{*rules_, day(date), results}, out);
    return out.str();
  }

private:
  std::unique_ptr<SourceSet> sources_;
  std::unique_ptr<CompiledRules> rules_;
  std::deque<std::vector<Workload>> loaded_;
};

// The errors of compiling the test catalog, the test party list and `packs` (empty when they
// compile).
inline std::vector<Diagnostic> compileErrors(const std::vector<NamedText>& packs) {
  try {
    Engine engine(packs);
  } catch (const LoadFailure& failure) {
    return failure.errors();
  }
  return {};
}
inline std::vector<Diagnostic> compileErrors(const std::string& packText) {
  return compileErrors(std::vector<NamedText>{{"pack.yaml", packText}});
}

// The single error of a failed load or compile; fails the test when there is not exactly one.
inline Diagnostic onlyError(const std::vector<Diagnostic>& errors) {
  INFO(describe(errors));
  REQUIRE(errors.size() == 1);
  return errors.front();
}

// ------------------------------------------------------------------------------ findings

inline const Finding* findingFor(const Result& result, std::string_view ruleId) {
  for (const auto& f : result.findings)
    if (f.rule->id == ruleId) return &f;
  return nullptr;
}

inline std::string describe(const Result& result) {
  std::string out = "verdict " + std::string(levelName(result.verdict)) + "\n";
  for (const auto& f : result.findings)
    out += "  " + f.rule->id + " " + std::string(levelName(f.level)) + " " +
           std::string(statusName(f.status)) + ": " + f.message + " [" + f.statusReason + "]\n";
  for (const auto& n : result.notices) out += "  notice " + n.loc.str() + ": " + n.message + "\n";
  return out;
}

// Whether a rule with condition `when` fires for the workload on `date`.
inline bool fires(const std::string& when, const WorkloadDef& workload,
                  std::string_view date = "2025-06-01") {
  RuleDef rule;
  rule.when = when;
  Engine engine(std::vector<RuleDef>{rule});
  const Result result = engine.evaluate(workload, date);
  return findingFor(result, rule.id) != nullptr;
}

} // namespace bltest
