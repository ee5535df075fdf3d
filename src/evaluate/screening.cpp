// Restricted-party name screening.
//
// Normalisation
//   Names are reduced to an order-insensitive key: lower-case, Latin diacritics folded to ASCII
//   (é->e, ß->ss, ǚ->u, Vietnamese tone marks, ...), Cyrillic and Greek lower-cased, fullwidth
//   ASCII mapped to ASCII, punctuation and symbols turned into spaces, legal-form words dropped,
//   remaining tokens sorted and joined with single spaces. Two refinements over "punctuation
//   becomes a space", both needed for real list data:
//     * apostrophes are removed without splitting ("Moody's" -> "moodys"), and
//     * single letters joined by single dots are one word ("S.A." -> "sa", "U.S.A." -> "usa"),
//       so dotted legal forms are recognised and dropped.
//   CJK legal forms are written without spaces, so they are stripped as token suffixes
//   ("华为技术有限公司" -> "华为技术"); 集团 ("group") is part of the name and stays.
//
// Scoring (score(), NameIndex::match())
//   * Exact: identical non-empty keys score 100. Nothing else does.
//   * Otherwise the tokens of both names are paired up: first equal tokens, then, among the
//     rest, tokens with the same first letter whose Jaro-Winkler similarity is >= 0.92 (both
//     ASCII, 4..64 characters),
//     greedily by similarity. Non-ASCII tokens (CJK, Cyrillic) only pair when equal.
//   * Each token weighs 1.0, or 0.2 if it is a generic word ("technology", "group", "china",
//     ...: words that say nothing about which company is meant). With W the sum of the weights
//     of both names' tokens and M the sum of the weights of the paired tokens (both sides),
//     score = round(100 * M / W), i.e. 2 * matched weight / (weight a + weight b) when paired
//     tokens weigh the same. Weights are kept as integers (1 and 5) so the score is exact and
//     symmetric.
//   * Non-exact scores are capped at 99. A match with no pair of two non-generic tokens is
//     capped at kReviewThreshold - 1: names sharing only generic words ("China Technology
//     Group" vs "China Data Group") are never reported, however many generic words they share.
//   * Symmetry: Jaro-Winkler is evaluated with its arguments in a canonical order and ties in
//     the greedy pairing are broken by the token texts only, so score(a, b) == score(b, a).
//
// Index
//   An inverted index from token to the names holding it. Because of the generic cap, a name
//   can only reach kReviewThreshold by an exact key (looked up by hash) or by a pair of
//   non-generic tokens, so for minScore >= kReviewThreshold only those names are scored: the
//   postings of the query's non-generic tokens and of vocabulary tokens within Jaro-Winkler
//   reach of them. The vocabulary scan for fuzzy neighbours is restricted to a length window and
//   pruned with a letter-mask bound before any Jaro-Winkler is computed. Lower thresholds also
//   follow generic tokens, which is slower but still exact.
//   Each candidate name remembers which query tokens reached it. Before its tokens are paired,
//   a bound counts only those tokens (and what the others could still pair with unseen: a
//   name's generic words), so a name that shares one word with a query of three is skipped.
//   The same bound decides which query tokens need not be followed at all: when the names that
//   only the most common query tokens reach cannot score enough, their long posting lists are
//   left alone. Equal tokens are paired by vocabulary id. None of this changes a score.

#include "evaluate/screening.hpp"
#include "util/utf8.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cctype>
#include <mutex>
#include <span>
#include <stdexcept>
#include <tuple>

namespace borderline::screening {
namespace {

using detail::Token;

// ---------------------------------------------------------------------------------------------
// Character folding

constexpr char32_t kInvalidUtf8 = 0xFFFFFFFF;

// Decodes the code point at s[i] and advances i. Malformed input (truncated, overlong,
// surrogates, > U+10FFFF) consumes a single byte and yields kInvalidUtf8.
char32_t decodeUtf8(std::string_view s, std::size_t& i) {
  const auto lead = static_cast<unsigned char>(s[i]);
  if (lead < 0x80) {
    ++i;
    return lead;
  }
  std::size_t length = 0;
  char32_t cp = 0;
  char32_t smallest = 0;
  if ((lead & 0xE0) == 0xC0) {
    length = 2, cp = lead & 0x1F, smallest = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3, cp = lead & 0x0F, smallest = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4, cp = lead & 0x07, smallest = 0x10000;
  } else {
    ++i;
    return kInvalidUtf8;
  }
  if (s.size() - i < length) {
    ++i;
    return kInvalidUtf8;
  }
  for (std::size_t k = 1; k < length; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) {
      ++i;
      return kInvalidUtf8;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < smallest || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    ++i;
    return kInvalidUtf8;
  }
  i += length;
  return cp;
}

struct Fold {
  char32_t first;
  char32_t last;
  std::string_view ascii;
};

// Latin letters with diacritics and their ASCII base letters, sorted by code point. Covers
// Latin-1, Latin Extended-A, pinyin tone marks, Romanian comma letters and Vietnamese.
constexpr Fold kFolds[] = {
    {0x00C0, 0x00C5, "a"},  {0x00C6, 0x00C6, "ae"}, {0x00C7, 0x00C7, "c"},  {0x00C8, 0x00CB, "e"},
    {0x00CC, 0x00CF, "i"},  {0x00D0, 0x00D0, "d"},  {0x00D1, 0x00D1, "n"},  {0x00D2, 0x00D6, "o"},
    {0x00D8, 0x00D8, "o"},  {0x00D9, 0x00DC, "u"},  {0x00DD, 0x00DD, "y"},  {0x00DE, 0x00DE, "th"},
    {0x00DF, 0x00DF, "ss"}, {0x00E0, 0x00E5, "a"},  {0x00E6, 0x00E6, "ae"}, {0x00E7, 0x00E7, "c"},
    {0x00E8, 0x00EB, "e"},  {0x00EC, 0x00EF, "i"},  {0x00F0, 0x00F0, "d"},  {0x00F1, 0x00F1, "n"},
    {0x00F2, 0x00F6, "o"},  {0x00F8, 0x00F8, "o"},  {0x00F9, 0x00FC, "u"},  {0x00FD, 0x00FD, "y"},
    {0x00FE, 0x00FE, "th"}, {0x00FF, 0x00FF, "y"},  {0x0100, 0x0105, "a"},  {0x0106, 0x010D, "c"},
    {0x010E, 0x0111, "d"},  {0x0112, 0x011B, "e"},  {0x011C, 0x0123, "g"},  {0x0124, 0x0127, "h"},
    {0x0128, 0x0131, "i"},  {0x0132, 0x0133, "ij"}, {0x0134, 0x0135, "j"},  {0x0136, 0x0138, "k"},
    {0x0139, 0x0142, "l"},  {0x0143, 0x014B, "n"},  {0x014C, 0x0151, "o"},  {0x0152, 0x0153, "oe"},
    {0x0154, 0x0159, "r"},  {0x015A, 0x0161, "s"},  {0x0162, 0x0167, "t"},  {0x0168, 0x0173, "u"},
    {0x0174, 0x0175, "w"},  {0x0176, 0x0178, "y"},  {0x0179, 0x017E, "z"},  {0x017F, 0x017F, "s"},
    {0x01A0, 0x01A1, "o"},  {0x01AF, 0x01B0, "u"},  {0x01CD, 0x01CE, "a"},  {0x01CF, 0x01D0, "i"},
    {0x01D1, 0x01D2, "o"},  {0x01D3, 0x01DC, "u"},  {0x0218, 0x0219, "s"},  {0x021A, 0x021B, "t"},
    {0x1E9E, 0x1E9E, "ss"}, {0x1EA0, 0x1EB7, "a"},  {0x1EB8, 0x1EC7, "e"},  {0x1EC8, 0x1ECB, "i"},
    {0x1ECC, 0x1EE3, "o"},  {0x1EE4, 0x1EF1, "u"},  {0x1EF2, 0x1EF9, "y"},
};
static_assert(std::is_sorted(std::begin(kFolds), std::end(kFolds),
                             [](const Fold& a, const Fold& b) { return a.last < b.first; }));

std::string_view foldLatin(char32_t cp) {
  const auto it = std::lower_bound(std::begin(kFolds), std::end(kFolds), cp,
                                   [](const Fold& f, char32_t c) { return f.last < c; });
  return it != std::end(kFolds) && it->first <= cp ? it->ascii : std::string_view{};
}

// Non-ASCII punctuation, symbols and invisible characters that separate words.
bool isSeparator(char32_t cp) {
  return (cp >= 0x0080 && cp <= 0x00BF) || // C1 controls, NBSP, « » © ° · ...
         cp == 0x00D7 || cp == 0x00F7 ||   // × ÷
         (cp >= 0x2000 && cp <= 0x2BFF) || // general punctuation, symbols, arrows, math
         (cp >= 0x3000 && cp <= 0x303F) || // CJK punctuation: 、。「」（ideographic space）
         (cp >= 0xE000 && cp <= 0xF8FF) || // private use
         (cp >= 0xFE10 && cp <= 0xFE1F) || // vertical forms
         (cp >= 0xFE30 && cp <= 0xFE6F) || // CJK compatibility and small forms
         cp == 0xFEFF ||                   // byte order mark
         (cp >= 0xFF5F && cp <= 0xFF65) || // halfwidth CJK punctuation
         (cp >= 0x1F000 && cp <= 0x1FAFF); // emoji and pictographs
}

// Characters that vanish without splitting a word: apostrophes, soft hyphen, combining marks
// (decomposed diacritics: "e\u0301" folds like "é").
bool isIgnorable(char32_t cp) {
  return cp == '\'' || cp == 0x00AD || cp == 0x02BC || cp == 0x2018 || cp == 0x2019 ||
         (cp >= 0x0300 && cp <= 0x036F);
}

char32_t toLowerNonLatin(char32_t cp) {
  if (cp >= 0x0410 && cp <= 0x042F) // Cyrillic А-Я
    return cp + 0x20;
  if (cp >= 0x0400 && cp <= 0x040F) // Cyrillic Ѐ-Џ (Ё, Ђ, Є, ...)
    return cp + 0x50;
  if (cp >= 0x0391 && cp <= 0x03A9 && cp != 0x03A2) // Greek Α-Ω
    return cp + 0x20;
  return cp;
}

// ---------------------------------------------------------------------------------------------
// Tokenisation

struct RawToken {
  std::string text;
  int chars = 0;          // source characters, to spot single letters
  bool dotBefore = false; // separated from the previous token by exactly "."
};

// Collects words from a stream of classified characters, remembering which words were
// separated by a lone dot so that "S.A." can be joined afterwards.
class Splitter {
public:
  void letter(std::string_view ascii) {
    begin();
    current_.text += ascii;
    ++current_.chars;
  }
  void letter(char32_t cp) {
    begin();
    appendUtf8(current_.text, cp);
    ++current_.chars;
  }
  void separator(bool dot) {
    flush();
    if (dot)
      ++dots_;
    else
      otherSeparator_ = true;
  }
  std::vector<RawToken> finish() {
    flush();
    return std::move(tokens_);
  }

private:
  void begin() {
    if (current_.chars > 0) return;
    current_.dotBefore = !tokens_.empty() && dots_ == 1 && !otherSeparator_;
    dots_ = 0;
    otherSeparator_ = false;
  }
  void flush() {
    if (current_.chars == 0) return;
    tokens_.push_back(std::move(current_));
    current_ = RawToken{};
  }

  std::vector<RawToken> tokens_;
  RawToken current_;
  int dots_ = 0;
  bool otherSeparator_ = false;
};

void feedAscii(Splitter& out, char c) {
  if (c >= 'A' && c <= 'Z')
    out.letter(static_cast<char32_t>(c - 'A' + 'a'));
  else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
    out.letter(static_cast<char32_t>(c));
  else if (c == '\'')
    return;
  else
    out.separator(c == '.');
}

void feed(Splitter& out, char32_t cp) {
  if (cp < 0x80) {
    feedAscii(out, static_cast<char>(cp));
  } else if (cp >= 0xFF01 && cp <= 0xFF5E) { // fullwidth ASCII: ＡＢＣ，（）
    feedAscii(out, static_cast<char>(cp - 0xFEE0));
  } else if (isIgnorable(cp)) { // before isSeparator(), which covers U+2019
    return;
  } else if (cp == kInvalidUtf8 || isSeparator(cp)) {
    out.separator(false);
  } else if (const auto ascii = foldLatin(cp); !ascii.empty()) {
    out.letter(ascii);
  } else {
    out.letter(toLowerNonLatin(cp));
  }
}

// Sorted; compared after folding, so "S.A." arrives here as "sa" and "ООО" as "ооо". The
// Cyrillic entries are the Russian forms ZAO, OAO, OOO and PAO.
constexpr std::string_view kLegalForms[] = {
    "ag",   "bhd",          "bv",  "cjsc", "co",  "company", "corp", "corporation", "gmbh",
    "inc",  "incorporated", "jsc", "kft",  "kk",  "limited", "llc",  "llp",         "ltd",
    "ltda", "nv",           "oao", "ojsc", "ooo", "oyj",     "pao",  "pjsc",        "plc",
    "pte",  "pty",          "sa",  "sarl", "sas", "sdn",     "spa",  "srl",         "sro",
    "tbk",  "ulc",          "zao", "zrt",  "зао", "оао",     "ооо",  "пао",
};
static_assert(std::is_sorted(std::begin(kLegalForms), std::end(kLegalForms)));
// In bytes; a longer word is no legal form.
constexpr std::size_t kLongestLegalForm = [] {
  std::size_t longest = 0;
  for (const auto form : kLegalForms) longest = std::max(longest, form.size());
  return longest;
}();

// Chinese and Japanese legal forms, attached to the name without a space. Longest first.
constexpr std::string_view kCjkLegalSuffixes[] = {"股份有限公司", "有限责任公司", "有限責任公司",
                                                  "有限公司",     "株式会社",     "有限会社"};
constexpr std::string_view kCjkLegalPrefixes[] = {"株式会社", "有限会社"};

bool isLegalForm(std::string_view word) {
  return std::binary_search(std::begin(kLegalForms), std::end(kLegalForms), word);
}

void stripCjkLegalForms(std::string& word) {
  for (const auto suffix : kCjkLegalSuffixes) {
    if (word.ends_with(suffix)) {
      word.resize(word.size() - suffix.size());
      break;
    }
  }
  for (const auto prefix : kCjkLegalPrefixes) {
    if (word.starts_with(prefix)) {
      word.erase(0, prefix.size());
      break;
    }
  }
}

std::vector<std::string> normalizedTokens(std::string_view name) {
  Splitter splitter;
  for (std::size_t i = 0; i < name.size();) feed(splitter, decodeUtf8(name, i));
  auto raw = splitter.finish();

  std::vector<std::string> words;
  words.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size(); ++i) {
    std::string word = std::move(raw[i].text);
    // Join runs of dotted single letters: "s.a." -> "sa", "u.s.a" -> "usa".
    while (raw[i].chars == 1 && i + 1 < raw.size() && raw[i + 1].chars == 1 && raw[i + 1].dotBefore)
      word += raw[++i].text;
    stripCjkLegalForms(word);
    if (!word.empty() && !isLegalForm(word)) words.push_back(std::move(word));
  }
  std::sort(words.begin(), words.end());
  return words;
}

std::string joinKey(const std::vector<std::string>& words) {
  std::string key;
  for (const auto& w : words) {
    if (!key.empty()) key += ' ';
    key += w;
  }
  return key;
}

// ---------------------------------------------------------------------------------------------
// Token similarity

// Sorted. Words that occur in so many company names that sharing them proves nothing.
constexpr std::string_view kGenericWords[] = {
    "ai",          "beijing",    "china",       "cloud",        "computing",     "data",
    "development", "digital",    "electronics", "global",       "group",         "holdings",
    "hong",        "industries", "information", "intelligence", "intelligent",   "international",
    "investment",  "kong",       "network",     "science",      "semiconductor", "services",
    "shanghai",    "shenzhen",   "solutions",   "systems",      "tech",          "technologies",
    "technology",  "trading",
};
static_assert(std::is_sorted(std::begin(kGenericWords), std::end(kGenericWords)));

// Weights 0.2 and 1.0 of the design, scaled by 5 to keep the arithmetic exact.
constexpr int kGenericWeight = 1;
constexpr int kDistinctWeight = 5;
constexpr double kFuzzyThreshold = 0.92;
constexpr int kMinFuzzyLength = 4;
constexpr int kMaxFuzzyLength = 64; // Jaro-Winkler match flags live in 64-bit masks
constexpr int kGenericCap = kReviewThreshold - 1;

int weightOf(const Token& t) {
  return t.generic ? kGenericWeight : kDistinctWeight;
}

Token describe(std::string_view text) {
  Token t{text, 0, static_cast<int>(text.size()), false, false};
  t.generic = std::binary_search(std::begin(kGenericWords), std::end(kGenericWords), text);
  bool ascii = true;
  for (const char c : text) {
    if (c >= 'a' && c <= 'z')
      t.charMask |= std::uint64_t{1} << (c - 'a');
    else if (c >= '0' && c <= '9')
      t.charMask |= std::uint64_t{1} << (26 + c - '0');
    else
      ascii = false;
  }
  t.fuzzy = ascii && t.length >= kMinFuzzyLength && t.length <= kMaxFuzzyLength;
  return t;
}

std::vector<Token> describeAll(const std::vector<std::string>& words) {
  std::vector<Token> out;
  out.reserve(words.size());
  for (const auto& w : words) out.push_back(describe(w));
  return out;
}

int commonPrefix(std::string_view a, std::string_view b) {
  int n = 0;
  while (n < 4 && n < static_cast<int>(a.size()) && n < static_cast<int>(b.size()) && a[n] == b[n])
    ++n;
  return n;
}

// Standard Jaro-Winkler (prefix scale 0.1, prefix up to 4) for strings of at most 64 bytes.
// Jaro's greedy matching is not quite symmetric, so callers pass the arguments ordered.
double jaroWinkler(std::string_view s1, std::string_view s2) {
  const int l1 = static_cast<int>(s1.size());
  const int l2 = static_cast<int>(s2.size());
  if (l1 == 0 || l2 == 0) return 0.0;
  const int window = std::max(0, std::max(l1, l2) / 2 - 1);
  std::uint64_t matched1 = 0;
  std::uint64_t matched2 = 0;
  int m = 0;
  for (int i = 0; i < l1; ++i) {
    const int hi = std::min(l2 - 1, i + window);
    for (int j = std::max(0, i - window); j <= hi; ++j) {
      if (!((matched2 >> j) & 1) && s1[i] == s2[j]) {
        matched1 |= std::uint64_t{1} << i;
        matched2 |= std::uint64_t{1} << j;
        ++m;
        break;
      }
    }
  }
  if (m == 0) return 0.0;
  int halfTranspositions = 0;
  for (int i = 0, j = 0; i < l1; ++i) {
    if (!((matched1 >> i) & 1)) continue;
    while (!((matched2 >> j) & 1)) ++j;
    if (s1[i] != s2[j]) ++halfTranspositions;
    ++j;
  }
  const double md = m;
  const double jaro = (md / l1 + md / l2 + (md - halfTranspositions / 2.0) / md) / 3.0;
  return jaro + commonPrefix(s1, s2) * 0.1 * (1.0 - jaro);
}

double similarity(std::string_view a, std::string_view b) {
  return a < b ? jaroWinkler(a, b) : jaroWinkler(b, a);
}

// An upper bound of similarity() from lengths, letter sets and prefix alone. Used to skip most
// of the vocabulary before computing Jaro-Winkler.
double similarityBound(const Token& a, const Token& b) {
  // Characters whose letter is absent from the other string can never be matched.
  const int m = std::min(a.length - std::popcount(a.charMask & ~b.charMask),
                         b.length - std::popcount(b.charMask & ~a.charMask));
  if (m <= 0) return 0.0;
  const double jaro =
      (static_cast<double>(m) / a.length + static_cast<double>(m) / b.length + 1.0) / 3.0;
  return jaro + commonPrefix(a.text, b.text) * 0.1 * (1.0 - jaro);
}

// The fewest matching characters with which similarityBound() of tokens of lengths a and b
// can reach the threshold, taking the longest prefix (4) for granted. Computed with more
// slack than similarityBound()'s epsilon, so it never rejects a pair that bound accepts.
constexpr int fewestMatches(int a, int b) {
  int m = std::min(a, b);
  while (m > 0) {
    const double jaro =
        (static_cast<double>(m - 1) / a + static_cast<double>(m - 1) / b + 1.0) / 3.0;
    if (jaro + 4 * 0.1 * (1.0 - jaro) < kFuzzyThreshold - 1e-6) break;
    --m;
  }
  return m;
}

// Whether `bits` has at most `n` bits set (n < 0: never), without a popcount instruction,
// which x86-64 compilers only emit with -mpopcnt: clearing the lowest set bit n times.
constexpr bool atMostBits(std::uint64_t bits, int n) {
  for (; n > 0 && bits; --n) bits &= bits - 1;
  return n >= 0 && bits == 0;
}

bool lengthsCompatible(int a, int b) {
  // Jaro <= (2 + shorter/longer) / 3 and Jaro-Winkler <= 0.4 + 0.6 * Jaro, so reaching 0.92
  // needs shorter/longer >= 0.6.
  return 5 * std::min(a, b) >= 3 * std::max(a, b);
}

// Whether the letter sets of two fuzzy tokens leave enough matches for similarityBound() to
// reach the threshold (a necessary condition, from masks and lengths only: cheaper than
// reading the texts). fewestMatches() is tabulated for all pairs of fuzzy lengths.
constexpr auto kFewestMatches = [] {
  std::array<std::array<std::int8_t, kMaxFuzzyLength + 1>, kMaxFuzzyLength + 1> table{};
  for (int x = 1; x <= kMaxFuzzyLength; ++x)
    for (int y = 1; y <= kMaxFuzzyLength; ++y)
      table[x][y] = static_cast<std::int8_t>(fewestMatches(x, y));
  return table;
}();

bool lettersCompatible(const Token& a, const Token& b) {
  const int m = kFewestMatches[a.length][b.length];
  return atMostBits(a.charMask & ~b.charMask, a.length - m) &&
         atMostBits(b.charMask & ~a.charMask, b.length - m);
}

// Fuzzy pairs also share their first letter: misspellings and transliteration variants of a
// name almost always keep it (Mohammed / Muhammad, Huawei / Huawai), and it lets the index
// look only at the vocabulary bucket of that letter (about 1/20 of it) for a query token.
bool fuzzyCompatible(const Token& a, const Token& b) {
  return a.text[0] == b.text[0] && lengthsCompatible(a.length, b.length);
}

// Index of the (first letter, length) bucket of fuzzy-eligible tokens.
std::size_t bucketOf(char first, int length) {
  return static_cast<std::size_t>(static_cast<unsigned char>(first)) * (kMaxFuzzyLength + 1) +
         static_cast<std::size_t>(length);
}
constexpr std::size_t kBuckets = 256 * (kMaxFuzzyLength + 1);

struct FuzzyPair {
  double similarity;
  int weight;
  std::string_view low; // the two texts in canonical order, for symmetric tie-breaking
  std::string_view high;
  std::uint32_t a;
  std::uint32_t b;
};

// Per-call working memory, reused across the candidates of one match() call.
struct Scratch {
  std::vector<char> usedA;
  std::vector<char> usedB;
  std::vector<FuzzyPair> pairs;
};

// The vocabulary ids of both token lists, when both have them (NameIndex::match): equal tokens
// are then found by comparing integers instead of texts. A query token that is not in the
// vocabulary has id -1 and equals no name token.
struct TokenIds {
  std::span<const int> a;
  std::span<const int> b;
};

bool sameTokens(std::span<const Token> a, std::span<const Token> b, const TokenIds* ids) {
  if (ids) return std::equal(ids->a.begin(), ids->a.end(), ids->b.begin(), ids->b.end());
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [](const Token& x, const Token& y) { return x.text == y.text; });
}

// The score of two token lists, each sorted by text. See the design notes at the top.
int scoreTokens(std::span<const Token> a, std::span<const Token> b, Scratch& scratch,
                const TokenIds* ids = nullptr) {
  if (a.empty() || b.empty()) return 0;
  if (sameTokens(a, b, ids)) return 100;

  int total = 0;
  for (const auto& t : a) total += weightOf(t);
  for (const auto& t : b) total += weightOf(t);

  auto& usedA = scratch.usedA;
  auto& usedB = scratch.usedB;
  usedA.assign(a.size(), 0);
  usedB.assign(b.size(), 0);
  int matched = 0;
  bool distinctive = false;
  auto pairEqual = [&](std::size_t i, std::size_t j) {
    usedA[i] = usedB[j] = 1;
    matched += weightOf(a[i]) + weightOf(b[j]);
    distinctive = distinctive || !a[i].generic;
  };

  // Equal tokens: by id, each with the first unpaired equal one (names have a few tokens), or
  // a merge of the two sorted lists. Both pair the same tokens.
  if (ids) {
    for (std::size_t i = 0; i < a.size(); ++i) {
      if (ids->a[i] < 0) continue;
      for (std::size_t j = 0; j < b.size(); ++j)
        if (!usedB[j] && ids->b[j] == ids->a[i]) {
          pairEqual(i, j);
          break;
        }
    }
  } else {
    for (std::size_t i = 0, j = 0; i < a.size() && j < b.size();) {
      if (a[i].text < b[j].text) {
        ++i;
      } else if (b[j].text < a[i].text) {
        ++j;
      } else {
        pairEqual(i++, j++);
      }
    }
  }

  // Similar tokens among the rest, most similar first.
  auto& pairs = scratch.pairs;
  pairs.clear();
  for (std::uint32_t i = 0; i < a.size(); ++i) {
    if (usedA[i] || !a[i].fuzzy) continue;
    for (std::uint32_t j = 0; j < b.size(); ++j) {
      if (usedB[j] || !b[j].fuzzy || !lengthsCompatible(a[i].length, b[j].length) ||
          !lettersCompatible(a[i], b[j]) || !fuzzyCompatible(a[i], b[j]))
        continue;
      const double sim = similarity(a[i].text, b[j].text);
      if (sim >= kFuzzyThreshold) {
        const auto [low, high] = std::minmax(a[i].text, b[j].text);
        pairs.push_back({sim, weightOf(a[i]) + weightOf(b[j]), low, high, i, j});
      }
    }
  }
  std::sort(pairs.begin(), pairs.end(), [](const FuzzyPair& x, const FuzzyPair& y) {
    if (x.similarity != y.similarity) return x.similarity > y.similarity;
    if (x.weight != y.weight) return x.weight > y.weight;
    return std::tie(x.low, x.high) < std::tie(y.low, y.high);
  });
  for (const auto& p : pairs) {
    if (usedA[p.a] || usedB[p.b]) continue;
    usedA[p.a] = usedB[p.b] = 1;
    matched += p.weight;
    distinctive = distinctive || (!a[p.a].generic && !b[p.b].generic);
  }

  int result = (200 * matched + total) / (2 * total); // round(100 * matched / total)
  result = std::min(result, 99);
  if (!distinctive) result = std::min(result, kGenericCap);
  return result;
}

// round(100 * part / total), as scoreTokens() rounds.
int percent(int part, int total) {
  return (200 * part + total) / (2 * total);
}

// Which query tokens reached which candidate names, for one match() call: bit k of a name's
// mask is set when query token k (k < kReachBits) holds a posting of the name, directly or
// through a fuzzy neighbour; kExactBit marks a name with the query's exact key. Dense arrays
// over all names with a stamp per call, so nothing is cleared or sorted between calls. One
// per thread (match() is called from many threads at once).
constexpr int kReachBits = 62;
constexpr std::uint64_t kExactBit = std::uint64_t{1} << 63;

// What a query token can add to a candidate's score without having reached it, which the
// bound in match() needs: with minScore above the generic cap only postings of distinctive
// tokens are followed, so a token can still pair with a name's generic words (or, when the
// token is generic itself, with distinctive words it is similar to) that it did not reach.
struct Unreached {
  int partner = 0;     // largest weight of such a partner, whatever the name
  int genericOnly = 0; // else the weight of a generic partner, when the name has generic words
  // Counted as if it reached every candidate: past kReachBits (its postings are followed but
  // leave no bit), or skipped (its postings are not followed: the names it reaches cannot
  // score enough through it alone).
  bool untracked = false;
  bool skipped = false;
  bool always() const { return untracked || skipped; }
  std::uint32_t firstId = 0, endId = 0; // the vocabulary tokens it follows, in Reach::ids
  std::size_t postings = 0;             // how many postings they have
};

struct Reach {
  std::vector<Unreached> tokens;  // by query token
  std::vector<int> queryIds;      // vocabulary id of each query token, or -1
  std::vector<int> ids;           // vocabulary tokens to follow, by query token
  std::vector<std::size_t> order; // query tokens, most postings first
  int minScore = 1;               // of the match() call, set before collectCandidates()
  // By name; side by side, so that reaching a name touches one cache line, not two.
  struct Slot {
    std::uint64_t mask = 0;
    std::uint32_t stamp = 0;
  };
  std::vector<Slot> slots;
  std::uint32_t now = 0;

  void start(std::size_t names) {
    if (slots.size() < names) slots.resize(names);
    if (++now == 0) { // wrapped: stamps of old calls could look current
      for (auto& slot : slots) slot.stamp = 0;
      now = 1;
    }
  }
  void add(std::uint32_t name, std::uint64_t bits, std::vector<std::uint32_t>& touched) {
    Slot& slot = slots[name];
    if (slot.stamp != now) {
      slot.stamp = now;
      slot.mask = 0;
      touched.push_back(name);
    }
    slot.mask |= bits;
  }
  std::uint64_t mask(std::uint32_t name) const { return slots[name].mask; }
};
thread_local Reach tlsReach;

// How many places ahead the loops over postings and candidates prefetch: far enough to hide
// a miss to memory, near enough that the line is still cached when its turn comes. Scoring a
// name takes longer than testing its bound, so fewer names ahead suffice there.
constexpr std::size_t kLookAhead = 8;
constexpr std::size_t kScoreLookAhead = 2;

std::uint64_t reachBit(std::size_t queryToken) {
  return queryToken < kReachBits ? std::uint64_t{1} << queryToken : 0;
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Public functions

std::string normalize(std::string_view name) {
  return joinKey(normalizedTokens(name));
}

std::vector<std::string> tokens(std::string_view name) {
  return normalizedTokens(name);
}

bool hasScreenableName(std::string_view name) {
  const auto alnum = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  };
  // A word that normalizedTokens() keeps as it is: ASCII letters and digits between ASCII
  // separators (not an apostrophe, which joins words; not a non-ASCII character, which may be a
  // letter), two or more of them (single letters join across dots) and not a legal form.
  const auto plainSeparator = [&](std::size_t i) {
    if (i >= name.size()) return true;
    const auto c = static_cast<unsigned char>(name[i]);
    return c < 0x80 && c != '\'' && !alnum(name[i]);
  };
  for (std::size_t i = 0; i < name.size();) {
    if (!alnum(name[i])) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < name.size() && alnum(name[end])) ++end;
    const std::size_t length = end - i;
    if (length >= 2 && (i == 0 || plainSeparator(i - 1)) && plainSeparator(end)) {
      if (length > kLongestLegalForm) return true;
      char lower[kLongestLegalForm];
      for (std::size_t k = 0; k < length; ++k)
        lower[k] = static_cast<char>(name[i + k] | 0x20); // ASCII letters and digits only
      if (!isLegalForm(std::string_view(lower, length))) return true;
    }
    i = end;
  }
  return !normalizedTokens(name).empty();
}

int score(std::string_view a, std::string_view b) {
  const auto wordsA = normalizedTokens(a);
  const auto wordsB = normalizedTokens(b);
  Scratch scratch;
  return scoreTokens(describeAll(wordsA), describeAll(wordsB), scratch);
}

// ---------------------------------------------------------------------------------------------
// NameIndex

NameIndex::NameIndex(const NameIndex& other)
    : vocabulary_(other.vocabulary_), tokens_(other.tokens_), names_(other.names_),
      nameTokenIds_(other.nameTokenIds_), nameTokens_(other.nameTokens_),
      postingStart_(other.postingStart_), postings_(other.postings_),
      fuzzyByLength_(other.fuzzyByLength_), fuzzyMasks_(other.fuzzyMasks_),
      lengthStart_(other.lengthStart_), keyHashes_(other.keyHashes_), finished_(other.finished_),
      memo_(std::make_unique<NeighbourMemo>()) {
  relink();
}

NameIndex& NameIndex::operator=(const NameIndex& other) {
  if (this != &other) {
    NameIndex copy(other);
    *this = std::move(copy);
  }
  return *this;
}

// Points every token view at this object's own vocabulary keys (after a copy).
void NameIndex::relink() {
  for (const auto& [text, id] : vocabulary_) tokens_[id].text = text;
  for (std::size_t k = 0; k < nameTokens_.size(); ++k)
    nameTokens_[k].text = tokens_[nameTokenIds_[k]].text;
}

int NameIndex::intern(const std::string& text) {
  if (const auto it = vocabulary_.find(text); it != vocabulary_.end()) return it->second;
  const int id = static_cast<int>(tokens_.size());
  const auto it = vocabulary_.emplace(text, id).first;
  tokens_.push_back(describe(it->first));
  return id;
}

void NameIndex::add(int entry, int alias, std::string_view name) {
  finished_ = false;
  const auto words = normalizedTokens(name);
  if (words.empty()) return; // an empty key never matches anything
  Name record{entry,
              alias,
              static_cast<std::uint32_t>(nameTokenIds_.size()),
              static_cast<std::uint32_t>(words.size()),
              std::hash<std::string_view>{}(joinKey(words)),
              0};
  for (const auto& w : words) {
    const int id = intern(w);
    nameTokenIds_.push_back(id);
    nameTokens_.push_back(tokens_[id]);
    record.weight += weightOf(tokens_[id]);
  }
  names_.push_back(record);
}

void NameIndex::finish() {
  if (!memo_) memo_ = std::make_unique<NeighbourMemo>(); // moved-from and reused
  memo_->byText.clear();                                 // the vocabulary may have grown
  // Inverted index in compressed-row form; names are visited in order, so each posting list
  // comes out sorted. A name holding a token twice is listed once.
  postingStart_.assign(tokens_.size() + 1, 0);
  auto forEachDistinctToken = [this](const Name& n, auto&& f) {
    for (std::uint32_t k = 0; k < n.tokenCount; ++k) {
      const int id = nameTokenIds_[n.firstToken + k];
      if (k == 0 || nameTokenIds_[n.firstToken + k - 1] != id) f(id);
    }
  };
  for (const auto& n : names_) forEachDistinctToken(n, [this](int id) { ++postingStart_[id + 1]; });
  for (std::size_t t = 0; t < tokens_.size(); ++t) postingStart_[t + 1] += postingStart_[t];
  postings_.assign(postingStart_.back(), 0);
  std::vector<std::uint32_t> fill(postingStart_.begin(), postingStart_.end() - 1);
  for (std::uint32_t n = 0; n < names_.size(); ++n)
    forEachDistinctToken(names_[n], [&](int id) { postings_[fill[id]++] = n; });

  // Fuzzy-eligible vocabulary by length, so a query token only looks at compatible lengths.
  fuzzyByLength_.clear();
  for (std::size_t t = 0; t < tokens_.size(); ++t)
    if (tokens_[t].fuzzy) fuzzyByLength_.push_back(static_cast<int>(t));
  auto bucket = [this](int t) { return bucketOf(tokens_[t].text[0], tokens_[t].length); };
  std::stable_sort(fuzzyByLength_.begin(), fuzzyByLength_.end(),
                   [&](int x, int y) { return bucket(x) < bucket(y); });
  fuzzyMasks_.clear();
  for (const int t : fuzzyByLength_) fuzzyMasks_.push_back(tokens_[t].charMask);
  lengthStart_.assign(kBuckets + 1, 0);
  for (const int t : fuzzyByLength_) ++lengthStart_[bucket(t) + 1];
  for (std::size_t b = 0; b < kBuckets; ++b) lengthStart_[b + 1] += lengthStart_[b];

  keyHashes_.clear();
  keyHashes_.reserve(names_.size());
  for (std::uint32_t n = 0; n < names_.size(); ++n) keyHashes_.emplace_back(names_[n].keyHash, n);
  std::sort(keyHashes_.begin(), keyHashes_.end());

  finished_ = true;
}

namespace {

// One (first letter, length) bucket of the vocabulary: its tokens' letter masks back to back,
// and their ids in the same order.
struct Bucket {
  int length;
  const std::uint64_t* masks;
  const std::uint64_t* masksEnd;
  const int* ids;
};

// The scan of one bucket for the tokens within reach of q. The letter test reads only the
// bucket's masks; a token's text is read only when its letters leave enough matches. Compiled
// twice: with the popcnt instruction, used where the CPU has it, and without (std::popcount is
// then a libgcc call, so the test clears bits instead). Both accept the same tokens:
// atMostBits(x, n) is popcount(x) <= n, and the bound is similarityBound()'s arithmetic on the
// same counts.
template <bool kPopcnt>
[[gnu::always_inline]] inline void scanBucketBody(const Token& q, const Bucket& bucket,
                                                  const Token* tokens, std::vector<int>& out) {
  // lettersCompatible(): at most this many letters of each side may be absent from the other.
  const int fewest = kFewestMatches[q.length][bucket.length];
  const int spareQ = q.length - fewest;
  const int spareV = bucket.length - fewest;
  if (spareQ < 0 || spareV < 0) return;
  for (const std::uint64_t* mask = bucket.masks; mask != bucket.masksEnd; ++mask) {
    const std::uint64_t onlyQBits = q.charMask & ~*mask;
    const std::uint64_t onlyVBits = *mask & ~q.charMask;
    // A few bit operations on the mask reject most of the bucket; only then is the token
    // itself read, for the floating-point bound (exact arithmetic on the same quantities; the
    // epsilon only guards against rounding so that no pair that similarity() accepts is
    // skipped) and Jaro-Winkler.
    const int id = bucket.ids[mask - bucket.masks];
    if constexpr (kPopcnt) {
      const int onlyQ = std::popcount(onlyQBits);
      const int onlyV = std::popcount(onlyVBits);
      if (onlyQ > spareQ || onlyV > spareV) continue;
      const Token& v = tokens[id];
      const int m = std::min(q.length - onlyQ, v.length - onlyV);
      if (m <= 0) continue;
      const double jaro =
          (static_cast<double>(m) / q.length + static_cast<double>(m) / v.length + 1.0) / 3.0;
      if (jaro + commonPrefix(q.text, v.text) * 0.1 * (1.0 - jaro) < kFuzzyThreshold - 1e-9)
        continue;
    } else if (!atMostBits(onlyQBits, spareQ) || !atMostBits(onlyVBits, spareV) ||
               similarityBound(q, tokens[id]) < kFuzzyThreshold - 1e-9) {
      continue;
    }
    const std::string_view text = tokens[id].text;
    if (text == q.text) continue;
    if (similarity(q.text, text) >= kFuzzyThreshold) out.push_back(id);
  }
}

// x86 compilers emit the popcnt instruction only for a function that asks for it; other
// architectures (AArch64: cnt) have a population count in their base instruction set.
#if defined(__x86_64__) || defined(__i386__)
#define BORDERLINE_POPCNT_TARGET [[gnu::target("popcnt")]]
bool cpuHasPopcnt() {
  return __builtin_cpu_supports("popcnt");
}
#else
#define BORDERLINE_POPCNT_TARGET
bool cpuHasPopcnt() {
  return true;
}
#endif

BORDERLINE_POPCNT_TARGET void scanBucketPopcnt(const Token& q, const Bucket& bucket,
                                               const Token* tokens, std::vector<int>& out) {
  scanBucketBody<true>(q, bucket, tokens, out);
}

void scanBucketPortable(const Token& q, const Bucket& bucket, const Token* tokens,
                        std::vector<int>& out) {
  scanBucketBody<false>(q, bucket, tokens, out);
}

} // namespace

std::vector<int> NameIndex::scanNeighbours(const Token& q) const {
  static const bool popcnt = cpuHasPopcnt();
  std::vector<int> out;
  for (int len = kMinFuzzyLength; len <= kMaxFuzzyLength; ++len) {
    if (!lengthsCompatible(q.length, len)) continue;
    const std::size_t b = bucketOf(q.text[0], len);
    const Bucket bucket{len, fuzzyMasks_.data() + lengthStart_[b],
                        fuzzyMasks_.data() + lengthStart_[b + 1],
                        fuzzyByLength_.data() + lengthStart_[b]};
    if (popcnt)
      scanBucketPopcnt(q, bucket, tokens_.data(), out);
    else
      scanBucketPortable(q, bucket, tokens_.data(), out);
  }
  return out;
}

template <class F> void NameIndex::forEachNeighbour(const Token& q, F&& f) const {
  {
    std::shared_lock lock(memo_->mutex);
    if (const auto it = memo_->byText.find(q.text); it != memo_->byText.end()) {
      for (const int id : it->second) f(id);
      return;
    }
  }
  std::vector<int> found = scanNeighbours(q);
  for (const int id : found) f(id);
  std::unique_lock lock(memo_->mutex);
  if (memo_->byText.size() < kMaxMemoTokens)
    memo_->byText.emplace(std::string(q.text), std::move(found));
}

// Fills the calling thread's Reach: every candidate name (in `out`, each once, in no particular
// order) with the query tokens that reached it, and what each query token can add without.
// Reach::minScore must be set first.
void NameIndex::collectCandidates(const std::vector<Token>& query, std::size_t queryKeyHash,
                                  bool distinctiveOnly, std::vector<std::uint32_t>& out) const {
  Reach& reach = tlsReach;
  reach.start(names_.size());
  reach.tokens.assign(query.size(), Unreached{});
  // Exact keys, which matter for names made of generic words only.
  const auto sameKey = std::equal_range(
      keyHashes_.begin(), keyHashes_.end(), std::pair<std::size_t, std::uint32_t>{queryKeyHash, 0},
      [](const auto& x, const auto& y) { return x.first < y.first; });
  for (auto it = sameKey.first; it != sameKey.second; ++it) reach.add(it->second, kExactBit, out);

  // What each query token would follow: its own postings and those of its fuzzy neighbours.
  reach.ids.clear();
  reach.queryIds.assign(query.size(), -1);
  for (std::size_t i = 0; i < query.size(); ++i) {
    const Token& q = query[i];
    Unreached& unreached = reach.tokens[i];
    if (const auto it = vocabulary_.find(q.text); it != vocabulary_.end())
      reach.queryIds[i] = it->second;
    unreached.untracked = reachBit(i) == 0;
    unreached.firstId = static_cast<std::uint32_t>(reach.ids.size());
    if (distinctiveOnly && q.generic) {
      // Generic-only pairs cannot reach the threshold, so its postings are not followed; it
      // may still pair with a name's generic words, or with distinctive words similar to it.
      unreached.genericOnly = kGenericWeight;
      if (q.fuzzy)
        forEachNeighbour(q, [&](int id) {
          if (!tokens_[id].generic) unreached.partner = kDistinctWeight;
        });
    } else {
      if (reach.queryIds[i] >= 0) reach.ids.push_back(reach.queryIds[i]);
      if (q.fuzzy)
        forEachNeighbour(q, [&](int id) {
          if (distinctiveOnly && tokens_[id].generic)
            unreached.genericOnly = kGenericWeight;
          else
            reach.ids.push_back(id);
        });
    }
    unreached.endId = static_cast<std::uint32_t>(reach.ids.size());
    for (auto k = unreached.firstId; k < unreached.endId; ++k)
      unreached.postings += postingStart_[reach.ids[k] + 1] - postingStart_[reach.ids[k]];
  }

  // Tokens whose names cannot reach minScore through them alone need not be followed: a name
  // that only they reach is no hit. Most postings first, as long as that still holds.
  auto best = [&] { // the best score of a name reached by the always() tokens only
    int own = 0, partners = 0, weight = 0;
    for (std::size_t i = 0; i < query.size(); ++i) {
      const Unreached& u = reach.tokens[i];
      weight += weightOf(query[i]);
      const int partner = u.always() ? kDistinctWeight : std::max(u.partner, u.genericOnly);
      if (partner) own += weightOf(query[i]), partners += partner;
    }
    return percent(own + partners, weight + partners); // greatest when the name weighs `partners`
  };
  reach.order.clear();
  for (std::size_t i = 0; i < query.size(); ++i)
    if (!reach.tokens[i].always() && reach.tokens[i].postings) reach.order.push_back(i);
  std::stable_sort(reach.order.begin(), reach.order.end(), [&](std::size_t x, std::size_t y) {
    return reach.tokens[x].postings > reach.tokens[y].postings;
  });
  for (const std::size_t i : reach.order) {
    reach.tokens[i].skipped = true;
    if (best() >= reach.minScore) reach.tokens[i].skipped = false;
  }

  for (std::size_t i = 0; i < query.size(); ++i) {
    const Unreached& u = reach.tokens[i];
    if (u.skipped) continue;
    for (auto k = u.firstId; k < u.endId; ++k) {
      const int id = reach.ids[k];
      const std::uint32_t end = postingStart_[id + 1];
      for (auto p = postingStart_[id]; p < end; ++p) {
        // Postings point anywhere in the slots: fetch the slot of a later posting meanwhile.
        if (p + kLookAhead < end) __builtin_prefetch(&reach.slots[postings_[p + kLookAhead]]);
        reach.add(postings_[p], reachBit(i), out);
      }
    }
  }
}

std::vector<Hit> NameIndex::match(std::string_view query, int minScore) const {
  return matchKey(normalize(query), minScore);
}

std::vector<Hit> NameIndex::matchKey(std::string_view key, int minScore) const {
  if (!finished_) throw std::logic_error("screening::NameIndex::match called before finish()");
  minScore = std::max(minScore, 1); // score 0 means "no relation", never a hit
  if (key.empty()) return {};
  // The key's tokens are sorted and joined by single spaces, and no token holds a space.
  std::vector<Token> queryTokens;
  for (std::size_t start = 0; start <= key.size();) {
    const std::size_t end = std::min(key.find(' ', start), key.size());
    queryTokens.push_back(describe(key.substr(start, end - start)));
    start = end + 1;
  }

  std::vector<std::uint32_t> candidates;
  tlsReach.minScore = minScore;
  collectCandidates(queryTokens, std::hash<std::string_view>{}(key), minScore > kGenericCap,
                    candidates);

  const Reach& reach = tlsReach;
  int queryWeight = 0;
  std::uint64_t distinctiveBits = 0;
  for (std::size_t i = 0; i < queryTokens.size(); ++i) {
    queryWeight += weightOf(queryTokens[i]);
    if (!queryTokens[i].generic) distinctiveBits |= reachBit(i);
  }
  // Above the generic cap a score needs a pair of distinctive tokens, which only a distinctive
  // query token that reached the name can make (tokens past kReachBits are not tracked).
  const bool needDistinctive = minScore > kGenericCap && queryTokens.size() <= kReachBits;

  // Candidates sit anywhere in the index, so reading their records is mostly waiting for
  // memory: both loops fetch the records of a candidate a few places ahead meanwhile.
  std::vector<std::uint32_t> survivors; // candidates that the bound does not rule out
  survivors.reserve(candidates.size());
  for (std::size_t k = 0; k < candidates.size(); ++k) {
    if (k + kLookAhead < candidates.size()) {
      __builtin_prefetch(&names_[candidates[k + kLookAhead]]);
      __builtin_prefetch(&reach.slots[candidates[k + kLookAhead]]);
    }
    const auto n = candidates[k];
    const Name& name = names_[n];
    const std::uint64_t bits = reach.mask(n);
    if (!(bits & kExactBit)) {
      if (needDistinctive && !(bits & distinctiveBits)) continue;
      // Upper bound of scoreTokens() from the query tokens that can pair with this name: each
      // adds its own weight and at most its partner's, and the partners together weigh at
      // most the name's weight. Names that share one word with a longer query are skipped
      // without pairing their tokens; the result is the same.
      const int nameGeneric = (kDistinctWeight * static_cast<int>(name.tokenCount) - name.weight) /
                              (kDistinctWeight - kGenericWeight);
      int own = 0;
      int partners = 0;
      for (std::size_t i = 0; i < queryTokens.size(); ++i) {
        const Unreached& u = reach.tokens[i];
        int partner = 0;
        if (u.always() || (bits & reachBit(i)))
          partner = kDistinctWeight;
        else if (u.partner)
          partner = u.partner;
        else if (nameGeneric > 0)
          partner = u.genericOnly;
        if (partner == 0) continue;
        own += weightOf(queryTokens[i]);
        partners += partner;
      }
      if (percent(own + std::min(name.weight, partners), queryWeight + name.weight) < minScore)
        continue;
    }
    survivors.push_back(n);
  }

  std::vector<Hit> hits;
  Scratch scratch;
  for (std::size_t k = 0; k < survivors.size(); ++k) {
    if (k + kScoreLookAhead < survivors.size()) {
      const Name& ahead = names_[survivors[k + kScoreLookAhead]];
      __builtin_prefetch(nameTokens_.data() + ahead.firstToken);
      __builtin_prefetch(nameTokenIds_.data() + ahead.firstToken);
    }
    const Name& name = names_[survivors[k]];
    const std::span<const Token> nameTokens(nameTokens_.data() + name.firstToken, name.tokenCount);
    const TokenIds ids{reach.queryIds, std::span<const int>(nameTokenIds_.data() + name.firstToken,
                                                            name.tokenCount)};
    const int s = scoreTokens(queryTokens, nameTokens, scratch, &ids);
    if (s >= minScore) hits.push_back({name.entry, name.alias, s, s == 100});
  }

  // Best name per entry (lowest alias on ties), then by score desc, entry asc.
  std::sort(hits.begin(), hits.end(), [](const Hit& x, const Hit& y) {
    return std::tie(x.entry, y.score, x.alias) < std::tie(y.entry, x.score, y.alias);
  });
  hits.erase(std::unique(hits.begin(), hits.end(),
                         [](const Hit& x, const Hit& y) { return x.entry == y.entry; }),
             hits.end());
  std::sort(hits.begin(), hits.end(), [](const Hit& x, const Hit& y) {
    return std::tie(y.score, x.entry) < std::tie(x.score, y.entry);
  });
  return hits;
}

} // namespace borderline::screening
