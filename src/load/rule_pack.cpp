#include "load/rule_pack.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <filesystem>
#include <thread>

#include <fmt/format.h>

#include "load/bundled_rules.hpp"
#include "load/diagnostics.hpp"
#include "load/party_index_file.hpp"
#include "load/yaml_reader.hpp"
#include "util/sha256.hpp"

namespace borderline {

namespace {

// Sorts the parsed documents of one file into `set` by kind.
void addDocuments(PackSet& set, const SourceText& source, const std::string& digest,
                  const std::vector<YAML::Node>& documents) {
  Diagnostics diags;
  YamlReader reader(source.name, diags);
  bool any = false;
  for (const auto& doc : documents) {
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

void addDocuments(PackSet& set, const SourceText& source, const std::string& digest) {
  addDocuments(set, source, digest, parseYamlDocuments(source.name, source.text));
}

void addDocuments(PackSet& set, const SourceText& source) {
  addDocuments(set, source, sha256Hex(source.text));
}

// A bundled file parsed, or the error parsing it threw.
struct ParsedFile {
  std::string digest;
  std::vector<YAML::Node> documents;
  std::exception_ptr error;
};

// Parses the files on up to `threads` threads: YAML parsing is most of every command's
// start-up, and the files are independent. The results are in the files' order, so the
// packs, the digest and the first error reported do not depend on the threads.
std::vector<ParsedFile> parseBundled(const std::vector<SourceText>& sources, unsigned threads) {
  std::vector<ParsedFile> parsed(sources.size());
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i; (i = next.fetch_add(1)) < sources.size();) {
      try {
        parsed[i].digest = sha256Hex(sources[i].text);
        parsed[i].documents =
            parseYamlDocuments(sources[i].name, sources[i].text, YamlSource::Bundled);
      } catch (...) {
        parsed[i].error = std::current_exception();
      }
    }
  };
  std::vector<std::thread> helpers;
  for (unsigned t = 1; t < threads && t < sources.size(); ++t) helpers.emplace_back(work);
  work();
  for (auto& h : helpers) h.join();
  return parsed;
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
  for (fs::recursive_directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec)) {
    // A folder named `optional` below the directory holds packs that need a list the user
    // imports (rules/optional/): skipped, as the bundle skips them, so that `--rules` on a
    // checkout's rules/ loads what the binary bundles. Named directly, it loads.
    if (it->is_directory() && it->path().filename() == "optional") {
      it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file() && isYamlFile(it->path())) files.push_back(it->path());
  }
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
  std::vector<SourceText> texts;
  std::vector<bool> inTests;
  for (const auto& file : files) {
    const bool inTestsFolder = file.path.substr(0, 6) == "tests/";
    if (inTestsFolder && tests == BundledTests::Skip) continue;
    texts.push_back(
        checkSource(sources, "bundled:rules/" + std::string(file.path), std::string(file.content)));
    inTests.push_back(inTestsFolder);
  }
  const std::vector<ParsedFile> parsed =
      parseBundled(texts, std::clamp(std::thread::hardware_concurrency(), 1u, 4u));
  for (std::size_t i = 0; i < texts.size(); ++i) {
    const SourceText& source = texts[i];
    const bool inTestsFolder = inTests[i];
    if (parsed[i].error) std::rethrow_exception(parsed[i].error);
    const std::size_t packsBefore = set.packs.size(), testsBefore = set.tests.size();
    addDocuments(set, source, parsed[i].digest, parsed[i].documents);
    const bool addedPacks = set.packs.size() != packsBefore;
    const bool addedTests = set.tests.size() != testsBefore;
    if (inTestsFolder ? addedPacks : addedTests)
      throw LoadFailure({Diagnostic{Location{source.name, 0, 0},
                                    inTestsFolder ? "only RuleTest documents belong in rules/tests/"
                                                  : "RuleTest documents belong in rules/tests/"}});
  }
}

} // namespace borderline
