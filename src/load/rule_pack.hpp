#pragma once
// Rule pack files: reading them (from disk or the bundle), parsing YAML, and sorting documents
// by kind. What they mean is the compiler's job (compile/compiler.hpp).
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

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
// (sorted by path, so the load order and digest never depend on the file system).
void addPackPath(PackSet& set, SourceSet& sources, const std::string& path);
// Adds the documents of rule-pack text already in memory (tests, tools).
void addPackText(PackSet& set, SourceSet& sources, std::string name, std::string text);
// Adds the rule packs compiled into the binary.
void addBundledPacks(PackSet& set, SourceSet& sources);

} // namespace borderline
