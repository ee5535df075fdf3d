#include "load/rule_pack.hpp"

#include <algorithm>
#include <filesystem>

#include <fmt/format.h>

#include "load/bundled_rules.hpp"
#include "load/diagnostics.hpp"
#include "load/party_index_file.hpp"
#include "load/yaml_reader.hpp"
#include "util/sha256.hpp"

namespace borderline {

namespace {

void addDocuments(PackSet& set, const SourceText& source, const std::string& digest,
                  YamlSource trust = YamlSource::Untrusted) {
  Diagnostics diags;
  YamlReader reader(source.name, diags);
  bool any = false;
  for (const auto& doc : parseYamlDocuments(source.name, source.text, trust)) {
    if (doc.IsNull()) continue;
    any = true;
    if (!reader.isMap(doc, "rule pack document")) continue;
    const YAML::Node api = doc["apiVersion"];
    const YAML::Node kind = doc["kind"];
    if (!api || !kind) {
      reader.error(doc, "missing required key 'apiVersion' or 'kind' in rule pack document");
      continue;
    }
    if (auto v = reader.string(api, "apiVersion"); v && *v != "borderline/v1")
      reader.error(api, fmt::format("unsupported apiVersion '{}' (expected borderline/v1)", *v));
    const auto k = reader.string(kind, "kind");
    if (!k) continue;
    static const std::pair<std::string_view, PackKind> kKinds[] = {
        {"RulePack", PackKind::RulePack},
        {"ChipCatalog", PackKind::ChipCatalog},
        {"PartyList", PackKind::PartyList},
        {"RuleTest", PackKind::RuleTest}};
    const auto found = std::find_if(std::begin(kKinds), std::end(kKinds),
                                    [&](const auto& p) { return p.first == *k; });
    if (found == std::end(kKinds)) {
      reader.error(kind, fmt::format("unknown kind '{}' (expected RulePack, ChipCatalog, PartyList "
                                     "or RuleTest)",
                                     *k));
      continue;
    }
    PackSource pack{source.name, found->second, doc, digest, {}};
    (found->second == PackKind::RuleTest ? set.tests : set.packs).push_back(std::move(pack));
  }
  if (!any)
    diags.error({source.name, 0, 0}, "empty rule file (expected a RulePack, ChipCatalog, "
                                     "PartyList or RuleTest document)");
  throwIfErrors(diags);
}

void addDocuments(PackSet& set, const SourceText& source) {
  addDocuments(set, source, sha256Hex(source.text));
}

// A pack file, or the binary index beside it when that was made from exactly these bytes.
void addPackFile(PackSet& set, SourceSet& sources, const std::string& path) {
  const SourceText source = readSource(sources, path);
  std::string digest = sha256Hex(source.text);
  if (auto index = readPartyIndexFor(path, digest)) {
    set.packs.push_back(
        {source.name, PackKind::PartyList, YAML::Node(), std::move(digest), std::move(*index)});
    return;
  }
  addDocuments(set, source, digest);
}

bool isYamlFile(const std::filesystem::path& p) {
  const auto ext = p.extension();
  return ext == ".yaml" || ext == ".yml";
}

} // namespace

void addPackPath(PackSet& set, SourceSet& sources, const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(path, ec)) {
    addPackFile(set, sources, path);
    return;
  }
  std::vector<fs::path> files;
  for (fs::recursive_directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec))
    if (it->is_regular_file() && isYamlFile(it->path())) files.push_back(it->path());
  if (ec)
    throw LoadFailure({Diagnostic{Location{sources.intern(path), 0, 0},
                                  fmt::format("cannot read rules directory: {}", ec.message())}});
  if (files.empty())
    throw LoadFailure({Diagnostic{Location{sources.intern(path), 0, 0},
                                  "no rule files (*.yaml) in this directory"}});
  std::sort(files.begin(), files.end());
  for (const auto& f : files) addPackFile(set, sources, f.string());
}

void addPackText(PackSet& set, SourceSet& sources, std::string name, std::string text) {
  addDocuments(set, checkSource(sources, std::move(name), std::move(text)));
}

void addBundledPacks(PackSet& set, SourceSet& sources, BundledTests tests) {
  addBundledFiles(set, sources, bundledRuleFiles(), tests);
}

void addBundledFiles(PackSet& set, SourceSet& sources, std::span<const BundledFile> files,
                     BundledTests tests) {
  for (const auto& file : files) {
    const bool inTestsFolder = file.path.substr(0, 6) == "tests/";
    if (inTestsFolder && tests == BundledTests::Skip) continue;
    const SourceText source =
        checkSource(sources, "bundled:rules/" + std::string(file.path), std::string(file.content));
    const std::size_t packsBefore = set.packs.size(), testsBefore = set.tests.size();
    addDocuments(set, source, sha256Hex(source.text), YamlSource::Bundled);
    const bool addedPacks = set.packs.size() != packsBefore;
    const bool addedTests = set.tests.size() != testsBefore;
    if (inTestsFolder ? addedPacks : addedTests)
      throw LoadFailure({Diagnostic{Location{source.name, 0, 0},
                                    inTestsFolder ? "only RuleTest documents belong in rules/tests/"
                                                  : "RuleTest documents belong in rules/tests/"}});
  }
}

} // namespace borderline
