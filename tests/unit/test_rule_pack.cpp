// Reading the bundled rule files: RuleTest files are skipped unless asked for, and asking for
// them checks the layout that skipping relies on (RuleTest documents in tests/, nothing else).
#include "support.hpp"

#include <array>

namespace {

using namespace bltest;

constexpr std::string_view kPack = R"(apiVersion: borderline/v1
kind: RulePack
metadata: {name: demo, version: "1", jurisdiction: US, regime: EAR}
rules: []
)";

constexpr std::string_view kTest = R"(apiVersion: borderline/v1
kind: RuleTest
metadata: {name: demo-tests}
tests: []
)";

// The error of loading `files` with their tests, or "" when they load.
std::string layoutError(std::span<const BundledFile> files) {
  PackSet set;
  SourceSet sources;
  try {
    addBundledFiles(set, sources, files, BundledTests::Include);
  } catch (const LoadFailure& failure) {
    const Diagnostic& first = failure.errors().front();
    return first.file + ": " + first.message;
  }
  return "";
}

} // namespace

TEST_CASE("bundled RuleTest files are read only when asked for", "[rule_pack]") {
  const std::array<BundledFile, 2> files = {BundledFile{"us/demo.yaml", kPack},
                                            BundledFile{"tests/us-demo.yaml", kTest}};
  PackSet skipped, included;
  SourceSet sources;
  addBundledFiles(skipped, sources, files, BundledTests::Skip);
  addBundledFiles(included, sources, files, BundledTests::Include);
  CHECK(skipped.packs.size() == 1);
  CHECK(skipped.tests.empty());
  CHECK(included.packs.size() == 1);
  REQUIRE(included.tests.size() == 1);
  CHECK(included.tests.front().file == "bundled:rules/tests/us-demo.yaml");
}

TEST_CASE("a misplaced bundled document is an error when tests are read", "[rule_pack]") {
  const std::array<BundledFile, 1> packInTests = {BundledFile{"tests/us-demo.yaml", kPack}};
  CHECK(layoutError(packInTests) ==
        "bundled:rules/tests/us-demo.yaml: only RuleTest documents belong in rules/tests/");
  const std::array<BundledFile, 1> testOutside = {BundledFile{"us/demo-tests.yaml", kTest}};
  CHECK(layoutError(testOutside) ==
        "bundled:rules/us/demo-tests.yaml: RuleTest documents belong in rules/tests/");
  const std::array<BundledFile, 2> wellPlaced = {BundledFile{"us/demo.yaml", kPack},
                                                 BundledFile{"tests/us-demo.yaml", kTest}};
  CHECK(layoutError(wellPlaced).empty());
}

TEST_CASE("the real bundle keeps its RuleTest documents in tests/", "[rule_pack]") {
  PackSet set;
  SourceSet sources;
  REQUIRE_NOTHROW(addBundledPacks(set, sources, BundledTests::Include));
  CHECK(!set.tests.empty());
  for (const auto& test : set.tests) CHECK(test.file.starts_with("bundled:rules/tests/"));
}
