#include "evaluate/screening.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

using namespace borderline::screening;

namespace {

// Small deterministic generator: std:: distributions differ between standard libraries, and
// the property tests should see the same names everywhere.
class Rng {
public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}
  std::uint32_t next() {
    state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<std::uint32_t>(state_ >> 33);
  }
  int below(int n) { return static_cast<int>(next() % static_cast<std::uint32_t>(n)); }
  bool chance(int percent) { return below(100) < percent; }
  template <class T> const T& pick(const std::vector<T>& v) { return v[below((int)v.size())]; }

private:
  std::uint64_t state_;
};

const std::vector<std::string> kDistinct = {
    "huawei",   "zhipu",       "huazhang", "sophgo", "bytedance", "hikvision", "dahua",
    "megvii",   "sensetime",   "iflytek",  "inspur", "sugon",     "cloudwalk", "phytium",
    "biren",    "cambricon",   "enflame",  "hygon",  "loongson",  "unisoc",    "yangtze",
    "xiaomi",   "tencent",     "nuctech",  "zte",    "dji",       "kunlun",    "huaxin",
    "huawen",   "Société",     "Générale", "Müller", "Łódź",      "Nguyễn",    "华为技术",
    "北京智谱", "moorethreads"};
const std::vector<std::string> kGeneric = {"Technology", "Technologies", "Tech",   "International",
                                           "Holdings",   "Group",        "Global", "China",
                                           "Beijing",    "Shenzhen",     "Data",   "Cloud",
                                           "AI",         "Semiconductor"};
const std::vector<std::string> kLegal = {"Co., Ltd.", "Inc.", "GmbH", "S.A.",
                                         "Limited",   "LLC",  "Corp", "有限公司"};

// One random edit, so that the fuzzy (Jaro-Winkler) paths get exercised.
std::string mutate(std::string word, Rng& rng) {
  if (word.size() < 5 || static_cast<unsigned char>(word[0]) >= 0x80) return word;
  const auto pos = static_cast<std::size_t>(rng.below(static_cast<int>(word.size()) - 1));
  switch (rng.below(4)) {
  case 0:
    word[pos] = static_cast<char>('a' + rng.below(26));
    break;
  case 1:
    std::swap(word[pos], word[pos + 1]);
    break;
  case 2:
    word.erase(pos, 1);
    break;
  default:
    word.insert(pos, 1, static_cast<char>('a' + rng.below(26)));
    break;
  }
  return word;
}

std::string randomName(Rng& rng) {
  std::string name;
  const int words = 1 + rng.below(4);
  for (int i = 0; i < words; ++i) {
    std::string w = rng.chance(55) ? rng.pick(kDistinct) : rng.pick(kGeneric);
    if (rng.chance(20)) w = mutate(w, rng);
    if (rng.chance(20))
      std::transform(w.begin(), w.end(), w.begin(),
                     [](char c) { return (c >= 'a' && c <= 'z') ? char(c - 32) : c; });
    name += (i ? " " : "") + w;
  }
  if (rng.chance(40)) name += " " + rng.pick(kLegal);
  return name;
}

struct Stored {
  int entry;
  int alias;
  std::string name;
};

// Best name per entry by calling score() on every stored name; all entries scoring above 0.
std::vector<Hit> bruteForce(const std::vector<Stored>& names, std::string_view query) {
  std::vector<Hit> best;
  for (const auto& n : names) {
    const int s = score(query, n.name);
    if (s == 0) continue;
    auto it =
        std::find_if(best.begin(), best.end(), [&](const Hit& h) { return h.entry == n.entry; });
    if (it == best.end())
      best.push_back({n.entry, n.alias, s, s == 100});
    else if (s > it->score || (s == it->score && n.alias < it->alias))
      *it = {n.entry, n.alias, s, s == 100};
  }
  std::sort(best.begin(), best.end(), [](const Hit& a, const Hit& b) {
    return a.score != b.score ? a.score > b.score : a.entry < b.entry;
  });
  return best;
}

std::vector<Hit> atLeast(std::vector<Hit> hits, int minScore) {
  std::erase_if(hits, [&](const Hit& h) { return h.score < minScore; });
  return hits;
}

std::vector<Stored> randomList(Rng& rng, int entries) {
  std::vector<Stored> names;
  for (int e = 0; e < entries; ++e) {
    const int aliases = 1 + rng.below(3);
    for (int a = 0; a < aliases; ++a)
      names.push_back({e * 7 + 3, a, randomName(rng)}); // sparse, non-contiguous entry ids
  }
  return names;
}

NameIndex buildIndex(const std::vector<Stored>& names) {
  NameIndex index;
  for (const auto& n : names) index.add(n.entry, n.alias, n.name);
  index.finish();
  return index;
}

std::string describe(const std::vector<Hit>& hits) {
  std::string out;
  for (const auto& h : hits)
    out += "(" + std::to_string(h.entry) + "," + std::to_string(h.alias) + "," +
           std::to_string(h.score) + (h.exact ? ",exact" : "") + ") ";
  return out;
}

} // namespace

// ---------------------------------------------------------------------------------------------
// normalize / tokens

TEST_CASE("normalize: legal forms in several languages are dropped", "[screening]") {
  CHECK(normalize("Huawei Technologies Co., Ltd.") == "huawei technologies");
  CHECK(normalize("Huawei Technologies Company Limited") == "huawei technologies");
  CHECK(normalize("Sophgo Technologies Pte. Ltd.") == "sophgo technologies");
  CHECK(normalize("Volkswagen GmbH") == "volkswagen");
  CHECK(normalize("Siemens AG") == "siemens");
  CHECK(normalize("Koninklijke Philips N.V.") == "koninklijke philips");
  CHECK(normalize("ASML Holding B.V.") == "asml holding");
  CHECK(normalize("Nokia Oyj") == "nokia");
  CHECK(normalize("PJSC Sberbank") == "sberbank");
  CHECK(normalize("OOO Rostec") == "rostec");
  CHECK(normalize("ООО «Ромашка»") == "ромашка");
  CHECK(normalize("Toyota K.K.") == "toyota");
  CHECK(normalize("Petronas Sdn. Bhd.") == "petronas");
  CHECK(normalize("Leonardo S.p.A.") == "leonardo");
  CHECK(normalize("Acme Pty Ltd") == "acme");
  CHECK(normalize("Acme Corporation") == "acme");
  CHECK(normalize("ACME, INC.") == "acme");
  CHECK(normalize("Acme Incorporated") == "acme");
  CHECK(normalize("Acme LLC") == "acme");
  CHECK(normalize("Acme PLC") == "acme");
  CHECK(normalize("Acme JSC") == "acme");
  CHECK(normalize("Acme SAS") == "acme");
  CHECK(normalize("Acme S.R.L.") == "acme");
}

TEST_CASE("normalize: Chinese and Japanese legal forms are stripped, 集团 is kept", "[screening]") {
  CHECK(normalize("华为技术有限公司") == "华为技术");
  CHECK(normalize("北京智谱华章科技股份有限公司") == "北京智谱华章科技");
  CHECK(normalize("某某科技有限责任公司") == "某某科技");
  CHECK(normalize("中国电子科技集团有限公司") == "中国电子科技集团");
  CHECK(normalize("中国电子科技集团") == "中国电子科技集团");
  CHECK(normalize("华为技术 有限公司") == "华为技术");
  CHECK(normalize("株式会社東芝") == "東芝");
  CHECK(normalize("有限公司") == "");
}

TEST_CASE("normalize: diacritics are folded to ASCII", "[screening]") {
  CHECK(normalize("Société Générale S.A.") == "generale societe");
  CHECK(normalize("Müller & Söhne GmbH") == "muller sohne");
  CHECK(normalize("Großhandel Straße") == "grosshandel strasse");
  CHECK(normalize("ŁÓDŹ Ćwiczenia") == "cwiczenia lodz");
  CHECK(normalize("Nguyễn Thị Minh Khai") == "khai minh nguyen thi");
  CHECK(normalize("Ǎlǚ") == "alu");
  CHECK(normalize("Ame\xCC\x81lie") == "amelie"); // decomposed e + combining acute
  CHECK(normalize("ÆRØ Cœur") == "aero coeur");
}

TEST_CASE("normalize: punctuation, case, spacing and word order", "[screening]") {
  CHECK(normalize("  BYTEDANCE\t\n ltd  ") == "bytedance");
  CHECK(normalize("Zhipu-AI (Beijing)/Huazhang") == "ai beijing huazhang zhipu");
  CHECK(normalize("AT&T Inc.") == "at t");
  CHECK(normalize("Moody's Analytics") == "analytics moodys");
  CHECK(normalize("Moody’s Analytics") == "analytics moodys");
  CHECK(normalize("U.S.A. Trading") == "trading usa");
  CHECK(normalize("J.P. Morgan") == "jp morgan");
  CHECK(normalize("A. B. Smith") == "a b smith");
  CHECK(normalize("ＺＴＥ　Ｃｏｒｐ．") == "zte"); // fullwidth letters and ideographic space
  CHECK(normalize("华为，技术") == "华为 技术");
  CHECK(normalize("Technologies Huawei") == normalize("Huawei Technologies"));
  CHECK(normalize("") == "");
  CHECK(normalize("Co., Ltd.") == "");
  CHECK(normalize("!!! ---") == "");
}

TEST_CASE("normalize: invalid UTF-8 never throws and becomes spaces", "[screening]") {
  CHECK(normalize("Foo\xFF\xFE"
                  "Bar") == "bar foo");
  CHECK(normalize("Foo\xE4\xB8") == "foo"); // truncated sequence
  CHECK(normalize("\xC0\xAF"
                  "abc") == "abc");            // overlong encoding of '/'
  CHECK(normalize("a\xED\xA0\x80z") == "a z"); // UTF-16 surrogate
  std::string all;
  for (int c = 1; c < 256; ++c) all += static_cast<char>(c);
  CHECK_NOTHROW(normalize(all));
}

TEST_CASE("tokens: sorted tokens of the normalised name", "[screening]") {
  CHECK(tokens("Beijing Zhipu Huazhang Technology Co., Ltd.") ==
        std::vector<std::string>{"beijing", "huazhang", "technology", "zhipu"});
  CHECK(tokens("Ltd").empty());
  CHECK(tokens("Johnson & Johnson") == std::vector<std::string>{"johnson", "johnson"});
}

TEST_CASE("hasScreenableName: whether normalize() leaves anything, decided cheaply or not",
          "[screening]") {
  // Its quick answer (a plain ASCII word that is no legal form) must never disagree with
  // normalize(); the others fall back to it.
  const char* names[] = {"",
                         "   ",
                         "Ltd.",
                         "Co., Ltd.",
                         "S.A.",
                         "A.B.",
                         "GmbH & Co",
                         "l'td",
                         "Ltd's",
                         "x",
                         "Acme",
                         "Acme Ltd",
                         "3M",
                         "Ltd-Acme",
                         "Café",
                         "ltdé",
                         "ООО",
                         "有限公司",
                         "华为有限公司",
                         "株式会社",
                         "ＬＴＤ",
                         "Incorporated",
                         "INCORPORATEDX",
                         "Co.Ltd",
                         "\x1b[2J",
                         "AG\u00ad",
                         "Sdn. Bhd.",
                         "-- inc --",
                         "Moody's",
                         "a.b.c",
                         "LTD",
                         "GMBH",
                         "PJSC 7",
                         "CO 42",
                         "ZAO"};
  for (const char* name : names) {
    INFO(name);
    CHECK(hasScreenableName(name) == !normalize(name).empty());
  }
  CHECK_FALSE(hasScreenableName("Ltd."));
  CHECK_FALSE(hasScreenableName(""));
  CHECK(hasScreenableName("Example DC Sdn Bhd"));
}

// ---------------------------------------------------------------------------------------------
// score

TEST_CASE("score: exact after normalisation is 100", "[screening]") {
  CHECK(score("Huawei Technologies Co., Ltd.", "Huawei Technologies Company Limited") == 100);
  CHECK(score("Sophgo Technologies Ltd", "Sophgo Technologies") == 100);
  CHECK(score("Technologies Huawei", "Huawei Technologies") == 100);
  CHECK(score("ByteDance Ltd.", "BYTEDANCE") == 100);
  CHECK(score("Société Générale S.A.", "Societe Generale") == 100);
  CHECK(score("China Data Group", "China Data Group Co Ltd") == 100);
}

TEST_CASE("score: empty names never match", "[screening]") {
  CHECK(score("", "") == 0);
  CHECK(score("Ltd.", "Co., Ltd.") == 0);
  CHECK(score("", "Huawei") == 0);
  CHECK(score("Huawei", "   ") == 0);
}

TEST_CASE("score: follows the weighted token formula", "[screening]") {
  // zhipu (1.0) matched on both sides; ai, beijing, technology weigh 0.2; huazhang 1.0.
  // 2 * 1.0 / (1.2 + 2.4) = 0.556 -> 56.
  CHECK(score("Zhipu AI", "Beijing Zhipu Huazhang Technology Co Ltd") == 56);
  // 2 * 1.0 / (1.0 + 1.2) = 0.909 -> 91.
  CHECK(score("Huawei", "Huawei Technologies") == 91);
  // 2 * 1.0 / (1.0 + 2.0) -> 67.
  CHECK(score("Huawei", "Huawei Marine") == 67);
  CHECK(score("Huawei", "Tencent") == 0);
}

TEST_CASE("score: non-exact matches are capped at 99", "[screening]") {
  CHECK(score("Huawei Technology", "Huawei Technologies") == 99);
  CHECK(score("Huawei Technologies", "Huawai Technologies") == 99); // typo, fuzzy token
  CHECK(score("Hikvision Digital Technology", "Hikvison Digital Technology") == 99);
}

TEST_CASE("score: names sharing only generic words stay below the review threshold",
          "[screening]") {
  CHECK(score("China Technology Group", "China Data Group") < kReviewThreshold);
  CHECK(score("Beijing Technology", "Beijing Technologies") < kReviewThreshold);
  CHECK(score("China Shenzhen Technology Holdings International Global Group Data",
              "China Shenzhen Technology Holdings International Global Group Cloud") <
        kReviewThreshold);
  CHECK(score("China Shenzhen Technology Holdings International Global Group Data Cloud AI",
              "Acme China Shenzhen Technology Holdings International Global Group Data Cloud "
              "AI") < kReviewThreshold);
  CHECK(score("Shanghai Semiconductor", "Shanghai Semiconductor") == 100); // exact still is
}

TEST_CASE("score: distinctive near misses and true matches", "[screening]") {
  CHECK(score("Huawei Technologies", "Huawai Technologies") >= kReviewThreshold);
  CHECK(score("Zhipu AI", "Beijing Zhipu Huazhang Technology Co Ltd") < 100);
  CHECK(score("Zhipu AI", "Beijing Zhipu Huazhang Technology Co Ltd") > 0);
  CHECK(score("Acme", "Acne") == 0); // one letter in four is too much for Jaro-Winkler 0.92
  CHECK(score("Sensetime", "Tencent") == 0);
}

TEST_CASE("score: symmetric, bounded, 100 iff equal keys", "[screening]") {
  Rng rng(42);
  for (int i = 0; i < 2000; ++i) {
    const std::string a = randomName(rng);
    const std::string b = rng.chance(30) ? mutate(a, rng) : randomName(rng);
    INFO(a << " | " << b);
    const int ab = score(a, b);
    CHECK(ab == score(b, a));
    CHECK(ab >= 0);
    CHECK(ab <= 100);
    CHECK((ab == 100) == (normalize(a) == normalize(b) && !normalize(a).empty()));
  }
}

// ---------------------------------------------------------------------------------------------
// NameIndex

TEST_CASE("NameIndex: finds exact and fuzzy matches with aliases", "[screening]") {
  NameIndex index;
  index.add(10, 0, "Beijing Zhipu Huazhang Technology Co., Ltd.");
  index.add(10, 1, "Zhipu AI");
  index.add(20, 0, "ByteDance Ltd.");
  index.add(30, 0, "Huawei Technologies Co., Ltd.");
  index.add(30, 1, "华为技术有限公司");
  index.add(40, 0, "China Data Group");
  index.add(50, 0, "Co., Ltd."); // normalises to nothing: never matches
  index.finish();

  auto hits = index.match("Zhipu AI", kReviewThreshold);
  REQUIRE(hits.size() == 1);
  CHECK(hits[0] == Hit{10, 1, 100, true});

  hits = index.match("bytedance", kReviewThreshold);
  REQUIRE(hits.size() == 1);
  CHECK(hits[0] == Hit{20, 0, 100, true});

  hits = index.match("华为技术股份有限公司", kReviewThreshold);
  REQUIRE(hits.size() == 1);
  CHECK(hits[0] == Hit{30, 1, 100, true});

  hits = index.match("Huawai Technologies", kReviewThreshold);
  REQUIRE(hits.size() == 1);
  CHECK(hits[0] == Hit{30, 0, 99, false});

  CHECK(index.match("China Technology Group", kReviewThreshold).empty());
  // Generic overlap only shows up with a low threshold.
  hits = index.match("China Technology Group", 1);
  REQUIRE_FALSE(hits.empty());
  CHECK(hits[0] == Hit{40, 0, 67, false});
  CHECK(index.match("China Data Group Limited", kReviewThreshold) ==
        std::vector<Hit>{{40, 0, 100, true}});
  CHECK(index.match("Co., Ltd.", 1).empty());
  CHECK(index.match("", 1).empty());
}

TEST_CASE("NameIndex: minScore filtering and ordering", "[screening]") {
  NameIndex index;
  index.add(5, 0, "Huawei Marine");       // 67 against "Huawei"
  index.add(3, 0, "Huawei Technologies"); // 91
  index.add(4, 0, "Huawei");              // 100
  index.add(2, 0, "Huawei Technologies"); // 91, lower entry id sorts first among equals
  index.add(1, 0, "Tencent");             // 0
  index.finish();

  CHECK(
      index.match("Huawei", 1) ==
      std::vector<Hit>{{4, 0, 100, true}, {2, 0, 91, false}, {3, 0, 91, false}, {5, 0, 67, false}});
  CHECK(index.match("Huawei", 91).size() == 3);
  CHECK(index.match("Huawei", 92).size() == 1);
  CHECK(index.match("Huawei", 100).size() == 1);
  CHECK(index.match("Huawei", 101).empty());
  CHECK(index.match("Huawei", -5) == index.match("Huawei", 1)); // score 0 is never a hit
}

TEST_CASE("NameIndex: must be finished before matching", "[screening]") {
  NameIndex index;
  index.add(1, 0, "Huawei");
  CHECK_THROWS_AS(index.match("Huawei", 85), std::logic_error);
  index.finish();
  CHECK(index.match("Huawei", 85).size() == 1);
  index.add(2, 0, "Huawei Technologies");
  CHECK_THROWS_AS(index.match("Huawei", 85), std::logic_error);
  index.finish();
  CHECK(index.match("Huawei", 85).size() == 2);
}

TEST_CASE("NameIndex: same results as brute-force scoring", "[screening]") {
  Rng rng(20240601);
  const auto names = randomList(rng, 150);
  const NameIndex index = buildIndex(names);

  std::vector<std::string> queries;
  for (int i = 0; i < 150; ++i) queries.push_back(randomName(rng));
  // Queries longer than the index tracks token by token (62 tokens): the bound still holds.
  for (int i = 0; i < 3; ++i) {
    std::string q;
    for (int k = 0; k < 40; ++k) q += randomName(rng) + " ";
    queries.push_back(q);
  }
  for (int i = 0; i < 150; ++i) {
    // Variations of listed names: reordered, re-cased, misspelled, with other legal forms.
    const auto& base = names[static_cast<std::size_t>(rng.below((int)names.size()))].name;
    auto words = tokens(base);
    std::string q;
    for (std::size_t k = 0; k < words.size(); ++k) {
      const auto& w = words[words.size() - 1 - k];
      q += (k ? " " : "") + (rng.chance(40) ? mutate(w, rng) : w);
    }
    if (rng.chance(50)) q += " " + rng.pick(kLegal);
    queries.push_back(q);
  }

  int nonEmpty = 0;
  int fuzzyHits = 0;
  for (const auto& q : queries) {
    const auto all = bruteForce(names, q);
    for (const int minScore : {-1, 1, 30, 60, 74, 75, 84, 85, 90, 99, 100}) {
      const auto expected = atLeast(all, minScore);
      const auto actual = index.match(q, minScore);
      INFO("query: " << q << " minScore: " << minScore);
      INFO("expected: " << describe(expected));
      INFO("actual:   " << describe(actual));
      REQUIRE(actual == expected);
      nonEmpty += !actual.empty();
      for (const auto& h : actual) fuzzyHits += (!h.exact && h.score >= kReviewThreshold);
    }
  }
  // Guard against a generator that silently stops exercising the interesting paths.
  CHECK(nonEmpty > 300);
  CHECK(fuzzyHits > 20);
}

TEST_CASE("NameIndex: copies are independent and queries are thread-safe", "[screening]") {
  Rng rng(7);
  const auto names = randomList(rng, 100);
  std::vector<std::string> queries;
  for (int i = 0; i < 100; ++i) queries.push_back(randomName(rng));

  std::vector<std::vector<Hit>> expected;
  NameIndex copy;
  {
    const NameIndex original = buildIndex(names);
    for (const auto& q : queries) expected.push_back(original.match(q, 60));
    copy = original; // the original's vocabulary dies here
  }
  std::vector<int> mismatches(4, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 5; ++round)
        for (std::size_t i = 0; i < queries.size(); ++i)
          mismatches[t] += copy.match(queries[i], 60) != expected[i];
    });
  }
  for (auto& th : threads) th.join();
  for (const int m : mismatches) CHECK(m == 0);
}
