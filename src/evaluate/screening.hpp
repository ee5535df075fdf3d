#pragma once

// Restricted-party name screening: normalisation of company names and fuzzy matching of
// workload party names against party-list entries. The scoring design is documented at the
// top of screening.cpp.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace borderline::screening {

// Lower-case, ASCII-fold Latin diacritics (é->e, ü->u, ß->ss, UTF-8 input), turn punctuation
// into spaces, drop legal-form words (co, ltd, gmbh, 有限公司, ...; 集团 is kept), collapse
// spaces. Returns the remaining tokens sorted and joined by single spaces, so the result is an
// order-insensitive key. Apostrophes vanish ("Moody's" -> "moodys") and dotted initials join
// ("S.A." -> "sa"). Never throws; invalid UTF-8 bytes become spaces.
std::string normalize(std::string_view name);
// The tokens of normalize(), sorted.
std::vector<std::string> tokens(std::string_view name);
// Whether normalize(name) is not empty: the name has something to screen. The loaders ask this
// of every party name, so the usual name is decided without allocating (it has a word of ASCII
// letters and digits that is no legal form); the rest are normalised.
bool hasScreenableName(std::string_view name);

namespace detail {
// One normalised token with the facts the scorer needs. Only public so that NameIndex can keep
// them precomputed; not part of the screening API.
struct Token {
  std::string_view text;
  std::uint64_t charMask; // letters/digits present, for cheap Jaro-Winkler bounds
  int length;
  bool generic; // low-weight word such as "technology" or "china"
  bool fuzzy;   // eligible for Jaro-Winkler matching (ASCII, 4..64 chars)
};
} // namespace detail

struct Hit {
  int entry;
  int alias; // index of the matched name within the entry (0 = primary name)
  int score;
  bool exact;
  bool operator==(const Hit&) const = default;
};

// Built once from all names of all entries, then queried by many threads at once: the const
// methods only read the index and keep all scratch state local, so they are thread-safe.
class NameIndex {
public:
  NameIndex() = default;
  // Copies re-point the token views at their own vocabulary; moves keep the map's nodes.
  NameIndex(const NameIndex& other);
  NameIndex& operator=(const NameIndex& other);
  NameIndex(NameIndex&&) noexcept = default;
  NameIndex& operator=(NameIndex&&) noexcept = default;
  ~NameIndex() = default;

  void add(int entry, int alias, std::string_view name);
  // Call after the last add(); builds the inverted index. Adding more names afterwards is
  // allowed but requires another finish() before match().
  void finish();
  // All entries whose best name scores >= minScore (and > 0) against `query`, best score per
  // entry (lowest alias on ties), sorted by score desc then entry asc. Gives the same result
  // as calling score() on every name, without scanning every name.
  // Throws std::logic_error if the index is not finished: silently screening against a
  // half-built list would hide hits.
  std::vector<Hit> match(std::string_view query, int minScore) const;
  // The same for a query already normalised: `key` == normalize(query). Callers that keep the
  // key (to memoise by it, or to reject empty names) save normalising the name twice.
  std::vector<Hit> matchKey(std::string_view key, int minScore) const;

private:
  struct Name {
    int entry;
    int alias;
    std::uint32_t firstToken; // range in nameTokens_, sorted by token text
    std::uint32_t tokenCount;
    std::size_t keyHash; // hash of the normalised key, for exact lookups
    int weight;          // sum of the token weights, for the score bound in match()
  };
  struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };

  // Vocabulary tokens within Jaro-Winkler reach of a query token. Names repeat their words
  // (company names share a few thousand), so the result of the vocabulary scan is memoised per
  // token text: the memo only ever holds what the scan returns, so results stay exact.
  struct NeighbourMemo {
    std::shared_mutex mutex;
    std::unordered_map<std::string, std::vector<int>, StringHash, std::equal_to<>> byText;
  };
  static constexpr std::size_t kMaxMemoTokens = 1u << 20; // past this, scan without keeping
  std::vector<int> scanNeighbours(const detail::Token& query) const;
  template <class F> void forEachNeighbour(const detail::Token& query, F&& f) const;

  int intern(const std::string& text);
  void relink();
  void collectCandidates(const std::vector<detail::Token>& query, std::size_t queryKeyHash,
                         bool distinctiveOnly, std::vector<std::uint32_t>& out) const;

  // Token text -> token id. Node-based, so the keys' addresses survive rehashing and moves;
  // detail::Token::text points at them.
  std::unordered_map<std::string, int, StringHash, std::equal_to<>> vocabulary_;
  std::vector<detail::Token> tokens_;       // by token id
  std::vector<Name> names_;                 // non-empty names, in add() order
  std::vector<int> nameTokenIds_;           // token ids of all names, back to back
  std::vector<detail::Token> nameTokens_;   // the same tokens, ready for scoring
  std::vector<std::uint32_t> postingStart_; // CSR inverted index: the names holding token t are
  std::vector<std::uint32_t> postings_;     // postings_[postingStart_[t], postingStart_[t + 1])
  std::vector<int> fuzzyByLength_;          // fuzzy-eligible token ids by (first letter, length)
  // Their letter masks, in the same order: the vocabulary scan reads these 8 bytes per token
  // back to back and looks a token up only when its letters can make a match.
  std::vector<std::uint64_t> fuzzyMasks_;
  std::vector<std::uint32_t> lengthStart_; // where each such bucket starts in fuzzyByLength_
  std::vector<std::pair<std::size_t, std::uint32_t>> keyHashes_; // (key hash, name), sorted
  bool finished_ = false;
  std::unique_ptr<NeighbourMemo> memo_ = std::make_unique<NeighbourMemo>();
};

// 0..100, symmetric; 100 iff normalize(a) == normalize(b) and non-empty.
int score(std::string_view a, std::string_view b);
// Score thresholds (docs/screening.md): at or above kProbableThreshold a probable match, at or
// above kReviewThreshold a potential match that a person must review; below, no match. Names
// sharing only generic words are capped below kReviewThreshold.
inline constexpr int kProbableThreshold = 90;
inline constexpr int kReviewThreshold = 75;
enum class MatchLevel { None, Potential, Probable };
inline MatchLevel matchLevel(int score) {
  return score >= kProbableThreshold ? MatchLevel::Probable
         : score >= kReviewThreshold ? MatchLevel::Potential
                                     : MatchLevel::None;
}

} // namespace borderline::screening
