// The manifest loader (load/manifest.cpp, load/yaml_reader.cpp, load/source.cpp): every class of
// error is reported with its message and the line and column of the offending value.
#include "support.hpp"

#include <cmath>

#include <fmt/format.h>

using namespace bltest;

namespace {

// A valid manifest; the tests below copy it with one change each, so that the line numbers
// they assert are easy to check:
//  1 apiVersion   5 spec          9 acquisition  13 tenant
//  2 kind         6 purpose      10 site
//  3 metadata     7 compute      11 country
//  4 name         8 chips        12 owner
const std::string kValid = yaml(R"(
  apiVersion: borderline/v1
  kind: Workload
  metadata:
    name: w1
  spec:
    purpose: training
    compute:
      chips: [{model: big-chip, count: 8}]
      acquisition: lease
    site:
      country: MY
      owner: {name: Example DC Sdn Bhd, hq: MY}
    tenant: {name: Acme Ltd, hq: SG}
)");

// kValid with the first occurrence of `from` replaced by `to`.
std::string edited(std::string_view from, std::string_view to, std::string text = kValid) {
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), to);
  return text;
}

Diagnostic loadError(const std::string& text) {
  Engine engine;
  return onlyError(engine.loadErrors(text));
}

} // namespace

TEST_CASE("manifest: the reference manifest loads", "[manifest]") {
  Engine engine;
  const Workload& w = engine.loadOne(kValid);
  CHECK(w.name == "w1");
  CHECK(w.loc.line == 4);
  CHECK(w.loc.column == 9);
  REQUIRE(w.purpose.has());
  CHECK(*w.purpose.value == Purpose::Training);
  REQUIRE(w.chips.size() == 1);
  CHECK(w.chips[0].spec->id == "big-chip");
  CHECK(*w.chips[0].count.value == 8);
  CHECK(*w.acquisition.value == Acquisition::Lease);
  CHECK(countryCode(*w.siteCountry.value) == "MY");
  CHECK(w.siteCountry.loc.line == 11);
  CHECK(w.siteCountry.loc.column == 14);
  CHECK(*w.party(PartyRole::Tenant).name.value == "Acme Ltd");
  CHECK(countryCode(*w.party(PartyRole::Tenant).hq.value) == "SG");
  CHECK_FALSE(w.party(PartyRole::Operator).present);
}

TEST_CASE("manifest: an unknown key is an error with a did-you-mean suggestion", "[manifest]") {
  SECTION("in spec") {
    const auto e = loadError(edited("purpose: training", "purpse: training"));
    CHECK(e.file == "manifest.yaml");
    CHECK(e.message == "unknown key 'purpse' in spec; did you mean 'purpose'? (expected one of: "
                       "purpose, period, model, compute, site, tenant, endUse, data, "
                       "authorizations, waivers)");
    CHECK(e.line == 6);
    CHECK(e.column == 3);
  }
  SECTION("in a party written as a flow map") {
    const auto e =
        loadError(edited("{name: Acme Ltd, hq: SG}", "{name: Acme Ltd, hq: SG, parentHQ: CN}"));
    CHECK(e.message == "unknown key 'parentHQ' in tenant; did you mean 'parentHq'? (expected one "
                       "of: name, hq, parentName, parentHq, designations)");
    CHECK(e.line == 13);
    CHECK(e.column == 36);
  }
  SECTION("in the envelope") {
    const auto e = loadError(edited("metadata:", "metdata:"));
    CHECK(e.message == "unknown key 'metdata' in workload; did you mean 'metadata'? (expected one "
                       "of: apiVersion, kind, metadata, spec)");
    CHECK(e.line == 3);
    CHECK(e.column == 1);
  }
  SECTION("with no plausible suggestion") {
    const auto e = loadError(edited("purpose: training", "purpose: training\n  colour: blue"));
    CHECK(e.message.starts_with("unknown key 'colour' in spec (expected one of: purpose,"));
    CHECK(e.line == 7);
    CHECK(e.column == 3);
  }
}

TEST_CASE("manifest: a value of the wrong type is an error at the value", "[manifest]") {
  SECTION("a string where a map is expected") {
    const auto e =
        loadError(edited("  site:\n    country: MY\n    owner: {name: Example DC Sdn Bhd, hq: MY}",
                         "  site: Johor campus 3"));
    CHECK(e.message == "site must be a map, got a scalar");
    CHECK(e.line == 10);
    CHECK(e.column == 9);
  }
  SECTION("a map where a number is expected") {
    const auto e = loadError(edited("count: 8", "count: {n: 8}"));
    CHECK(e.message == "chip count must be a number, got a map");
    CHECK(e.line == 8);
    CHECK(e.column == 38);
  }
  SECTION("a quoted string where a number is expected") {
    const auto e = loadError(edited("count: 8", "count: \"8\""));
    CHECK(e.message == "chip count must be a number, got the string '8'");
    CHECK(e.line == 8);
    CHECK(e.column == 38);
  }
  SECTION("a list where a string is expected") {
    const auto e = loadError(edited("name: Acme Ltd", "name: [Acme, Ltd]"));
    CHECK(e.message == "tenant.name must be a string, got a list");
    CHECK(e.line == 13);
    CHECK(e.column == 18);
  }
}

TEST_CASE("manifest: a party name must leave something to screen", "[manifest]") {
  // Screened as nothing, such a party could never match a party list: a silent pass.
  const auto expected = [](std::string_view what, std::string_view name) {
    return fmt::format("{} '{}' has nothing to screen against the party lists once legal forms "
                       "and punctuation are removed (expected the party's legal name)",
                       what, name);
  };
  SECTION("empty") {
    const auto e = loadError(edited("name: Acme Ltd", "name: ''"));
    CHECK(e.message == expected("tenant.name", ""));
    CHECK(e.line == 13);
    CHECK(e.column == 18);
  }
  SECTION("only spaces") {
    CHECK(loadError(edited("name: Acme Ltd", "name: '   '")).message ==
          expected("tenant.name", "   "));
  }
  SECTION("only legal forms and punctuation") {
    const auto e = loadError(edited("name: Example DC Sdn Bhd", "name: 'Sdn. Bhd.'"));
    CHECK(e.message == expected("site.owner.name", "Sdn. Bhd."));
    CHECK(e.line == 12);
  }
  SECTION("a parent name too") {
    const auto e = loadError(edited("name: Acme Ltd", "name: Acme Ltd, parentName: 'Co., Ltd.'"));
    CHECK(e.message == expected("tenant.parentName", "Co., Ltd."));
  }
}

TEST_CASE("manifest: an unknown enumeration value names the allowed values", "[manifest]") {
  SECTION("purpose") {
    const auto e = loadError(edited("purpose: training", "purpose: pretraining"));
    CHECK(e.message ==
          "unknown purpose 'pretraining' (expected training, fine-tuning or inference)");
    CHECK(e.line == 6);
    CHECK(e.column == 12);
  }
  SECTION("acquisition") {
    const auto e = loadError(edited("acquisition: lease", "acquisition: rent"));
    CHECK(e.message ==
          "unknown acquisition 'rent' (expected purchase, lease, iaas, colocation or owned)");
    CHECK(e.line == 9);
    CHECK(e.column == 18);
  }
  SECTION("data category") {
    const auto text =
        kValid + "  data:\n    - {name: chats, origin: CN, categories: [personal, private]}\n";
    const auto e = loadError(text);
    CHECK(e.message == "unknown data category 'private' (expected public, proprietary, personal, "
                       "sensitive-personal, important, genomic, biometric, geolocation, health, "
                       "financial, government or identifiers)");
    CHECK(e.line == 15);
    CHECK(e.column == 56);
  }
  SECTION("end use") {
    const auto e = loadError(kValid + "  endUse: [civil, defence]\n");
    CHECK(e.message ==
          "unknown end use 'defence' (expected civil, military, military-intelligence, "
          "wmd or surveillance)");
    CHECK(e.line == 14);
    CHECK(e.column == 19);
  }
}

TEST_CASE("manifest: country codes are ISO 3166-1 alpha-2, upper case", "[manifest]") {
  SECTION("an unknown code") {
    const auto e = loadError(edited("country: MY", "country: XX"));
    CHECK(e.message == "site.country: unknown country code 'XX' (expected an ISO 3166-1 alpha-2 "
                       "code such as CN, MY, SG, US)");
    CHECK(e.line == 11);
    CHECK(e.column == 14);
  }
  SECTION("a reserved code that is not a country (UK)") {
    const auto e = loadError(edited("hq: SG", "hq: UK"));
    CHECK(e.message.starts_with("tenant.hq: unknown country code 'UK'"));
    CHECK(e.line == 13);
    CHECK(e.column == 32);
  }
  SECTION("NO is Norway, not a YAML 1.1 boolean") {
    Engine engine;
    const Workload& w = engine.loadOne(edited("country: MY", "country: NO"));
    CHECK(countryCode(*w.siteCountry.value) == "NO");
  }
  SECTION("a lower-case code") {
    const auto e = loadError(edited("country: MY", "country: my"));
    CHECK(e.message == "site.country: country codes are upper case: did you mean 'MY'?");
    CHECK(e.line == 11);
    CHECK(e.column == 14);
  }
  SECTION("a data source origin") {
    const auto e =
        loadError(kValid + "  data:\n    - {name: chats, origin: cn, categories: [public]}\n");
    CHECK(e.message == "data origin: country codes are upper case: did you mean 'CN'?");
    CHECK(e.line == 15);
    CHECK(e.column == 29);
  }
}

TEST_CASE("manifest: chips are catalog ids or aliases", "[manifest]") {
  SECTION("an unknown id is an error with a suggestion") {
    const auto e = loadError(edited("model: big-chip", "model: big-chp"));
    CHECK(e.message.starts_with("unknown chip 'big-chp'"));
    CHECK(e.message.find("did you mean 'big-chip'?") != std::string::npos);
    CHECK(e.line == 8);
    CHECK(e.column == 21);
  }
  SECTION("a family name suggests its forms, not a chip one typo away") {
    ChipCatalog catalog;
    for (const char* id : {"vendor-h100-sxm", "vendor-h100-pcie", "vendor-h20"}) {
      ChipSpec chip;
      chip.id = id;
      catalog.add(chip);
    }
    using Ids = std::vector<std::string_view>;
    CHECK(catalog.suggest("Vendor-H100") == Ids{"vendor-h100-sxm", "vendor-h100-pcie"});
    CHECK(
        unknownChipMessage(catalog, "vendor-h100")
            .starts_with(
                "unknown chip 'vendor-h100': not an id or alias in the chip catalog; did you mean "
                "'vendor-h100-sxm' or 'vendor-h100-pcie'?"));
    CHECK(catalog.suggest("vendor-h100-sxmm") == Ids{"vendor-h100-sxm"});
    CHECK(catalog.suggest("something-else").empty());
  }
  SECTION("an alias, in any case, resolves to the catalog entry") {
    Engine engine;
    const Workload& w = engine.loadOne(edited("model: big-chip", "model: testco BIG"));
    REQUIRE(w.chips.size() == 1);
    CHECK(w.chips[0].model == "testco BIG");
    CHECK(w.chips[0].spec->id == "big-chip");
    CHECK(w.chips[0].catalogIndex == engine.rules().catalog.find("big-chip"));
  }
}

TEST_CASE("manifest: counts must be positive whole numbers", "[manifest]") {
  SECTION("a negative chip count") {
    const auto e = loadError(edited("count: 8", "count: -8"));
    CHECK(e.message == "chip count must be at least 1, got '-8'");
    CHECK(e.line == 8);
    CHECK(e.column == 38);
  }
  SECTION("a zero chip count") {
    const auto e = loadError(edited("count: 8", "count: 0"));
    CHECK(e.message == "chip count must be at least 1, got '0'");
    CHECK(e.line == 8);
    CHECK(e.column == 38);
  }
  SECTION("a fractional chip count") {
    const auto e = loadError(edited("count: 8", "count: 8.5"));
    CHECK(e.message == "chip count must be a whole number, got '8.5'");
  }
  SECTION("a leading zero is refused: YAML 1.1 reads 010 as octal 8, YAML 1.2 as 10") {
    const auto e = loadError(edited("count: 8", "count: 010"));
    CHECK(e.message == "chip count '010' has a leading zero, which YAML 1.1 reads as octal "
                       "(expected a decimal number without it)");
    CHECK(e.line == 8);
    CHECK(e.column == 38);
    Engine engine;
    CHECK(*engine.loadOne(edited("count: 8", "count: 10")).chips[0].count.value == 10);
    CHECK(*engine.loadOne(edited("count: 8", "count: 0.8e1")).chips[0].count.value == 8);
  }
  SECTION("a whole number written as a float is accepted") {
    Engine engine;
    const Workload& w = engine.loadOne(edited("count: 8", "count: 2.5e3"));
    CHECK(*w.chips[0].count.value == 2500);
  }
  SECTION("negative data subjects") {
    const auto e = loadError(
        kValid +
        "  data:\n    - {name: chats, origin: CN, categories: [personal], subjects: -1}\n");
    CHECK(e.message == "subjects must not be negative, got '-1'");
    CHECK(e.line == 15);
    CHECK(e.column == 67);
  }
}

TEST_CASE("manifest: dates must be real ISO calendar dates", "[manifest]") {
  SECTION("an impossible date") {
    const auto e =
        loadError(edited("purpose: training", "purpose: training\n  period: {start: 2025-02-30}"));
    CHECK(e.message == "period.start '2025-02-30' is not a real calendar date");
    CHECK(e.line == 7);
    CHECK(e.column == 19);
  }
  SECTION("years before 1000 are refused as such") {
    CHECK(loadError(edited("purpose: training", "purpose: training\n  period: {start: 0999-10-01}"))
              .message == "period.start '0999-10-01': years before 1000 are not supported");
  }
  SECTION("29 February only in leap years") {
    CHECK(loadError(edited("purpose: training", "purpose: training\n  period: {start: 2025-02-29}"))
              .message == "period.start '2025-02-29' is not a real calendar date");
    Engine engine;
    const Workload& w = engine.loadOne(
        edited("purpose: training", "purpose: training\n  period: {start: 2024-02-29}"));
    CHECK(w.periodStart.value->str() == "2024-02-29");
  }
  SECTION("a malformed date") {
    const auto e =
        loadError(edited("purpose: training", "purpose: training\n  period: {end: 2025-9-1}"));
    CHECK(e.message == "period.end must be an ISO date YYYY-MM-DD, got '2025-9-1'");
    CHECK(e.line == 7);
    CHECK(e.column == 17);
  }
  SECTION("an authorization expiry") {
    const auto e =
        loadError(kValid + "  authorizations:\n    - {type: bis-license, expires: 31/12/2026}\n");
    CHECK(e.message == "authorization expires must be an ISO date YYYY-MM-DD, got '31/12/2026'");
    CHECK(e.line == 15);
    CHECK(e.column == 36);
  }
  SECTION("a period that ends before it starts") {
    const auto e = loadError(edited(
        "purpose: training", "purpose: training\n  period: {start: 2025-09-01, end: 2025-08-31}"));
    CHECK(e.message == "period.end is before period.start");
    CHECK(e.line == 7);
    CHECK(e.column == 36);
  }
}

TEST_CASE("manifest: workload names are unique", "[manifest]") {
  SECTION("within one file") {
    const std::string second = edited("name: w1", "name: w2");
    const auto e = loadError(kValid + "---\n" + kValid);
    CHECK(e.message == "duplicate workload name 'w1' (first defined at manifest.yaml:4:9)");
    CHECK(e.line == 18);
    CHECK(e.column == 9);
    Engine engine;
    CHECK(engine.load(kValid + "---\n" + second).size() == 2);
  }
  SECTION("across two files (checkUniqueNames)") {
    Engine engine;
    std::vector<Workload> all;
    for (const auto& w : engine.load(kValid, "a.yaml")) all.push_back(w);
    for (const auto& w : engine.load(edited("purpose: training", "purpose: inference"), "b.yaml"))
      all.push_back(w);
    Diagnostics diags;
    checkUniqueNames(all, diags);
    const auto e = onlyError(diags.errors());
    CHECK(e.message == "duplicate workload name 'w1' (first defined at a.yaml:4:9)");
    CHECK(e.file == "b.yaml");
    CHECK(e.line == 4);
    CHECK(e.column == 9);
  }
  SECTION("distinct names across files pass") {
    Engine engine;
    std::vector<Workload> all;
    for (const auto& w : engine.load(kValid, "a.yaml")) all.push_back(w);
    for (const auto& w : engine.load(edited("name: w1", "name: w2"), "b.yaml")) all.push_back(w);
    Diagnostics diags;
    checkUniqueNames(all, diags);
    CHECK(diags.ok());
  }
}

TEST_CASE("manifest: an input without workloads is an error", "[manifest]") {
  const std::string text =
      GENERATE(as<std::string>{}, "", "---\n", "# nothing here\n", "---\n---\n");
  const auto e = loadError(text);
  CHECK(e.message == "no workloads found (expected a document with apiVersion: borderline/v1 and "
                     "kind: Workload or WorkloadList)");
  CHECK(e.file == "manifest.yaml");
  CHECK(e.line == 0);
}

TEST_CASE("manifest: missing required keys are reported at their map", "[manifest]") {
  SECTION("spec.purpose") {
    const auto e = loadError(edited("  purpose: training\n", ""));
    CHECK(e.message == "missing required key 'purpose' in spec");
    CHECK(e.line == 6);
    CHECK(e.column == 3);
  }
  SECTION("tenant") {
    const auto e = loadError(edited("  tenant: {name: Acme Ltd, hq: SG}\n", ""));
    CHECK(e.message == "missing required key 'tenant' in spec");
    CHECK(e.line == 6);
  }
  SECTION("a party's hq") {
    const auto e = loadError(edited("{name: Acme Ltd, hq: SG}", "{name: Acme Ltd}"));
    CHECK(e.message == "missing required key 'hq' in tenant");
    CHECK(e.line == 13);
    CHECK(e.column == 11);
  }
  SECTION("metadata.name") {
    const auto e = loadError(edited("metadata:\n  name: w1", "metadata: {labels: {team: a}}"));
    CHECK(e.message == "missing required key 'name' in metadata");
    CHECK(e.line == 3);
    CHECK(e.column == 11);
  }
  SECTION("kind") {
    const auto e = loadError(edited("kind: Workload\n", ""));
    CHECK(e.message ==
          "missing required key 'kind' in document (expected Workload or WorkloadList)");
    CHECK(e.line == 1);
    CHECK(e.column == 1);
  }
  SECTION("apiVersion") {
    const auto e = loadError(edited("apiVersion: borderline/v1\n", ""));
    CHECK(e.message == "missing required key 'apiVersion' in document");
    CHECK(e.line == 1);
    CHECK(e.column == 1);
  }
}

TEST_CASE("manifest: a key given twice in one map is an error", "[manifest]") {
  SECTION("in a flow map") {
    const auto e =
        loadError(edited("{name: Acme Ltd, hq: SG}", "{name: Acme Ltd, hq: SG, hq: CN}"));
    CHECK(e.message == "duplicate key 'hq' in tenant");
    CHECK(e.line == 13);
    CHECK(e.column == 36);
  }
  SECTION("in a block map") {
    const auto e =
        loadError(edited("  purpose: training\n", "  purpose: training\n  purpose: inference\n"));
    CHECK(e.message == "duplicate key 'purpose' in spec");
    CHECK(e.line == 7);
    CHECK(e.column == 3);
  }
  SECTION("in metadata.labels") {
    const auto e = loadError(edited("name: w1", "name: w1\n  labels: {team: seed, team: infra}"));
    CHECK(e.message.find("duplicate") != std::string::npos);
    CHECK(e.message.find("'team'") != std::string::npos);
    CHECK(e.line == 5);
    CHECK(e.column == 24); // the second `team` key
  }
  SECTION("in a JSON object") {
    const auto e = loadError(
        edited("owner: {name: Example DC Sdn Bhd, hq: MY}",
               "owner: {\"name\": \"Example DC Sdn Bhd\", \"hq\": \"MY\", \"name\": \"Other\"}"));
    CHECK(e.message == "duplicate key 'name' in site.owner");
    CHECK(e.line == 12);
  }
}

TEST_CASE("manifest: the envelope is checked", "[manifest]") {
  SECTION("a wrong apiVersion") {
    const auto e = loadError(edited("borderline/v1", "borderline/v2"));
    CHECK(e.message == "unsupported apiVersion 'borderline/v2' (expected borderline/v1)");
    CHECK(e.line == 1);
    CHECK(e.column == 13);
  }
  SECTION("an unknown kind") {
    const auto e = loadError(edited("kind: Workload", "kind: Workloads"));
    CHECK(e.message == "unknown kind 'Workloads' (expected Workload or WorkloadList)");
    CHECK(e.line == 2);
    CHECK(e.column == 7);
  }
  SECTION("a document that is not a map") {
    const auto e = loadError("- just\n- a list\n");
    CHECK(e.message == "document must be a map, got a list");
    CHECK(e.line == 1);
    CHECK(e.column == 1);
  }
}

TEST_CASE("manifest: a WorkloadList holds workloads under items", "[manifest]") {
  const std::string list = yaml(R"(
    apiVersion: borderline/v1
    kind: WorkloadList
    items:
      - metadata: {name: first}
        spec:
          purpose: training
          compute: {chips: [{model: big-chip, count: 8}], acquisition: lease}
          site: {country: MY, owner: {name: DC, hq: MY}}
          tenant: {name: Acme Ltd, hq: SG}
      - metadata: {name: second}
        spec:
          purpose: inference
          compute: {chips: [{model: small-chip, count: 2}], acquisition: iaas}
          site: {country: SG, owner: {name: DC, hq: SG}}
          tenant: {name: Acme Ltd, hq: SG}
  )");
  SECTION("items load in order, located at their names") {
    Engine engine;
    const auto& all = engine.load(list);
    REQUIRE(all.size() == 2);
    CHECK(all[0].name == "first");
    CHECK(all[0].loc.line == 4);
    CHECK(*all[0].purpose.value == Purpose::Training);
    CHECK(all[1].name == "second");
    CHECK(all[1].loc.line == 10);
    CHECK(*all[1].acquisition.value == Acquisition::Iaas);
    CHECK(all[1].chips[0].spec->id == "small-chip");
  }
  SECTION("an error inside an item points into it") {
    const auto e = loadError(edited("purpose: inference", "purpose: serving", list));
    CHECK(e.message.starts_with("unknown purpose 'serving'"));
    CHECK(e.line == 12);
    CHECK(e.column == 16);
  }
  SECTION("an empty items list is an error") {
    const auto e = loadError("apiVersion: borderline/v1\nkind: WorkloadList\nitems: []\n");
    CHECK(e.message == "items is empty: a WorkloadList needs workloads");
    CHECK(e.line == 3);
    CHECK(e.column == 8);
  }
  SECTION("duplicate names between items") {
    const auto e = loadError(edited("name: second", "name: first", list));
    CHECK(e.message == "duplicate workload name 'first' (first defined at manifest.yaml:4:22)");
    CHECK(e.line == 10);
  }
}

TEST_CASE("manifest: a file may hold several YAML documents", "[manifest]") {
  Engine engine;
  const std::string text = kValid + "---\n" + edited("name: w1", "name: w2") + "---\n";
  const auto& all = engine.load(text);
  REQUIRE(all.size() == 2);
  CHECK(all[0].name == "w1");
  CHECK(all[1].name == "w2");
  CHECK(all[1].loc.line == 18);
  CHECK(all[1].siteCountry.loc.line == 25);

  SECTION("an error in the second document has the file's line number") {
    const auto e = loadError(kValid + "---\n" + edited("country: MY", "country: ZZ"));
    CHECK(e.message.starts_with("site.country: unknown country code 'ZZ'"));
    CHECK(e.line == 25);
    CHECK(e.column == 14);
  }
}

TEST_CASE("manifest: JSON input with the same structure is accepted", "[manifest]") {
  const std::string json = R"({
  "apiVersion": "borderline/v1",
  "kind": "Workload",
  "metadata": {"name": "json-1"},
  "spec": {
    "purpose": "training",
    "compute": {"chips": [{"model": "big-chip", "count": 16}], "acquisition": "lease"},
    "site": {"country": "MY", "owner": {"name": "DC", "hq": "MY"}},
    "tenant": {"name": "Acme Ltd", "hq": "SG"},
    "data": [{"name": "chats", "origin": "CN", "categories": ["personal"], "subjects": 2500000}]
  }
}
)";
  auto check = [](const Workload& w) {
    CHECK(w.name == "json-1");
    CHECK(*w.chips[0].count.value == 16);
    REQUIRE(w.data.size() == 1);
    CHECK(*w.data[0].subjects.value == 2500000);
    CHECK(countryCode(*w.data[0].origin.value) == "CN");
  };
  SECTION("indented with spaces") {
    Engine engine;
    const Workload& w = engine.loadOne(json, "m.json");
    check(w);
    CHECK(w.siteCountry.loc.line == 8);
  }
  SECTION("indented with tabs") {
    // Each pair of leading spaces becomes a tab.
    std::string tabbed;
    bool lineStart = true;
    for (std::size_t i = 0; i < json.size(); ++i) {
      if (lineStart && json[i] == ' ' && i + 1 < json.size() && json[i + 1] == ' ') {
        tabbed += '\t';
        ++i;
        continue;
      }
      lineStart = json[i] == '\n' || (lineStart && json[i] == ' ');
      tabbed += json[i];
    }
    REQUIRE(tabbed.find("\n\t\t\"purpose\"") != std::string::npos);
    Engine engine;
    const auto errors = engine.loadErrors(tabbed, "m.json");
    INFO(describe(errors));
    REQUIRE(errors.empty());
    const auto& all = engine.load(tabbed, "m2.json");
    REQUIRE(all.size() == 1);
    check(all.front());
  }
  SECTION("with tabs between tokens and before the first brace") {
    std::string spaced = "\t" + json;
    for (std::size_t at = spaced.find("\": "); at != std::string::npos; at = spaced.find("\": "))
      spaced.replace(at, 3, "\":\t");
    Engine engine;
    const auto errors = engine.loadErrors(spaced, "m.json");
    INFO(describe(errors));
    CHECK(errors.empty());
  }
  SECTION("JSON errors are located like YAML errors") {
    const auto e = loadError(edited("\"hq\": \"SG\"}", "\"hq\": \"sg\"}", json));
    CHECK(e.message == "tenant.hq: country codes are upper case: did you mean 'SG'?");
    CHECK(e.line == 9);
    CHECK(e.column == 42);
  }
}

TEST_CASE("manifest: an inline chip spec derives TPP and performance density", "[manifest]") {
  Engine engine;
  // fp16 989.4 x 16 = 15830.4; fp8 1979 x 8 = 15832: TPP is the maximum, 15832.
  const Workload& w = engine.loadOne(edited(
      "chips: [{model: big-chip, count: 8}]",
      "chips: [{model: {name: Custom X, vendor: Acme, origin: US, tops: {fp16: 989.4, fp8: 1979}, "
      "dieArea: 814, datacenter: true, memoryBandwidth: 3350, ioBandwidth: 900}, count: 8}]"));
  REQUIRE(w.chips.size() == 1);
  const ChipUse& use = w.chips[0];
  CHECK(use.catalogIndex == -1);
  CHECK(use.model == "Custom X");
  REQUIRE(use.spec != nullptr);
  CHECK(use.spec->id.empty());
  CHECK(use.spec->tpp == Approx(15832.0));
  REQUIRE(use.spec->performanceDensity.has_value());
  CHECK(*use.spec->performanceDensity == Approx(15832.0 / 814.0));
  CHECK(*use.spec->memoryBandwidth == Approx(3350.0));

  SECTION("the higher-bit precision can be the maximum") {
    const Workload& w2 = engine.loadOne(
        edited("chips: [{model: big-chip, count: 8}]",
               "chips: [{model: {name: Y, origin: CN, datacenter: false, tops: {int8: 100, "
               "fp32: 30}}, count: 1}]"));
    CHECK(w2.chips[0].spec->tpp == Approx(960.0)); // 30 x 32 > 100 x 8
    CHECK_FALSE(w2.chips[0].spec->performanceDensity.has_value());
  }
  SECTION("an unknown precision is an error") {
    Engine bad;
    const auto errors = bad.loadErrors(edited(
        "chips: [{model: big-chip, count: 8}]",
        "chips: [{model: {name: Y, origin: CN, datacenter: false, tops: {fp12: 5}}, count: 1}]"));
    REQUIRE_FALSE(errors.empty());
    const Diagnostic& e = errors.front();
    CHECK(e.message.starts_with("unknown precision 'fp12' in tops (expected one of: fp64, fp32,"));
    CHECK(e.line == 8);
  }
  SECTION("catalog-only keys are not allowed inline") {
    const auto e = loadError(edited("chips: [{model: big-chip, count: 8}]",
                                    "chips: [{model: {name: Y, origin: CN, datacenter: false, "
                                    "tops: {int8: 5}, eccn: 3A090.a}, count: 1}]"));
    CHECK(e.message.starts_with("unknown key 'eccn' in inline chip spec"));
  }
}

TEST_CASE("manifest: numbers too large to hold exactly are rejected", "[manifest]") {
  SECTION("1e999 is out of range") {
    const auto e = loadError(
        edited("purpose: training", "purpose: training\n  model: {trainingCompute: 1e999}"));
    CHECK(e.message == "model.trainingCompute '1e999' is out of range");
    CHECK(e.line == 7);
    CHECK(e.column == 28);
  }
  SECTION("a large but finite number is kept") {
    Engine engine;
    const Workload& w = engine.loadOne(
        edited("purpose: training", "purpose: training\n  model: {trainingCompute: 3.1e25}"));
    CHECK(*w.trainingCompute.value == Approx(3.1e25));
  }
  SECTION("a float above the range of a count says so") {
    const auto e = loadError(
        kValid +
        "  data:\n    - {name: chats, origin: CN, categories: [personal], subjects: 1e16}\n");
    CHECK(e.message == "subjects must be at most 100000000000, got '1e16'");
    CHECK(e.line == 15);
  }
  SECTION("an exact integer above 2^53 is not rounded into range") {
    // 2^53 + 1: a double would round it to 2^53.
    const auto e = loadError(edited("count: 8", "count: 9007199254740993"));
    CHECK(e.message == "chip count must be at most 100000000, got '9007199254740993'");
  }
  SECTION("an integer beyond 64 bits is reported as too large, not as not whole") {
    const auto e = loadError(kValid + "  data:\n    - {name: chats, origin: CN, categories: "
                                      "[personal], subjects: 99999999999999999999}\n");
    CHECK(e.message == "subjects must be at most 100000000000, got '99999999999999999999'");
    CHECK(e.line == 15);
  }
}

TEST_CASE("manifest: endUse defaults to [civil]", "[manifest]") {
  Engine engine;
  SECTION("absent") {
    const Workload& w = engine.loadOne(kValid);
    REQUIRE(w.endUse.values.size() == 1);
    CHECK(w.endUse.values[0] == EndUse::Civil);
  }
  SECTION("declared") {
    const Workload& w = engine.loadOne(kValid + "  endUse: [military, wmd]\n");
    REQUIRE(w.endUse.values.size() == 2);
    CHECK(w.endUse.values[0] == EndUse::Military);
    CHECK(w.endUse.values[1] == EndUse::Wmd);
  }
  SECTION("the default is what rules see") {
    WorkloadDef w;
    CHECK(fires("{endUse: {contains: civil}}", w));
    CHECK_FALSE(fires("{endUse: {intersects: [military, wmd]}}", w));
    w.extra = "endUse: [military]";
    CHECK_FALSE(fires("{endUse: {contains: civil}}", w));
    CHECK(fires("{endUse: {intersects: [military, wmd]}}", w));
  }
}

TEST_CASE("manifest: a party's parentHq defaults to its hq", "[manifest]") {
  WorkloadDef w;
  SECTION("undeclared parentHq reads as hq") {
    w.tenant = "{name: Acme Ltd, hq: CN}";
    CHECK(fires("{tenant.parentHq: {eq: CN}}", w));
    CHECK(fires("{tenant.parentHq: {exists: true}}", w));
  }
  SECTION("a declared parentHq wins over hq") {
    w.tenant = "{name: Acme Ltd, hq: SG, parentHq: CN}";
    CHECK(fires("{tenant.parentHq: {eq: CN}}", w));
    CHECK_FALSE(fires("{tenant.parentHq: {eq: SG}}", w));
    CHECK(fires("{tenant.hq: {eq: SG}}", w));
  }
  SECTION("each party has its own default") {
    w.owner = "{name: DC, hq: MY}";
    w.tenant = "{name: Acme Ltd, hq: SG, parentHq: CN}";
    CHECK(fires("{site.owner.parentHq: {eq: MY}}", w));
  }
}

TEST_CASE("source: bytes that are not UTF-8 text are located errors", "[manifest][source]") {
  SourceSet sources;
  auto errorOf = [&](std::string text) {
    try {
      checkSource(sources, "bad.yaml", std::move(text));
    } catch (const LoadFailure& failure) {
      return onlyError(failure.errors());
    }
    FAIL("checkSource accepted the text");
    return Diagnostic{Location{}, ""};
  };
  SECTION("a NUL byte") {
    const auto e = errorOf(std::string("kind: Workload\nname: a") + '\0' + "b\n");
    CHECK(e.message == "NUL byte: this is not a text file (expected YAML or JSON)");
    CHECK(e.file == "bad.yaml");
    CHECK(e.line == 2);
    CHECK(e.column == 8);
  }
  SECTION("invalid UTF-8") {
    const auto e = errorOf("kind: Workload\nname: caf\xe9 ok\n");
    CHECK(e.message == "invalid UTF-8: input must be UTF-8 text");
    CHECK(e.line == 2);
    CHECK(e.column == 10);
  }
  SECTION("columns count characters, not bytes") {
    const auto e = errorOf("name: \xc3\xa9\xc3\xa9\xff\n");
    CHECK(e.line == 1);
    CHECK(e.column == 9);
  }
  SECTION("an overlong encoding") {
    const auto e = errorOf("a: \xc0\xaf\n");
    CHECK(e.message == "invalid UTF-8: input must be UTF-8 text");
    CHECK(e.column == 4);
  }
  SECTION("bytes F5 to FF never start a UTF-8 sequence") {
    // Each is rejected at the bad lead byte, column 4.
    for (const std::string text : {"a: \xF5\x80\x80\n", "a: \xFF\xBF\xBF\n", "a: \xFE\x80\x80 ok\n",
                                   "a: \xF8\x88\x80\x80\x80\n"}) {
      INFO("bytes after 'a: ': " << std::hex << (static_cast<unsigned>(text[3]) & 0xFFu));
      bool rejected = false;
      try {
        checkSource(sources, "bad.yaml", text);
      } catch (const LoadFailure& failure) {
        rejected = true;
        const auto e = onlyError(failure.errors());
        CHECK(e.message == "invalid UTF-8: input must be UTF-8 text");
        CHECK(e.column == 4);
      }
      CHECK(rejected);
    }
  }
  SECTION("a surrogate and a code point above U+10FFFF") {
    CHECK(errorOf("a: \xED\xA0\x80\n").column == 4);
    CHECK(errorOf("a: \xF4\x90\x80\x80\n").column == 4);
  }
  SECTION("valid UTF-8 and a BOM are accepted") {
    const SourceText s =
        checkSource(sources, "ok.yaml", "\xEF\xBB\xBFname: Soci\xc3\xa9t\xc3\xa9\n");
    CHECK(s.text == "name: Soci\xc3\xa9t\xc3\xa9\n");
    CHECK(s.name == "ok.yaml");
  }
}
