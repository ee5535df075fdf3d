// Properties of the engine over random workloads and dates, with the bundled rules (seeded:
// the same cases on every run). For each of a few hundred random workloads, on a random date
// from 2023 to 2027:
//   (b) adding an authorization never makes the verdict worse;
//   (c) a waiver only affects the findings of the rule it names;
//   (d) the verdict is the worst open finding (allowed when none is open);
//   (e) the rule prefilter (DateView::mayFire) never rules out a rule that fires.
//   (f) collectFiringHeld, for a condition known to hold, finds what collectFiring finds.
//   (g) screening only the names the rules in effect read changes no rule's outcome;
//   (h) a date's resolved country sets are their countries plus their groups' members.
//   (i) the flat condition program (DateView::program) gives each condition tree's result.
// (a), check and audit agree, is a command-line property: tests/cli/audit.sh.
#include "support.hpp"

#include <array>
#include <cstdint>

#include <fmt/format.h>

#include "compile/condition_walk.hpp"
#include "evaluate/condition_eval.hpp"
#include "evaluate/party_screen.hpp"
#include "load/rule_pack.hpp"

using namespace bltest;

namespace {

const CompiledRules& bundledRules() {
  static SourceSet sources;
  static const std::unique_ptr<CompiledRules> rules = [] {
    PackSet packs;
    addBundledPacks(packs, sources);
    return compileRules(packs);
  }();
  return *rules;
}

// A small, fixed generator (std::mt19937's distributions differ between libraries).
class Random {
public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() { // splitmix64
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
  bool chance(int percent) { return below(100) < static_cast<std::size_t>(percent); }
  template <class T, std::size_t N> const T& pick(const std::array<T, N>& items) {
    return items[below(N)];
  }

private:
  std::uint64_t state_;
};

constexpr std::array<std::string_view, 14> kChips = {
    "nvidia-h100-sxm",    "nvidia-h20",      "nvidia-b200",  "nvidia-a100-sxm",
    "nvidia-h800-sxm",    "nvidia-l40s",     "nvidia-l20",   "nvidia-rtx-4090",
    "amd-mi300x",         "amd-mi308x",      "intel-gaudi3", "nvidia-h200-sxm",
    "huawei-ascend-910b", "cambricon-mlu590"};
constexpr std::array<std::string_view, 16> kCountries = {
    "US", "CN", "MY", "SG", "DE", "FR", "IN", "AE", "SA", "RU", "HK", "MO", "KH", "ZW", "TW", "VN"};
constexpr std::array<std::string_view, 3> kPurposes = {"training", "fine-tuning", "inference"};
constexpr std::array<std::string_view, 5> kAcquisitions = {"purchase", "lease", "iaas",
                                                           "colocation", "owned"};
// Listed names, exactly and misspelt (a fuzzy match only, which makes rules fire as `review`),
// and unlisted ones.
constexpr std::array<std::string_view, 7> kParties = {
    "Example Compute Inc.",          "Example Cloud Pte. Ltd.", "Example AI Lab Ltd.",
    "Huawei Technologies Co., Ltd.", "Example Gulf AI LLC",     "Example Retail OOO",
    "Huawey Technologies Ltd"};
constexpr std::array<std::string_view, 6> kCategories = {"public",    "personal", "health",
                                                         "important", "genomic",  "financial"};
constexpr std::array<std::string_view, 8> kTransfers = {
    "cac-security-assessment", "cn-standard-contract", "consent", "pipia", "eu-scc",
    "rkn-notification",        "ru-localization",      "eu-tia"};
// Every authorization type a bundled rule accepts, and one that none does.
constexpr std::array<std::string_view, 12> kAuthorizationTypes = {"bis-license",
                                                                  "nac-notification",
                                                                  "cac-security-assessment",
                                                                  "cn-standard-contract",
                                                                  "cn-certification",
                                                                  "pipia",
                                                                  "eu-scc",
                                                                  "my-strategic-trade-permit",
                                                                  "cisa-security-requirements",
                                                                  "dsp-compliance-program",
                                                                  "ru-localization",
                                                                  "veu"};

std::string party(Random& rng) {
  return fmt::format("{{name: \"{}\", hq: {}}}", rng.pick(kParties), rng.pick(kCountries));
}

// A random valid workload manifest (as YAML text), without its authorizations and waivers:
// callers append those (`spec` is last, so lines indented by four spaces belong to it).
std::string randomWorkload(Random& rng, int index) {
  std::string out = fmt::format("apiVersion: borderline/v1\nkind: Workload\nmetadata:\n  name: "
                                "w{}\nspec:\n  purpose: {}\n  compute:\n    chips:\n",
                                index, rng.pick(kPurposes));
  for (std::size_t i = 0, n = 1 + rng.below(2); i < n; ++i)
    out += fmt::format("      - {{model: {}, count: {}}}\n", rng.pick(kChips), 1 + rng.below(5000));
  out += fmt::format("    acquisition: {}\n", rng.pick(kAcquisitions));
  out += fmt::format("  site: {{country: {}, owner: {}}}\n", rng.pick(kCountries), party(rng));
  out += fmt::format("  tenant: {}\n", party(rng));
  if (rng.chance(60)) {
    out += "  data:\n";
    for (std::size_t i = 0, n = 1 + rng.below(2); i < n; ++i) {
      out += fmt::format("    - {{name: d{}, origin: {}, categories: [{}, {}], subjects: {}", i,
                         rng.pick(kCountries), rng.pick(kCategories), rng.pick(kCategories),
                         rng.below(3'000'000));
      if (rng.chance(40)) out += fmt::format(", transfer: [{}]", rng.pick(kTransfers));
      out += "}\n";
    }
  }
  if (rng.chance(25))
    out += fmt::format("  authorizations:\n    - {{type: {}, reference: A-1}}\n",
                       rng.pick(kAuthorizationTypes));
  return out;
}

// The workload with one more authorization (appending to its list, or starting one).
std::string withAuthorization(const std::string& manifest, std::string_view type,
                              std::string_view expires) {
  const std::string item =
      fmt::format("    - {{type: {}, reference: EXTRA-1, expires: {}}}\n", type, expires);
  return manifest + (manifest.find("  authorizations:\n") == std::string::npos
                         ? "  authorizations:\n" + item
                         : item);
}

// Rebuilt so that authorizations stay last: waivers go before them.
std::string withWaiver(const std::string& manifest, std::string_view rule) {
  const std::string waiver = fmt::format(
      "  waivers:\n    - {{rule: {}, reason: accepted, approvedBy: CCO, expires: 2031-12-31}}\n",
      rule);
  const std::size_t at = manifest.find("  authorizations:\n");
  if (at == std::string::npos) return manifest + waiver;
  return manifest.substr(0, at) + waiver + manifest.substr(at);
}

// Loads and evaluates one manifest text.
struct Evaluated {
  SourceSet sources;
  std::vector<Workload> workloads;
  Result result;
};
std::unique_ptr<Evaluated> evaluateText(const std::string& text, const DateView& view) {
  auto e = std::make_unique<Evaluated>();
  try {
    const SourceText source = checkSource(e->sources, "random.yaml", text);
    e->workloads = loadManifest(source, bundledRules().catalog);
  } catch (const LoadFailure& failure) {
    FAIL("generated manifest does not load:\n" << describe(failure.errors()) << text);
  }
  REQUIRE(e->workloads.size() == 1);
  e->result = evaluateWorkload(e->workloads.front(), view);
  return e;
}

Level worstOpen(const Result& r) {
  Level worst = Level::Allowed;
  for (const auto& f : r.findings)
    if (f.status == FindingStatus::Open) worst = std::max(worst, f.level);
  return worst;
}

// One finding as the properties compare it.
std::string findingKey(const Finding& f) {
  return fmt::format("{} {} {} {}", f.rule->id, levelName(f.level), statusName(f.status),
                     f.message);
}

struct Case {
  std::string manifest;
  Date date;
};

std::vector<Case> randomCases(std::uint64_t seed, int count) {
  Random rng(seed);
  const Date first = day("2023-01-01");
  std::vector<Case> cases;
  for (int i = 0; i < count; ++i) {
    std::string manifest = randomWorkload(rng, i);
    cases.push_back(
        {std::move(manifest), first.plusDays(static_cast<std::int32_t>(rng.below(1826)))});
  }
  return cases;
}

constexpr int kCases = 300;

} // namespace

TEST_CASE("properties: the verdict is the worst open finding", "[properties]") {
  int notAllowed = 0;
  for (const auto& c : randomCases(1, kCases)) {
    const DateView view(bundledRules(), c.date);
    const auto e = evaluateText(c.manifest, view);
    INFO(c.manifest << "on " << c.date.str() << "\n" << describe(e->result));
    CHECK(e->result.verdict == worstOpen(e->result));
    notAllowed += e->result.verdict != Level::Allowed;
  }
  // The random workloads must exercise the rules, or the properties prove little.
  CHECK(notAllowed > kCases / 5);
  CHECK(notAllowed < kCases);
}

TEST_CASE("properties: adding an authorization never makes the verdict worse", "[properties]") {
  int improved = 0;
  for (const auto& c : randomCases(2, kCases)) {
    const DateView view(bundledRules(), c.date);
    const auto before = evaluateText(c.manifest, view);
    for (const auto type : kAuthorizationTypes) {
      for (const auto expires : {"2031-12-31", "2023-06-30"}) { // valid, or possibly expired
        const std::string changed = withAuthorization(c.manifest, type, expires);
        const auto after = evaluateText(changed, view);
        INFO(changed << "on " << c.date.str() << "\nbefore: " << describe(before->result)
                     << "after: " << describe(after->result));
        CHECK(after->result.verdict <= before->result.verdict);
        improved += after->result.verdict < before->result.verdict;
      }
    }
  }
  CHECK(improved > 10);
}

TEST_CASE("properties: a waiver only affects the rule it names", "[properties]") {
  int waived = 0;
  for (const auto& c : randomCases(3, kCases)) {
    const DateView view(bundledRules(), c.date);
    const auto before = evaluateText(c.manifest, view);
    std::vector<std::string> rules;
    for (const auto& f : before->result.findings) rules.push_back(f.rule->id);
    rules.push_back("us.ear.no-such-rule");
    for (const auto& rule : rules) {
      const std::string changed = withWaiver(c.manifest, rule);
      const auto after = evaluateText(changed, view);
      INFO(changed << "on " << c.date.str() << "\nbefore: " << describe(before->result)
                   << "after: " << describe(after->result));
      REQUIRE(after->result.findings.size() == before->result.findings.size());
      for (const auto& f : after->result.findings) {
        const Finding* old = findingFor(before->result, f.rule->id);
        REQUIRE(old != nullptr);
        if (f.rule->id != rule) {
          CHECK(findingKey(f) == findingKey(*old));
        } else if (old->status == FindingStatus::Open) {
          // A waiver cannot waive a prohibition (rules.md, "Waivers").
          CHECK(f.status ==
                (old->level == Level::Prohibited ? FindingStatus::Open : FindingStatus::Waived));
          ++waived;
        }
      }
      CHECK(after->result.verdict <= before->result.verdict);
    }
  }
  CHECK(waived > 10);
}

// One random case on its date, loaded and screened, with the evaluator's two contexts: exact
// party-list matches only, and fuzzy ones too. Not copyable: the contexts point into it.
struct ScreenedCase {
  explicit ScreenedCase(const Case& c)
      : view(bundledRules(), c.date),
        workloads(
            loadManifest(checkSource(sources, "random.yaml", c.manifest), bundledRules().catalog)) {
    REQUIRE(workloads.size() == 1);
    screening = screenParties(workloads.front(), view);
    const EvalContexts contexts = evalContexts(workloads.front(), view, screening);
    exact = contexts.exact;
    fuzzy = contexts.fuzzy;
  }
  ScreenedCase(const ScreenedCase&) = delete;
  ScreenedCase& operator=(const ScreenedCase&) = delete;
  const Workload& workload() const { return workloads.front(); }

  SourceSet sources;
  DateView view;
  std::vector<Workload> workloads;
  Screening screening;
  EvalContext exact, fuzzy;
};

// (e) DateView::mayFire, the evaluator's prefilter, only rules out rules that cannot fire: every
// rule whose condition holds for a workload (with exact or with fuzzy party-list matches) keeps
// its bit, whatever the date.
TEST_CASE("properties: the rule prefilter never rules out a rule that fires", "[properties]") {
  std::size_t holding = 0, ruledOut = 0;
  for (const auto& c : randomCases(5, 1000)) {
    const ScreenedCase k(c);
    const DateView& view = k.view;
    std::vector<std::uint64_t> mask(view.ruleWords());
    view.mayFire(k.workload(), &k.screening, mask.data());
    const EvalContext &exact = k.exact, &fuzzy = k.fuzzy;
    const auto& rules = view.rulesInEffect();
    for (std::size_t i = 0; i < rules.size(); ++i) {
      const bool bit = (mask[i / 64] >> (i % 64)) & 1u;
      const bool holds = evaluate(rules[i]->when, exact) || evaluate(rules[i]->when, fuzzy);
      INFO(c.manifest << "on " << c.date.str() << ", rule " << rules[i]->id);
      CHECK((bit || !holds));
      holding += holds;
      ruledOut += !bit;
    }
  }
  // The random workloads must make rules fire and let the prefilter rule others out.
  CHECK(holding > 100);
  CHECK(ruledOut > 1000);
}

// (f) The evaluator collects the firing elements of a rule that fired with collectFiringHeld,
// which skips re-testing what must hold: the same chips, data sources and first location as
// collectFiring, which evaluates everything again.
TEST_CASE("properties: collectFiringHeld finds what collectFiring finds", "[properties]") {
  std::size_t holding = 0, withElements = 0;
  for (const auto& c : randomCases(6, 1000)) {
    const ScreenedCase k(c);
    const DateView& view = k.view;
    const EvalContext &exact = k.exact, &fuzzy = k.fuzzy;
    for (const Rule* rule : view.rulesInEffect())
      for (const EvalContext* ctx : {&exact, &fuzzy}) {
        if (!evaluate(rule->when, *ctx)) continue;
        Firing all, held;
        collectFiring(rule->when, *ctx, all);
        collectFiringHeld(rule->when, *ctx, held);
        INFO(c.manifest << "on " << c.date.str() << ", rule " << rule->id);
        CHECK(held.chips == all.chips);
        CHECK(held.data == all.data);
        CHECK(held.first.str() == all.first.str());
        ++holding;
        withElements += !all.chips.empty() || !all.data.empty();
      }
  }
  CHECK(holding > 100);
  CHECK(withElements > 10);
}

// (g) The evaluator screens only the party names that some rule in effect reads
// (ScreenNames::ReadByRules): every rule's `when` and `unless`, and the prefilter, come out
// the same as with every name screened.
TEST_CASE("properties: screening only the names rules read changes no outcome", "[properties]") {
  std::size_t holding = 0;
  for (const auto& c : randomCases(7, 500)) {
    const ScreenedCase k(c);
    const DateView& view = k.view;
    const Screening read = screenParties(k.workload(), view, nullptr, ScreenNames::ReadByRules);
    const EvalContexts contexts = evalContexts(k.workload(), view, read);
    const EvalContext& exact = contexts.exact;
    const EvalContext& fuzzy = contexts.fuzzy;
    std::vector<std::uint64_t> all(view.ruleWords()), some(view.ruleWords());
    view.mayFire(k.workload(), &k.screening, all.data());
    view.mayFire(k.workload(), &read, some.data());
    CHECK(all == some);
    for (const Rule* rule : view.rulesInEffect()) {
      INFO(c.manifest << "on " << c.date.str() << ", rule " << rule->id);
      CHECK(evaluate(rule->when, exact) == evaluate(rule->when, k.exact));
      CHECK(evaluate(rule->when, fuzzy) == evaluate(rule->when, k.fuzzy));
      if (rule->unless) {
        CHECK(evaluate(*rule->unless, exact) == evaluate(*rule->unless, k.exact));
        CHECK(evaluate(*rule->unless, fuzzy) == evaluate(*rule->unless, k.fuzzy));
      }
      holding += evaluate(rule->when, fuzzy);
    }
  }
  CHECK(holding > 100);
}

// (h) Country sets that name groups are resolved once per date (Operand::resolvedSet): each is
// exactly its fixed countries plus the members of its groups on that date.
TEST_CASE("properties: resolved country sets are their countries and groups", "[properties]") {
  const CompiledRules& rules = bundledRules();
  std::size_t resolved = 0;
  for (const char* date : {"2023-01-01", "2025-01-15", "2025-09-01", "2026-06-01"}) {
    const DateView view(rules, day(date));
    for (const auto& rule : rules.rules)
      forEachNode(rule.when, [&](const Condition& c) {
        for (const auto& op : c.ops) {
          if (op.operand.groups.empty()) continue;
          const CountrySet* set = view.resolvedSet(op.operand.resolvedSet);
          REQUIRE(set != nullptr);
          CountrySet expected = op.operand.countries;
          for (std::uint16_t g : op.operand.groups) expected |= view.group(g);
          CHECK(*set == expected);
          ++resolved;
        }
      });
  }
  CHECK(resolved > 20);
}

// (i) The evaluator runs the rules' conditions from DateView::program(), laid out flat: every
// rule's `when` and `unless` give the same result there as the Condition tree, with exact and
// with fuzzy party-list matches. (tests/unit/test_conditions.cpp covers each node kind and
// operator through the evaluator, hence through the program.)
TEST_CASE("properties: the flat condition program gives each condition's result", "[properties]") {
  std::size_t holding = 0, withUnless = 0;
  for (const auto& c : randomCases(8, 1000)) {
    const ScreenedCase k(c);
    const DateView& view = k.view;
    const ConditionProgram& program = view.program();
    const auto& rules = view.rulesInEffect();
    for (std::size_t i = 0; i < rules.size(); ++i)
      for (const EvalContext* ctx : {&k.exact, &k.fuzzy}) {
        INFO(c.manifest << "on " << c.date.str() << ", rule " << rules[i]->id);
        const bool when = evaluate(rules[i]->when, *ctx);
        CHECK(evaluate(program, program.when(i), *ctx) == when);
        holding += when;
        REQUIRE((program.unless(i) == ConditionProgram::kNone) == !rules[i]->unless);
        if (!rules[i]->unless) continue;
        CHECK(evaluate(program, program.unless(i), *ctx) == evaluate(*rules[i]->unless, *ctx));
        ++withUnless;
      }
  }
  CHECK(holding > 100);
  CHECK(withUnless > 100);
}
