#include "compile/rules.hpp"

#include <algorithm>

namespace borderline {

CountrySet CountryGroup::membersOn(Date date) const {
  if (effective && date < *effective) return {};
  CountrySet set = members;
  for (const auto& change : changes) {
    if (date < change.date) break;
    set |= change.add;
    change.remove.forEach([&](CountryId c) { set.remove(c); });
  }
  return set;
}

const Rule* CompiledRules::findRule(std::string_view id) const {
  for (const auto& r : rules)
    if (r.id == id) return &r;
  return nullptr;
}

const Rule* CompiledRules::findVersionOn(std::string_view id, Date date) const {
  const std::string family = versionFamily(id);
  for (const auto& r : rules)
    if (r.appliesOn(date) && versionFamily(r.id) == family) return &r;
  return nullptr;
}

bool CompiledRules::namesRuleOrTag(std::string_view item) const {
  return std::any_of(rules.begin(), rules.end(), [&](const Rule& r) {
    return r.id == item || std::find(r.tags.begin(), r.tags.end(), item) != r.tags.end();
  });
}

std::optional<std::uint16_t> CompiledRules::findGroup(std::string_view name) const {
  for (std::size_t i = 0; i < groups.size(); ++i)
    if (groups[i].name == name) return static_cast<std::uint16_t>(i);
  return std::nullopt;
}

std::vector<Date> CompiledRules::changeDates() const {
  std::vector<Date> dates;
  auto window = [&](Date effective, const std::optional<Date>& until) {
    dates.push_back(effective);
    if (until) dates.push_back(until->plusDays(1));
  };
  for (const auto& r : rules) window(r.effective, r.until);
  for (const auto& c : classifications) window(c.effective, c.until);
  for (const auto& g : groups) {
    if (g.effective) dates.push_back(*g.effective);
    for (const auto& change : g.changes) dates.push_back(change.date);
  }
  for (const auto& p : parties) {
    if (p.listed) dates.push_back(*p.listed);
    if (p.removed) dates.push_back(p.removed->plusDays(1));
  }
  std::sort(dates.begin(), dates.end());
  dates.erase(std::unique(dates.begin(), dates.end()), dates.end());
  return dates;
}

std::string versionFamily(std::string_view id) {
  std::string_view s = id;
  for (auto dot = s.rfind('.'); dot != std::string_view::npos; dot = s.rfind('.')) {
    const auto last = s.substr(dot + 1);
    if (last.empty() ||
        !std::all_of(last.begin(), last.end(), [](char c) { return c >= '0' && c <= '9'; }))
      break;
    s = s.substr(0, dot);
  }
  return std::string(s);
}

} // namespace borderline
