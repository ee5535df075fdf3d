#include "analyze/screen.hpp"

#include <algorithm>

namespace borderline {

int NameScreen::inForce() const {
  return static_cast<int>(
      std::count_if(matches.begin(), matches.end(), [](const NameMatch& m) { return m.inForce; }));
}

NameScreen screenName(const CompiledRules& rules, std::string_view name, Date date, int minScore) {
  NameScreen out;
  out.name = std::string(name);
  out.normalized = screening::normalize(name);
  out.date = date;
  out.minScore = minScore;
  for (const auto& hit : rules.partyIndex.match(name, minScore)) {
    const PartyEntry& e = rules.parties[static_cast<std::size_t>(hit.entry)];
    out.matches.push_back(
        {&e, hit.alias == 0 ? e.name : e.aliases[static_cast<std::size_t>(hit.alias - 1)],
         hit.score, hit.exact, e.activeOn(date)});
  }
  return out;
}

} // namespace borderline
