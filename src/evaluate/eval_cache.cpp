#include "evaluate/eval_cache.hpp"

namespace borderline {

const std::vector<screening::Hit>& EvalCache::screen(const screening::NameIndex& index,
                                                     std::string_view name, int minScore) {
  if (auto it = hits_.find(name); it != hits_.end()) return it->second;
  if (hits_.size() >= kMaxEntries) hits_.clear();
  return hits_.emplace(std::string(name), index.match(name, minScore)).first->second;
}

bool EvalCache::matches(const std::regex& regex, std::string_view text) {
  auto& memo = matches_[&regex];
  if (auto it = memo.find(text); it != memo.end()) return it->second;
  if (matchEntries_ >= kMaxEntries) {
    for (auto& [r, m] : matches_) m.clear();
    matchEntries_ = 0;
  }
  const bool found = std::regex_search(text.begin(), text.end(), regex);
  memo.emplace(std::string(text), found);
  ++matchEntries_;
  return found;
}

} // namespace borderline
