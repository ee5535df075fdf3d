#include "analyze/screen.hpp"

#include <algorithm>
#include <utility>

namespace borderline {

namespace {

// `key` is the normalised name.
std::vector<NameMatch> matchesOf(const CompiledRules& rules, std::string_view key, Date date,
                                 int minScore) {
  std::vector<NameMatch> out;
  for (const auto& hit : rules.partyIndex.matchKey(key, minScore)) {
    const PartyEntry& e = rules.parties[static_cast<std::size_t>(hit.entry)];
    out.push_back({&e, hit.alias == 0 ? e.name : e.aliases[static_cast<std::size_t>(hit.alias - 1)],
                   hit.score, hit.exact, e.activeOn(date)});
  }
  return out;
}

} // namespace

int NameScreen::inForce() const {
  return static_cast<int>(
      std::count_if(matches.begin(), matches.end(), [](const NameMatch& m) { return m.inForce; }));
}

NameScreen screenName(const CompiledRules& rules, std::string_view name, Date date, int minScore) {
  return NameScreener(rules, date, minScore).screen(name);
}

NameScreener::NameScreener(const CompiledRules& rules, Date date, int minScore)
    : rules_(rules), date_(date), minScore_(minScore) {}

NameScreen NameScreener::screen(std::string_view name) {
  return screen(name, screening::normalize(name));
}

NameScreen NameScreener::screen(std::string_view name, std::string normalized) {
  NameScreen out;
  out.name = std::string(name);
  out.normalized = std::move(normalized);
  out.date = date_;
  out.minScore = minScore_;
  if (const auto it = memo_.find(out.normalized); it != memo_.end()) {
    out.matches = it->second;
    return out;
  }
  out.matches = matchesOf(rules_, out.normalized, date_, minScore_);
  if (memo_.size() >= kMaxEntries) memo_.clear();
  memo_.emplace(out.normalized, out.matches);
  return out;
}

} // namespace borderline
