#pragma once
// Rule pack files: reading them (from disk or the bundle), parsing YAML, and sorting documents
// by kind. What they mean is the compiler's job (compile/compiler.hpp).
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "load/bundled_rules.hpp"
#include "load/source.hpp"

namespace borderline {

enum class PackKind { RulePack, ChipCatalog, PartyList, RuleTest };

struct PackSource {
  std::string_view file; // display name
  PackKind kind;
  YAML::Node root;    // the whole document
  std::string sha256; // of the file's bytes, for the report's rule digest
  // Non-empty: a PartyList read from its binary index (compile/party_index.hpp) instead of
  // the YAML, whose `root` is then empty.
  std::string partyIndex;
};

struct PackSet {
  std::vector<PackSource> packs; // RulePack, ChipCatalog and PartyList documents
  std::vector<PackSource> tests; // RuleTest documents
};

// Adds every pack document of a file, or of every *.yaml / *.yml file below a directory
// (sorted by path, so the load order and digest never depend on the file system), except
// below a sub-folder named `optional` (as the bundle: rules/optional/ needs imported lists).
void addPackPath(PackSet& set, SourceSet& sources, const std::string& path);
// Adds the documents of rule-pack text already in memory (tests, tools).
void addPackText(PackSet& set, SourceSet& sources, std::string name, std::string text);
// Whether the bundled RuleTest files (rules/tests/) are read: only `rules test` needs them,
// and they are a third of the bundle's bytes.
enum class BundledTests { Skip, Include };
// Adds the rule packs compiled into the binary. With Include, also checks that RuleTest
// documents sit in rules/tests/ and nothing else does, which Skip relies on (CI runs `rules
// test` on the bundle, so a misplaced document fails there, not silently elsewhere).
void addBundledPacks(PackSet& set, SourceSet& sources, BundledTests tests = BundledTests::Skip);
// The same for any list of files laid out like the bundle (unit tests).
void addBundledFiles(PackSet& set, SourceSet& sources, std::span<const BundledFile> files,
                     BundledTests tests);

} // namespace borderline
