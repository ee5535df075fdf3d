#include "evaluate/eval_cache.hpp"

#include <re2/re2.h>

namespace borderline {

const std::vector<screening::Hit>& EvalCache::screen(const screening::NameIndex& index,
                                                     std::string_view name, int minScore) {
  if (auto* hits = hits_.find(name)) return *hits;
  if (hits_.size() >= kMaxEntries) hits_.clear();
  return hits_.insert(name, index.match(name, minScore));
}

bool EvalCache::matches(const re2::RE2& regex, std::string_view text) {
  auto& memo = matches_[&regex];
  if (const bool* found = memo.find(text)) return *found;
  if (matchEntries_ >= kMaxEntries) {
    for (auto& [r, m] : matches_) m.clear();
    matchEntries_ = 0;
  }
  const bool found = re2::RE2::PartialMatch(text, regex);
  memo.insert(text, found);
  ++matchEntries_;
  return found;
}

} // namespace borderline
