// Flat CSV inventories (load/csv_record.cpp, load/csv_inventory.cpp): RFC 4180 records, the
// header, typed cells with locations, lists, chips, authorizations, and rows that continue a
// workload.
#include "support.hpp"

#include "load/csv_inventory.hpp"
#include "load/csv_table.hpp"

using namespace bltest;

namespace {

ChipCatalog testCatalog() {
  ChipCatalog catalog;
  ChipSpec chip;
  chip.id = "big-chip";
  chip.name = "Big Chip";
  chip.aliases = {"BIG"};
  chip.tops = {{16, 1000}};
  chip.computeDerived();
  catalog.add(chip);
  return catalog;
}

const std::string kHeader =
    "name,purpose,chips,compute.acquisition,site.country,site.owner.name,site.owner.hq,"
    "tenant.name,tenant.hq,data.origin,data.categories,data.subjects,data.transfer,"
    "authorizations,endUse";

struct Loaded {
  LoadedBatch batch;
  std::string errors() const {
    std::string out;
    for (const auto& bad : batch.invalid) out += describe(bad.errors);
    return out;
  }
};

// Loads `rows` (after kHeader, so the first row is line 2).
Loaded load(const std::string& rows, const std::string& header = kHeader) {
  static const ChipCatalog catalog = testCatalog();
  const CsvInventory inventory("inv.csv", header, 1, catalog);
  Loaded out;
  CsvScratch scratch;
  inventory.load(rows, 2, out.batch, scratch);
  return out;
}

} // namespace

TEST_CASE("csv: records follow RFC 4180") {
  std::vector<CsvField> fields;
  std::string scratch, error;
  std::uint32_t offset = 0;
  SECTION("quoted fields hold commas, doubled quotes and line breaks") {
    REQUIRE(
        splitCsvRecord("a,\"b,c\",\"say \"\"hi\"\"\",\"x\ny\",", fields, scratch, offset, error));
    REQUIRE(fields.size() == 5);
    CHECK(fields[1].text == "b,c");
    CHECK(fields[2].text == "say \"hi\"");
    CHECK(fields[3].text == "x\ny");
    CHECK(fields[4].text.empty());
    CHECK(fields[2].offset == 8);
  }
  SECTION("fields of 16 bytes and more end at their comma or quote") {
    REQUIRE(splitCsvRecord("0123456789abcdefghij,0123456789abcdef,\"q\",0123456789abcdefg", fields,
                           scratch, offset, error));
    REQUIRE(fields.size() == 4);
    CHECK(fields[0].text == "0123456789abcdefghij");
    CHECK(fields[1].text == "0123456789abcdef");
    CHECK(fields[1].offset == 21);
    CHECK(fields[3].text == "0123456789abcdefg");
    CHECK_FALSE(splitCsvRecord("x,0123456789abcdefghij\"", fields, scratch, offset, error));
    CHECK(offset == 22);
    REQUIRE(splitCsvRecord("0123456789abcdefghij,,0123456789abcdef0123456789abcdef,x,", fields,
                           scratch, offset, error));
    REQUIRE(fields.size() == 5);
    CHECK(fields[1].text.empty());
    CHECK(fields[1].offset == 21);
    CHECK(fields[2].text == "0123456789abcdef0123456789abcdef");
    CHECK(fields[3].offset == 55);
    CHECK(fields[4].text.empty());
    CHECK(fields[4].offset == 57);
  }
  SECTION("a record ends at a line break outside quotes, and its line breaks are counted") {
    bool complete = false;
    std::size_t lineBreaks = 0;
    const std::string text = "a,\"b\nc\"\nnext\n";
    CHECK(csvRecordEnd(text, 0, complete, lineBreaks) == 8);
    CHECK(complete);
    CHECK(lineBreaks == 2);
    CHECK(csvRecordEnd(text, 8, complete, lineBreaks) == text.size());
    CHECK(complete);
    CHECK(lineBreaks == 1);
    CHECK(csvRecordEnd("a,\"open\nstill open", 0, complete, lineBreaks) == 18);
    CHECK_FALSE(complete);
    CHECK(lineBreaks == 1);
    CHECK(csvRecordEnd("last", 0, complete, lineBreaks) == 4);
    CHECK_FALSE(complete);
    CHECK(lineBreaks == 0);
  }
  SECTION("a plain record is split in the same pass that finds its end") {
    // Commas on both sides of 16-byte chunks, a CRLF, and the next record in the same chunk.
    const std::string text = "0123456789abcdefghij,,x,0123456789abcdef\r\nnext,a\nlast";
    REQUIRE(splitPlainCsvRecord(text, 0, fields) == 42);
    REQUIRE(fields.size() == 4);
    CHECK(fields[0].text == "0123456789abcdefghij");
    CHECK(fields[1].text.empty());
    CHECK(fields[1].offset == 21);
    CHECK(fields[2].text == "x");
    CHECK(fields[3].text == "0123456789abcdef");
    CHECK(fields[3].offset == 24);
    REQUIRE(splitPlainCsvRecord(text, 42, fields) == 49);
    REQUIRE(fields.size() == 2);
    CHECK(fields[1].text == "a");
    CHECK(fields[1].offset == 5);
    REQUIRE(splitPlainCsvRecord(text, 49, fields) == text.size());
    REQUIRE(fields.size() == 1);
    CHECK(fields[0].text == "last");
    REQUIRE(splitPlainCsvRecord("a,\r\n", 0, fields) == 4);
    REQUIRE(fields.size() == 2);
    CHECK(fields[1].text.empty());
    REQUIRE(splitPlainCsvRecord("\n", 0, fields) == 1);
    REQUIRE(fields.size() == 1);
    CHECK(fields[0].text.empty());
    // Quoted fields without doubled quotes or line breaks are plain too.
    REQUIRE(splitPlainCsvRecord("0123456789abcdefghij,\"q, r\",\"\"\r\nz", 0, fields) == 32);
    REQUIRE(fields.size() == 3);
    CHECK(fields[1].text == "q, r");
    CHECK(fields[1].offset == 21);
    CHECK(fields[2].text.empty());
    CHECK(fields[2].offset == 28);
    REQUIRE(splitPlainCsvRecord("\"a\",", 0, fields) == 4);
    REQUIRE(fields.size() == 2);
    CHECK(fields[1].offset == 4);
    // Doubled quotes, quotes inside unquoted fields or before text, a line break in quotes, a
    // NUL byte or non-ASCII text before the line break are for the general reader; after it,
    // they belong to the next record.
    const std::string_view nul("0123456789abcdefghij,\0\n", 23);
    for (const std::string_view other :
         {std::string_view("0123456789abcdefghij,\"say \"\"hi\"\"\"\n"),
          std::string_view("a,b\"c\n"), std::string_view("a,\"b\"c\n"),
          std::string_view("a,\"x\ny\"\n"), std::string_view("a,\"open"),
          std::string_view("a,caf\xC3\xA9\n"), nul})
      CHECK(splitPlainCsvRecord(other, 0, fields) == std::string_view::npos);
    CHECK(splitPlainCsvRecord("a,b\n\"c\xC3\xA9\"", 0, fields) == 4);
    const std::string longField(kMaxCsvFieldBytes + 1, 'x');
    CHECK(splitPlainCsvRecord("a," + longField + "\n", 0, fields) == std::string_view::npos);
  }
  SECTION("finding a record's end counts its line breaks") {
    bool complete = false;
    std::size_t lineBreaks = 0;
    const std::string text = "a,\"b\nc\n\"\nnext\nlast";
    CHECK(csvRecordEnd(text, 0, complete, lineBreaks) == 9);
    CHECK(lineBreaks == 3);
    CHECK(csvRecordEnd(text, 9, complete, lineBreaks) == 14);
    CHECK(lineBreaks == 1);
    CHECK(csvRecordEnd(text, 14, complete, lineBreaks) == text.size());
    CHECK(lineBreaks == 0);
    CHECK_FALSE(complete);
  }
  SECTION("malformed quoting is located") {
    CHECK_FALSE(splitCsvRecord("a,\"b\"c", fields, scratch, offset, error));
    CHECK(offset == 5);
    CHECK_FALSE(splitCsvRecord("a,b\"c", fields, scratch, offset, error));
    CHECK(offset == 3);
    CHECK_FALSE(splitCsvRecord("a,\"never closed", fields, scratch, offset, error));
  }
  SECTION("writing quotes only what needs it") {
    std::string out;
    appendCsvField(out, "plain");
    out += ',';
    appendCsvField(out, "a, \"b\"");
    CHECK(out == "plain,\"a, \"\"b\"\"\"");
  }
}

TEST_CASE("csv: a whole table keeps each record's line and each field's column") {
  const auto records =
      splitCsv("t.csv", "name,note\r\n\nACME,\"two\nlines\",x\nlast,\"\"\"q\"\"\"");
  REQUIRE(records.size() == 3); // the blank line is no record
  CHECK(records[0].fields == std::vector<std::string>{"name", "note"});
  CHECK(records[1].line == 3);
  CHECK(records[1].fields == std::vector<std::string>{"ACME", "two\nlines", "x"});
  CHECK(records[1].columns == std::vector<std::uint32_t>{1, 6, 8}); // "x" is on line 4
  CHECK(records[2].line == 5);
  CHECK(records[2].fields[1] == "\"q\"");
  // Errors name the line and column of the field where they are.
  CHECK_THROWS_WITH(splitCsv("t.csv", "a,b\nc,\"open\nmore"),
                    "t.csv:2:3: unclosed quote in CSV field");
  CHECK_THROWS_WITH(splitCsv("t.csv", "a\n\"x\ny\"z,b\n"),
                    Catch::Contains("t.csv:3:3: unexpected text after a closing quote"));
}

TEST_CASE("csv: the header names known columns") {
  static const ChipCatalog catalog = testCatalog();
  auto headerError = [&](const std::string& header) {
    try {
      CsvInventory("inv.csv", header, 1, catalog);
    } catch (const LoadFailure& failure) {
      return describe(failure.errors());
    }
    return std::string("(no error)");
  };
  CHECK_THAT(headerError(kHeader + ",tenant.hqq"),
             Catch::Contains("inv.csv:1:") && Catch::Contains("unknown column 'tenant.hqq'") &&
                 Catch::Contains("did you mean 'tenant.hq'?"));
  CHECK_THAT(headerError(kHeader + ",purpose"), Catch::Contains("column 'purpose' appears twice"));
  CHECK_THAT(headerError("name,purpose"), Catch::Contains("no 'chips' column, which is required"));
  CHECK_THAT(headerError(kHeader + ",model.developer.name"),
             Catch::Contains("has 'model.developer.name' but no 'model.developer.hq'"));
}

TEST_CASE("csv: a row is a workload with typed, located values") {
  const auto out = load("w1,training,big-chip*8;BIG*2,lease,MY,DC Sdn Bhd,MY,\"Acme, Ltd\",SG,"
                        "CN,personal;health,2500000,consent; pipia,bis-license:D-1:2027-01-31,"
                        "civil;military\n");
  REQUIRE(out.errors().empty());
  REQUIRE(out.batch.workloads.size() == 1);
  const Workload& w = out.batch.workloads.front();
  CHECK(w.name == "w1");
  CHECK(w.loc.str() == "inv.csv:2:1");
  CHECK(*w.purpose.value == Purpose::Training);
  REQUIRE(w.chips.size() == 2);
  CHECK(*w.chips[1].count.value == 2);
  CHECK(w.chips[1].model == "BIG");
  CHECK(w.chips[1].loc.str() == "inv.csv:2:24");
  CHECK(*w.party(PartyRole::Tenant).name.value == "Acme, Ltd");
  CHECK(w.party(PartyRole::Tenant).name.loc.str() == "inv.csv:2:54");
  REQUIRE(w.data.size() == 1);
  CHECK(*w.data[0].name.value == "line 2");
  CHECK(*w.data[0].subjects.value == 2500000);
  CHECK(w.data[0].categories.values == std::vector{DataCategory::Personal, DataCategory::Health});
  CHECK(w.data[0].transfer.values == std::vector<std::string>{"consent", "pipia"});
  REQUIRE(w.authorizations.size() == 1);
  CHECK(*w.authorizations[0].reference.value == "D-1");
  CHECK(w.authorizations[0].expires.value->str() == "2027-01-31");
  CHECK(w.endUse.values == std::vector{EndUse::Civil, EndUse::Military});
}

TEST_CASE("csv: later rows with the same name add data sources and chips") {
  const auto out = load("w1,training,big-chip*8,lease,MY,DC,MY,Acme,SG,US,public,,,,\n"
                        "w1,,BIG*4,,,,,,,CN,personal,10,,,\n"
                        "w1,training,,,MY,,,,,FR,personal,20,eu-scc,,\n"
                        "w2,inference,big-chip*1,iaas,SG,DC,SG,Acme,SG,,,,,,\n");
  REQUIRE(out.errors().empty());
  REQUIRE(out.batch.workloads.size() == 2);
  CHECK(out.batch.rows == 4);
  const Workload& w = out.batch.workloads.front();
  CHECK(w.chips.size() == 2);
  REQUIRE(w.data.size() == 3);
  CHECK(*w.data[2].name.value == "line 4");
  CHECK(w.data[2].loc.str() == "inv.csv:4:22");
  CHECK(out.batch.workloads[1].endUse.values == std::vector{EndUse::Civil}); // the default
}

TEST_CASE("csv: blank lines are no rows, and end a workload's rows") {
  const auto out = load("w1,training,big-chip*8,lease,MY,DC,MY,Acme,SG,US,public,,,,\n"
                        "\n"
                        " \t\r\n"
                        "w1,,BIG*4,,,,,,,CN,personal,10,,,\n"
                        "w1,,,,,,,,,FR,personal,20,,,\n"
                        "\n");
  INFO(out.errors());
  REQUIRE(out.batch.workloads.size() == 1); // line 5 starts a workload and has no purpose
  CHECK(out.batch.workloads.front().data.size() == 1);
  CHECK(out.batch.rows == 3);
  REQUIRE(out.batch.invalid.size() == 1);
  CHECK(out.batch.invalid[0].line == 5);
  CHECK(out.batch.invalid[0].rows == 2);
  CHECK_THAT(out.errors(), Catch::Contains("inv.csv:5:"));
}

TEST_CASE("csv: workloads reused from an earlier batch keep nothing of it") {
  static const ChipCatalog catalog = testCatalog();
  const CsvInventory inventory("inv.csv", kHeader, 1, catalog);
  LoadedBatch batch;
  CsvScratch scratch;
  inventory.load("w1,training,big-chip*8,lease,MY,A Data Centre Company Sdn Bhd,MY,"
                 "Acme Holdings Limited,SG,CN,personal,10,consent,bis-license:D-1:2027-01-31,"
                 "military\n"
                 "w1,,BIG*4,,,,,,,FR,health,20,,,\n",
                 2, batch, scratch);
  REQUIRE(batch.workloads.size() == 1);
  batch.clear();
  inventory.load("w2,inference,big-chip*1,iaas,SG,DC,SG,Acme,SG,,,,,,\n"
                 "w3,inference,big-chip*1,iaas,SG,Another Data Centre Company,SG,Acme,SG,,,,,"
                 "export-license:EL-2:,\n",
                 2, batch, scratch);
  REQUIRE(batch.workloads.size() == 2);
  const Workload& w = batch.workloads.front();
  CHECK(w.name == "w2");
  CHECK(w.chips.size() == 1);
  CHECK(w.data.empty());
  CHECK(w.authorizations.empty());
  CHECK(w.endUse.values == std::vector{EndUse::Civil});
  CHECK(*w.party(PartyRole::Owner).name.value == "DC");
  CHECK_FALSE(w.party(PartyRole::Developer).present);
  CHECK_FALSE(w.modelName.has());
  const Workload& w3 = batch.workloads[1];
  CHECK(*w3.party(PartyRole::Owner).name.value == "Another Data Centre Company");
  REQUIRE(w3.authorizations.size() == 1);
  CHECK(*w3.authorizations[0].type.value == "export-license");
  CHECK(*w3.authorizations[0].reference.value == "EL-2");
  CHECK_FALSE(w3.authorizations[0].expires.has());
}

TEST_CASE("csv: bad rows are errors with their line and column") {
  SECTION("a different value in a later row names both lines") {
    const auto out = load("w1,training,big-chip*8,lease,MY,DC,MY,Acme,SG,,,,,,\n"
                          "w1,inference,,,,,,,,,,,,,\n");
    REQUIRE(out.batch.invalid.size() == 1);
    CHECK(out.batch.invalid[0].rows == 2);
    CHECK_THAT(out.errors(), Catch::Contains("inv.csv:3:4: 'purpose' is 'inference' here "
                                             "but 'training' on line 2"));
  }
  SECTION("values are checked like manifest values") {
    const auto out =
        load("w1,train,big-chip*0,lease,cn,DC,MY,Acme,SG,CN,personal,-1,,x:y:2027-02-30,\n");
    const std::string e = out.errors();
    CHECK_THAT(e, Catch::Contains("inv.csv:2:4: unknown purpose 'train'"));
    CHECK_THAT(e, Catch::Contains("inv.csv:2:19: chip count must be at least 1"));
    CHECK_THAT(e, Catch::Contains("inv.csv:2:27: site.country: country codes are upper "
                                  "case: did you mean 'CN'?"));
    CHECK_THAT(e, Catch::Contains("data.subjects must not be negative"));
    CHECK_THAT(e,
               Catch::Contains("authorization expires '2027-02-30' is not a real calendar date"));
    CHECK(out.batch.workloads.empty());
  }
  SECTION("missing required values, unknown chips and bad chip items") {
    const auto out = load("w1,,big-chp*8;big-chip,lease,MY,,MY,Acme,SG,,,,,,\n");
    const std::string e = out.errors();
    CHECK_THAT(e, Catch::Contains("missing value in required column 'purpose'"));
    CHECK_THAT(e, Catch::Contains("missing value in required column 'site.owner.name'"));
    CHECK_THAT(e, Catch::Contains("unknown chip 'big-chp'") &&
                      Catch::Contains("did you mean 'big-chip'?"));
    CHECK_THAT(e, Catch::Contains("chips item 'big-chip' must be model*count"));
  }
  SECTION("a row with the wrong number of fields, and bad bytes") {
    const auto out = load("w1,training\nw2,training,big-chip*8,lease,MY,DC,MY,Acme,SG,,,,,,\xff\n"
                          "w3,training,big-chip*8,lease,MY,DC,MY,Acme,SG,,,,,,,\"x\"\n");
    CHECK_THAT(out.errors(), Catch::Contains("inv.csv:2:12: row has 2 fields, but the CSV header "
                                             "has 15: the row ends here"));
    CHECK_THAT(out.errors(), Catch::Contains("inv.csv:3:52: invalid UTF-8"));
    CHECK_THAT(out.errors(), Catch::Contains("inv.csv:4:53: row has 16 fields, but the CSV header "
                                             "has 15: field 16 starts here"));
  }
  SECTION("a party name with nothing to screen, but not a later row's empty cell") {
    const auto out = load("w1,training,big-chip*8,lease,MY,DC,MY,\"Co., Ltd.\",SG,,,,,,\n"
                          "w2,training,big-chip*8,lease,MY,DC,MY,Acme,SG,,,,,,\n"
                          "w2,,big-chip*8,,,,,,,,,,,,\n");
    CHECK(out.errors() == "inv.csv:2:40: tenant.name 'Co., Ltd.' has nothing to screen against "
                          "the party lists once legal forms and punctuation are removed "
                          "(expected the party's legal name)\n");
    REQUIRE(out.batch.workloads.size() == 1);
    CHECK(out.batch.workloads[0].name == "w2");
  }
  SECTION("workload names: A-Z a-z 0-9 . _ - only, at most 253 characters") {
    const std::string row = ",training,big-chip*8,lease,MY,DC,MY,Acme,SG,,,,,,\n";
    const std::string longest(253, 'x');
    const auto good = load("Az09._-" + row + longest + row);
    CHECK(good.errors().empty());
    CHECK(good.batch.workloads.size() == 2);
    for (const std::string& bad :
         std::vector<std::string>{"a b", "a/b", "caf\xc3\xa9", "a+b", "a:b", longest + "x"}) {
      INFO(bad);
      CHECK_THAT(load(bad + row).errors(), Catch::Contains("must be 1-253 characters of A-Z a-z "
                                                           "0-9 . _ -"));
    }
  }
  SECTION("a bad workload does not hide the good ones around it") {
    const auto out = load("ok1,training,big-chip*8,lease,MY,DC,MY,Acme,SG,,,,,,\n"
                          "bad,training,big-chip*8,lease,XX,DC,MY,Acme,SG,,,,,,\n"
                          "ok2,training,big-chip*8,lease,MY,DC,MY,Acme,SG,,,,,,\n");
    REQUIRE(out.batch.workloads.size() == 2);
    CHECK(out.batch.workloads[1].name == "ok2");
    REQUIRE(out.batch.invalid.size() == 1);
    CHECK(out.batch.invalid[0].line == 3);
  }
}
