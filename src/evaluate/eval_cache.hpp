#pragma once
// Memos for one evaluating thread. Inventories repeat the same tenants, site owners and chips
// on thousands of rows: matching a name against the party lists (normalisation, fuzzy scores)
// or a chip name against a rule's regular expression costs far more than looking the answer
// up. Results are the same with or without a cache. Bounded: each memo starts over when full.
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "evaluate/screening.hpp"
#include "evaluate/string_memo.hpp"

namespace re2 {
class RE2;
}

namespace borderline {

class EvalCache {
public:
  static constexpr std::size_t kMaxEntries = 1 << 16;

  // The same as index.match(name, minScore). One cache serves one index and one minScore.
  const std::vector<screening::Hit>& screen(const screening::NameIndex& index,
                                            std::string_view name, int minScore);
  // The same as re2::RE2::PartialMatch(text, regex), for regexes that outlive the cache.
  bool matches(const re2::RE2& regex, std::string_view text);

private:
  StringMemo<std::vector<screening::Hit>> hits_;
  // Keyed by the regex's address, then the text.
  std::unordered_map<const re2::RE2*, StringMemo<bool>> matches_;
  std::size_t matchEntries_ = 0;
};

} // namespace borderline
