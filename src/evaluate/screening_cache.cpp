#include "evaluate/screening_cache.hpp"

namespace borderline {

const std::vector<screening::Hit>& ScreeningCache::match(const screening::NameIndex& index,
                                                         std::string_view name, int minScore) {
  if (auto it = hits_.find(name); it != hits_.end()) return it->second;
  if (hits_.size() >= kMaxNames) hits_.clear();
  return hits_.emplace(std::string(name), index.match(name, minScore)).first->second;
}

}  // namespace borderline
