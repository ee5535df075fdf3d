#pragma once
// Two bit masks over the rules in effect (DateView::ruleWords() words each), kept on the stack
// for up to 256 rules: the evaluator and the prefilter need two such masks per workload, and
// a heap allocation per workload would cost more than the masks' work.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace borderline {

class RuleMaskPair {
public:
  explicit RuleMaskPair(std::size_t words) : words_(words) {
    if (2 * words > kSmallWords) {
      large_.resize(2 * words);
      data_ = large_.data();
    }
  }
  RuleMaskPair(const RuleMaskPair&) = delete;
  RuleMaskPair& operator=(const RuleMaskPair&) = delete;

  std::uint64_t* first() { return data_; }
  std::uint64_t* second() { return data_ + words_; }

private:
  static constexpr std::size_t kSmallWords = 8;
  std::size_t words_;
  std::uint64_t small_[kSmallWords];
  std::vector<std::uint64_t> large_;
  std::uint64_t* data_ = small_;
};

} // namespace borderline
