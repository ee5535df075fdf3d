// `borderline rules list|show|test` (lint: rules_lint.cpp): inspect and test the rule packs.
#include <iostream>
#include <map>
#include <memory>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "cli/rules_show.hpp"
#include "evaluate/evaluator.hpp"
#include "load/rule_test.hpp"

namespace borderline {

namespace {

struct RulesOptions {
  RuleOptions rules;
  std::string format = "text";
  std::vector<std::string> testPaths;
  std::string id; // show
  bool verbose = false;
};

int runList(const RulesOptions& o) {
  SourceSet sources;
  const LoadedRules loaded = loadRules(o.rules, sources);
  const CompiledRules& rules = *loaded.compiled;
  auto ruleCount = [&](const PackInfo* pack) {
    return std::count_if(rules.rules.begin(), rules.rules.end(),
                         [&](const Rule& r) { return r.pack == pack; });
  };
  std::ostringstream out;
  if (o.format == "json") {
    nlohmann::ordered_json j;
    j["digest"] = "sha256:" + rules.digest;
    j["packs"] = nlohmann::ordered_json::array();
    for (const auto& p : rules.packs)
      j["packs"].push_back({{"name", p->name},
                            {"kind", p->kind},
                            {"title", p->title},
                            {"jurisdiction", p->jurisdiction},
                            {"version", p->version},
                            {"reviewed", p->reviewed ? p->reviewed->str() : ""},
                            {"rules", ruleCount(p.get())},
                            {"file", std::string(p->file)},
                            {"sha256", p->sha256}});
    out << j.dump(2) << '\n';
  } else if (o.format == "text") {
    out << fmt::format("{:<34} {:<11} {:<4} {:<10} {:<10} {:>5}  {}\n", "PACK", "KIND", "JUR",
                       "VERSION", "REVIEWED", "RULES", "TITLE");
    for (const auto& p : rules.packs)
      out << fmt::format("{:<34} {:<11} {:<4} {:<10} {:<10} {:>5}  {}\n", p->name, p->kind,
                         p->jurisdiction.empty() ? "-" : p->jurisdiction, p->version,
                         p->reviewed ? p->reviewed->str() : "-", ruleCount(p.get()), p->title);
    out << fmt::format("\n{} packs, {} rules, {} chips, {} listed parties · sha256:{}\n",
                       rules.packs.size(), rules.rules.size(), rules.catalog.chips().size(),
                       rules.parties.size(), rules.digest);
  } else {
    throw UsageError(
        fmt::format("rules list cannot write format '{}' (expected text or json)", o.format));
  }
  emit("", out.str());
  return kExitOk;
}

int runShow(const RulesOptions& o) {
  if (o.format != "text" && o.format != "json")
    throw UsageError(
        fmt::format("rules show cannot write format '{}' (expected text or json)", o.format));
  SourceSet sources;
  const LoadedRules loaded = loadRules(o.rules, sources);
  const auto text = showRulesItem(*loaded.compiled, o.id, o.format);
  if (!text)
    throw UsageError(fmt::format("no rule, group or classification named '{}' (see `borderline "
                                 "rules list`)",
                                 o.id));
  emit("", *text);
  return kExitOk;
}

// Runs one case on its date's view; returns the reasons it failed (empty = passed).
std::vector<std::string> runCase(const RuleTestCase& t, const DateView& view) {
  const Result result = evaluateWorkload(t.workload, view);
  std::vector<std::string> failures;
  if (result.verdict != t.verdict)
    failures.push_back(
        fmt::format("verdict is {}, expected {}", levelName(result.verdict), levelName(t.verdict)));
  auto fired = [&](const std::string& id) {
    return std::any_of(result.findings.begin(), result.findings.end(),
                       [&](const Finding& f) { return f.rule->id == id; });
  };
  for (const auto& e : t.fires)
    if (!fired(e.id))
      failures.push_back(fmt::format("{} did not fire (expected at {})", e.id, e.loc.str()));
  for (const auto& e : t.doesNotFire)
    if (fired(e.id))
      failures.push_back(fmt::format("{} fired (expected not to, at {})", e.id, e.loc.str()));
  if (!failures.empty()) {
    std::vector<std::string> ids;
    for (const auto& f : result.findings)
      ids.push_back(
          fmt::format("{} ({}, {})", f.rule->id, levelName(f.level), statusName(f.status)));
    failures.push_back(fmt::format("findings: {}",
                                   ids.empty() ? "none" : fmt::format("{}", fmt::join(ids, "; "))));
  }
  return failures;
}

int runTest(const RulesOptions& o) {
  SourceSet sources;
  RuleOptions withTests = o.rules;
  withTests.bundledTests = BundledTests::Include;
  const LoadedRules loaded = loadRules(withTests, sources);
  PackSet testFiles;
  if (o.testPaths.empty()) testFiles.tests = loaded.packs.tests;
  for (const auto& path : o.testPaths) addPackPath(testFiles, sources, path);
  if (testFiles.tests.empty())
    throw UsageError("no rule tests found (kind RuleTest); give test files or directories");

  std::vector<RuleTestCase> cases;
  std::vector<Diagnostic> errors;
  for (const auto& file : testFiles.tests) {
    try {
      auto loadedCases = loadRuleTests(file, *loaded.compiled);
      for (auto& c : loadedCases) cases.push_back(std::move(c));
    } catch (const LoadFailure& failure) {
      errors.insert(errors.end(), failure.errors().begin(), failure.errors().end());
    }
  }
  if (!errors.empty()) throw LoadFailure(std::move(errors));

  int passed = 0, failed = 0;
  std::ostringstream out;
  // Most cases share a few dates; a view (with its condition program) is built once per date.
  std::map<Date, std::unique_ptr<DateView>> views;
  for (const auto& t : cases) {
    auto& view = views[t.asOf];
    if (!view) view = std::make_unique<DateView>(*loaded.compiled, t.asOf);
    const auto failures = runCase(t, *view);
    if (failures.empty()) {
      ++passed;
      if (o.verbose) out << fmt::format("ok    {} :: {}\n", t.suite, t.name);
      continue;
    }
    ++failed;
    out << fmt::format("FAIL  {} :: {}\n      at {}\n", t.suite, t.name, t.loc.str());
    for (const auto& f : failures) out << "      " << f << '\n';
  }
  // The packs' own tests must also prove every rule can fire: a rule no case expects to fire
  // could be dead (a typo in a path that happens to compile, a date window that never opens).
  if (o.testPaths.empty()) {
    for (const auto& rule : loaded.compiled->rules) {
      const bool covered = std::any_of(cases.begin(), cases.end(), [&](const RuleTestCase& t) {
        return std::any_of(t.fires.begin(), t.fires.end(),
                           [&](const ExpectedRule& e) { return e.id == rule.id; });
      });
      if (covered) continue;
      ++failed;
      out << fmt::format("FAIL  coverage :: no test case expects {} to fire\n      at {}\n",
                         rule.id, rule.loc.str());
    }
  }
  out << fmt::format("rules test: {} passed, {} failed\n", passed, failed);
  emit("", out.str());
  return failed ? kExitFindings : kExitOk;
}

} // namespace

void registerRules(CLI::App& app, CommandRunner& run) {
  auto options = std::make_shared<RulesOptions>();
  CLI::App* rules = app.add_subcommand("rules", "Inspect and test rule packs");
  rules->require_subcommand(1);
  CLI::App* list = rules->add_subcommand("list", "List the loaded rule packs with their versions");
  addRuleOptions(*list, options->rules);
  list->add_option("--format", options->format, "text or json");
  list->callback([options, &run] { run = [options] { return runList(*options); }; });

  CLI::App* show =
      rules->add_subcommand("show", "Show one rule (with its history), group or classification");
  show->add_option("id", options->id, "Rule id, group name (D5 or @D5) or classification id")
      ->required();
  addRuleOptions(*show, options->rules);
  show->add_option("--format", options->format, "text or json");
  show->callback([options, &run] { run = [options] { return runShow(*options); }; });

  CLI::App* test =
      rules->add_subcommand("test", "Run rule tests (default: the bundled rules/tests)");
  test->add_option("paths", options->testPaths, "RuleTest files or directories");
  addRuleOptions(*test, options->rules);
  test->add_flag("-v,--verbose", options->verbose, "List passing cases too");
  test->callback([options, &run] { run = [options] { return runTest(*options); }; });

  registerRulesLint(*rules, run);
}

} // namespace borderline
