#include "model/country.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace borderline;

TEST_CASE("country codes: China, Hong Kong, Macao and Taiwan are distinct", "[country]") {
  const auto cn = countryFromCode("CN");
  const auto hk = countryFromCode("HK");
  const auto mo = countryFromCode("MO");
  const auto tw = countryFromCode("TW");
  REQUIRE(cn);
  REQUIRE(hk);
  REQUIRE(mo);
  REQUIRE(tw);
  CHECK(*cn != *hk);
  CHECK(*cn != *mo);
  CHECK(*hk != *mo);
  CHECK(*tw != *cn);
  CHECK(countryName(*cn) == "China");
  CHECK(countryName(*hk) == "Hong Kong");
  CHECK(countryName(*mo) == "Macao");
  CHECK(countryName(*tw) == "Taiwan");
  CHECK(countryCode(*hk) == "HK");
}

TEST_CASE("country codes: well-known names", "[country]") {
  const std::vector<std::pair<std::string, std::string>> expected = {{"AE", "United Arab Emirates"},
                                                                     {"US", "United States"},
                                                                     {"GB", "United Kingdom"},
                                                                     {"RU", "Russian Federation"},
                                                                     {"IR", "Iran"},
                                                                     {"KP", "North Korea"},
                                                                     {"KR", "South Korea"},
                                                                     {"SG", "Singapore"},
                                                                     {"AD", "Andorra"},
                                                                     {"ZW", "Zimbabwe"}};
  for (const auto& [code, name] : expected) {
    INFO(code);
    const auto id = countryFromCode(code);
    REQUIRE(id);
    CHECK(countryName(*id) == name);
    CHECK(countryCode(*id) == code);
  }
}

TEST_CASE("country codes: malformed and unassigned codes are rejected", "[country]") {
  for (const char* code : {"cn", "Cn", "cN", "XK", "UK", "EU", "EZ", "UN", "AA", "ZZ", "", "C",
                           "CNN", "C1", "1C", " C", "C "}) {
    INFO('"' << code << '"');
    CHECK_FALSE(countryFromCode(code));
  }
  CHECK_FALSE(countryFromCode(std::string_view("CN\0", 3)));
  CHECK_FALSE(countryFromCode(std::string_view("\0N", 2)));
}

TEST_CASE("country codes: the table is complete, sorted and round-trips", "[country]") {
  int assigned = 0;
  for (char a = 'A'; a <= 'Z'; ++a) {
    for (char b = 'A'; b <= 'Z'; ++b) {
      const char code[] = {a, b};
      if (countryFromCode(std::string_view(code, 2))) ++assigned;
    }
  }
  CHECK(assigned == kCountryCount);
  CHECK(kCountryCount == 249);

  for (int i = 0; i < kCountryCount; ++i) {
    const auto id = static_cast<CountryId>(i);
    INFO(i << " " << countryCode(id));
    REQUIRE(countryCode(id).size() == 2);
    CHECK_FALSE(countryName(id).empty());
    const auto back = countryFromCode(countryCode(id));
    REQUIRE(back);
    CHECK(*back == id);
    if (i > 0) CHECK(countryCode(static_cast<CountryId>(i - 1)) < countryCode(id));
  }
  CHECK(countryCode(0) == "AD");
  CHECK(countryCode(kCountryCount - 1) == "ZW");
}

TEST_CASE("country codes: out-of-range ids give empty strings", "[country]") {
  CHECK(countryCode(static_cast<CountryId>(kCountryCount)).empty());
  CHECK(countryName(255).empty());
}

TEST_CASE("CountrySet: add, remove, contains, size", "[country]") {
  const CountryId cn = *countryFromCode("CN");
  const CountryId hk = *countryFromCode("HK");
  const CountryId mo = *countryFromCode("MO");

  CountrySet s;
  CHECK(s.empty());
  CHECK(s.size() == 0);
  s.add(cn);
  s.add(hk);
  s.add(cn); // idempotent
  CHECK_FALSE(s.empty());
  CHECK(s.size() == 2);
  CHECK(s.contains(cn));
  CHECK(s.contains(hk));
  CHECK_FALSE(s.contains(mo));
  s.remove(cn);
  CHECK_FALSE(s.contains(cn));
  CHECK(s.size() == 1);
  s.remove(mo); // removing an absent member is a no-op
  CHECK(s.size() == 1);
}

TEST_CASE("CountrySet: ids outside the table are ignored", "[country]") {
  CountrySet s;
  s.add(static_cast<CountryId>(kCountryCount));
  s.add(255);
  CHECK(s.empty());
  CHECK_FALSE(s.contains(255));
}

TEST_CASE("CountrySet: union, equality and ordered iteration", "[country]") {
  const CountryId cn = *countryFromCode("CN");
  const CountryId hk = *countryFromCode("HK");
  const CountryId mo = *countryFromCode("MO");
  const CountryId zw = *countryFromCode("ZW");
  const CountryId ad = *countryFromCode("AD");

  CountrySet a;
  a.add(mo);
  a.add(cn);
  CountrySet b;
  b.add(hk);
  b.add(cn);
  b.add(zw);
  b.add(ad);

  CountrySet u = a;
  u |= b;
  CHECK(u.size() == 5);
  CHECK(u != a);

  std::vector<std::string> codes;
  u.forEach([&](CountryId id) { codes.emplace_back(countryCode(id)); });
  CHECK(codes == std::vector<std::string>{"AD", "CN", "HK", "MO", "ZW"});

  CountrySet c;
  c.add(cn);
  c.add(mo);
  CHECK(a == c);
  c.add(hk);
  CHECK_FALSE(a == c);

  CountrySet all;
  for (int i = 0; i < kCountryCount; ++i) all.add(static_cast<CountryId>(i));
  CHECK(all.size() == kCountryCount);
  int visited = 0;
  all.forEach([&](CountryId) { ++visited; });
  CHECK(visited == kCountryCount);
}
