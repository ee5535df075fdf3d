// The binary index of an imported party list (compile/party_index.cpp, load/party_index_file):
// it must hold exactly what the YAML holds, and a damaged index must fail with an error, never
// decode into something else.
#include "support.hpp"

#include <filesystem>
#include <fstream>

#include "compile/party_index.hpp"
#include "load/party_index_file.hpp"

using namespace bltest;

namespace {

std::vector<PartyEntry> sampleEntries() {
  PartyEntry a;
  a.name = "Beijing Zhipu Huazhang Technology Co., Ltd.";
  a.aliases = {"Zhipu AI", "智谱"};
  a.country = countryFromCode("CN");
  a.listed = Date::parse("2025-01-16");
  a.citations.push_back({"90 FR 3687", "Entity List additions", "2025-01-16",
                         "https://www.federalregister.gov/d/2025-00704", "", Provenance::Primary});
  a.source = "Entity List (EL) - Bureau of Industry and Security";
  a.licenseRequirement = "For all items subject to the EAR.";
  a.licensePolicy = "Presumption of denial.";
  a.loc.line = 12;
  a.loc.column = 5;
  PartyEntry b;
  b.name = "Example Removed Ltd";
  b.removed = Date::parse("2026-03-01");
  b.citations.push_back({"CSL", "", "", "", "a note", Provenance::Secondary});
  b.loc.line = 30;
  b.loc.column = 5;
  return {a, b};
}

PackInfo sampleInfo() {
  PackInfo info;
  info.name = "us-csl";
  info.title = "Consolidated Screening List";
  info.jurisdiction = "US";
  info.version = "2026-07-31";
  info.listDate = Date::parse("2026-07-31");
  return info;
}

std::string decodeError(std::string_view payload) {
  try {
    decodePartyIndex(payload, "l.yaml.idx", "l.yaml");
  } catch (const LoadFailure& failure) {
    return failure.errors().front().str();
  }
  return "(decoded)";
}

} // namespace

TEST_CASE("party index: decodes to exactly what was encoded") {
  const std::string payload = encodePartyIndex(sampleInfo(), sampleEntries());
  const IndexedPartyList list = decodePartyIndex(payload, "l.yaml.idx", "l.yaml");
  CHECK(list.info.name == "us-csl");
  CHECK(list.info.kind == "PartyList");
  CHECK(list.info.listDate == Date::parse("2026-07-31"));
  REQUIRE(list.entries.size() == 2);
  const PartyEntry& a = list.entries[0];
  CHECK(a.name == "Beijing Zhipu Huazhang Technology Co., Ltd.");
  CHECK(a.aliases == std::vector<std::string>{"Zhipu AI", "智谱"});
  CHECK(a.country == countryFromCode("CN"));
  CHECK(a.listed == Date::parse("2025-01-16"));
  CHECK_FALSE(a.removed);
  REQUIRE(a.citations.size() == 1);
  CHECK(a.citations[0].url == "https://www.federalregister.gov/d/2025-00704");
  CHECK(a.licensePolicy == "Presumption of denial.");
  CHECK(a.loc.file == "l.yaml");
  CHECK(a.loc.line == 12);
  const PartyEntry& b = list.entries[1];
  CHECK_FALSE(b.country);
  CHECK_FALSE(b.listed); // allowed: the list has a listDate
  CHECK(b.removed == Date::parse("2026-03-01"));
  CHECK(b.citations[0].provenance == Provenance::Secondary);
  CHECK(encodePartyIndex(list.info, list.entries) == payload);
}

TEST_CASE("party index: damage is an error, never another list") {
  const std::string payload = encodePartyIndex(sampleInfo(), sampleEntries());
  SECTION("every truncation") {
    for (std::size_t n = 0; n < payload.size(); ++n)
      CHECK_THAT(decodeError(payload.substr(0, n)), Catch::StartsWith("l.yaml.idx"));
  }
  SECTION("trailing bytes") {
    CHECK_THAT(decodeError(payload + "x"), Catch::Contains("corrupt party index"));
  }
  SECTION("a date no YAML could hold") {
    // The list date is the second optional date after four strings: patch its day count.
    std::string bad = payload;
    const std::size_t at = bad.find("2026-07-31") + 10; // end of the version string
    REQUIRE(bad[at] == 0);                              // reviewed: absent
    REQUIRE(bad[at + 1] == 1);                          // listDate: present
    for (int i = 0; i < 4; ++i) bad[at + 2 + static_cast<std::size_t>(i)] = '\x7f';
    CHECK_THAT(decodeError(bad), Catch::Contains("corrupt party index"));
  }
  SECTION("a count larger than the bytes left") {
    std::vector<PartyEntry> none;
    std::string bad = encodePartyIndex(sampleInfo(), none);
    bad.replace(bad.size() - 4, 4, std::string("\xff\xff\xff\x0f", 4));
    CHECK_THAT(decodeError(bad), Catch::Contains("corrupt party index"));
  }
}

TEST_CASE("party index file: used only while it matches the YAML's bytes") {
  const std::string pack =
      (std::filesystem::temp_directory_path() / "borderline-party-index-test.yaml").string();
  const std::string sha(64, 'a');
  {
    std::ofstream out(partyIndexPath(pack), std::ios::binary);
    out << partyIndexHeader(sha) << "PAYLOAD";
  }
  CHECK(readPartyIndexFor(pack, sha) == std::optional<std::string>("PAYLOAD"));
  CHECK_FALSE(readPartyIndexFor(pack, std::string(64, 'b'))); // the YAML changed
  std::filesystem::remove(partyIndexPath(pack));
  CHECK_FALSE(readPartyIndexFor(pack, sha)); // no index
}
