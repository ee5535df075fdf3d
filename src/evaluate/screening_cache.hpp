#pragma once
// A memo of party-name screening for one thread: inventories repeat the same tenants and site
// owners on thousands of rows, and matching a name against the party lists (normalisation,
// fuzzy scores) costs far more than looking it up. Bounded: it starts over when full.
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "evaluate/screening.hpp"

namespace borderline {

class ScreeningCache {
public:
  static constexpr std::size_t kMaxNames = 1 << 16;

  // The same as index.match(name, minScore), from the memo when the name was seen before.
  // One cache serves one index and one minScore.
  const std::vector<screening::Hit>& match(const screening::NameIndex& index, std::string_view name,
                                           int minScore);

private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, std::vector<screening::Hit>, Hash, std::equal_to<>> hits_;
};

}  // namespace borderline
