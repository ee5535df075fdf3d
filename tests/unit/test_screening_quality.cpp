// Screening quality against real CSL entries: the labelled set tests/screening/labelled.tsv
// (true variants and near misses) screened against tests/screening/csl-sample.json, through
// the same import and index the CLI uses. Prints precision and recall; both must be >= 0.95.
#include <catch2/catch.hpp>

#include <fstream>
#include <iostream>
#include <sstream>

#include "compile/csl_party_list.hpp"
#include "evaluate/screening.hpp"
#include "load/csl_import.hpp"
#include "load/source.hpp"

using namespace borderline;

namespace {

std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string fixture(const std::string& name) {
  return std::string(BORDERLINE_SOURCE_DIR) + "/tests/screening/" + name;
}

} // namespace

TEST_CASE("screening quality on the labelled set: precision and recall >= 0.95") {
  SourceSet sources;
  const SourceText source =
      checkSource(sources, "csl-sample.json", readFile(fixture("csl-sample.json")));
  const CslData csl = readCslJson(source);
  const auto list = cslPartyList(csl, {"us-csl", "csl-sample.json", *csl.date});
  screening::NameIndex index;
  for (std::size_t i = 0; i < list.entries.size(); ++i) {
    index.add(static_cast<int>(i), 0, list.entries[i].name);
    for (std::size_t a = 0; a < list.entries[i].aliases.size(); ++a)
      index.add(static_cast<int>(i), static_cast<int>(a + 1), list.entries[i].aliases[a]);
  }
  index.finish();

  int truePositives = 0, falseNegatives = 0, falsePositives = 0, negatives = 0;
  std::istringstream lines(readFile(fixture("labelled.tsv")));
  std::string line;
  while (std::getline(lines, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f;
    std::istringstream cells(line);
    for (std::string c; std::getline(cells, c, '\t');) f.push_back(c);
    REQUIRE(f.size() >= 2);
    const auto hits = index.match(f[1], screening::kReviewThreshold);
    if (f[0] == "positive") {
      REQUIRE(f.size() == 3);
      bool found = false;
      for (const auto& h : hits) found = found || list.entries[h.entry].name == f[2];
      if (found) {
        ++truePositives;
      } else {
        ++falseNegatives;
        std::cout << "  missed: \"" << f[1] << "\" should match \"" << f[2] << "\"\n";
      }
      // Any other entry it matches is a false positive too.
      for (const auto& h : hits)
        if (list.entries[h.entry].name != f[2]) {
          ++falsePositives;
          std::cout << "  wrong match: \"" << f[1] << "\" -> \"" << list.entries[h.entry].name
                    << "\" (" << h.score << ")\n";
        }
    } else {
      REQUIRE(f[0] == "negative");
      ++negatives;
      for (const auto& h : hits) {
        ++falsePositives;
        std::cout << "  false match: \"" << f[1] << "\" -> \"" << list.entries[h.entry].name
                  << "\" (" << h.score << ")\n";
      }
    }
  }
  const int positives = truePositives + falseNegatives;
  REQUIRE(positives >= 40);
  REQUIRE(negatives >= 30);
  const double precision =
      truePositives + falsePositives ? double(truePositives) / (truePositives + falsePositives) : 0;
  const double recall = double(truePositives) / positives;
  std::cout << "screening quality: " << positives << " true variants, " << negatives
            << " near misses; precision " << precision << ", recall " << recall << '\n';
  CHECK(precision >= 0.95);
  CHECK(recall >= 0.95);
}

TEST_CASE("CSL import: JSON and CSV give the same entries; dates; errors are located") {
  SourceSet sources;
  const CslData json =
      readCslJson(checkSource(sources, "s.json", readFile(fixture("csl-sample.json"))));
  const CslData csv =
      readCslCsv(checkSource(sources, "s.csv", readFile(fixture("csl-sample.csv"))));
  REQUIRE(json.date);
  CHECK(json.date->str() == "2026-07-31");
  CHECK_FALSE(csv.date);
  REQUIRE(csv.entries.size() == 8);
  for (std::size_t i = 0; i < csv.entries.size(); ++i) {
    CHECK(csv.entries[i].name == json.entries[i].name);
    CHECK(csv.entries[i].altNames == json.entries[i].altNames);
    CHECK(csv.entries[i].source == json.entries[i].source);
    CHECK(csv.entries[i].country == json.entries[i].country);
    CHECK(csv.entries[i].federalRegisterNotice == json.entries[i].federalRegisterNotice);
  }
  CHECK(json.entries.front().federalRegisterNotice == "90 FR 4617");
  CHECK(json.entries.front().licensePolicy == "Presumption of denial");
  CHECK(json.startDatesUnreadable == 0);

  SECTION("a start_date that is not a date is counted, and the entry has none") {
    const CslData bad = readCslJson(checkSource(
        sources, "d.json",
        "{\"results\": [{\"name\": \"A\", \"source\": \"X\", \"start_date\": \"2025-02-29\"},\n"
        " {\"name\": \"B\", \"source\": \"X\", \"start_date\": \"2025-02-28\"},\n"
        " {\"name\": \"C\", \"source\": \"X\", \"start_date\": \"\"}]}"));
    REQUIRE(bad.entries.size() == 3);
    CHECK_FALSE(bad.entries[0].startDate);
    CHECK(bad.entries[1].startDate);
    CHECK_FALSE(bad.entries[2].startDate);
    CHECK(bad.startDatesUnreadable == 1);
  }

  auto errorOf = [&](const std::string& text, bool isJson) {
    try {
      const auto src = checkSource(sources, isJson ? "bad.json" : "bad.csv", text);
      isJson ? readCslJson(src) : readCslCsv(src);
    } catch (const LoadFailure& f) {
      return f.errors().front().str();
    }
    return std::string("(no error)");
  };
  CHECK(errorOf("{\"results\": [{\"source\": \"X\"}]}", true) ==
        "bad.json:1:14: CSL entry: missing required key \"name\"");
  CHECK(errorOf("{\"results\": [\n  {\"name\": 3, \"source\": \"X\"}]}", true) ==
        "bad.json:2:12: \"name\" must be a string, not a number");
  CHECK(errorOf("{\"results\": [}", true) ==
        "bad.json:1:14: expected a JSON value (object, array, string, number, true, "
        "false or null)");
  CHECK(errorOf("{\"result\": []}", true) ==
        "bad.json:1:1: missing required key \"results\" (the array of CSL entries)");
  CHECK(errorOf("name,alt_names\nX,Y\n", false) ==
        "bad.csv:1:1: the header has no \"source\" column (required)");
  CHECK(errorOf("name,source\n\"X,Y\n", false) == "bad.csv:2:1: unclosed quote in CSV field");
  CHECK(errorOf("name,source\nX\n", false) == "bad.csv:2:1: row has 1 fields; the header has 2");
}
