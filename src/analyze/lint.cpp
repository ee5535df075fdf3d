#include "analyze/lint.hpp"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "analyze/satisfiable.hpp"
#include "compile/condition_text.hpp"
#include "compile/condition_walk.hpp"

namespace borderline {

std::string_view severityName(Severity s) {
  static constexpr std::string_view kNames[] = {"error", "warning", "note"};
  return kNames[static_cast<int>(s)];
}

int LintResult::count(Severity s) const {
  return static_cast<int>(std::count_if(issues.begin(), issues.end(),
                                        [&](const LintIssue& i) { return i.severity == s; }));
}

namespace {

std::string window(Date effective, const std::optional<Date>& until) {
  return fmt::format("{} .. {}", effective.str(), until ? until->str() : "(no end)");
}

class Linter {
public:
  Linter(const CompiledRules& rules, LintResult& out) : rules_(rules), out_(out) {}

  void run() {
    out_.rules = static_cast<int>(rules_.rules.size());
    out_.classifications = static_cast<int>(rules_.classifications.size());
    out_.groups = static_cast<int>(rules_.groups.size());
    out_.chips = static_cast<int>(rules_.catalog.chips().size());
    neverFires();
    overlappingVersions();
    shadowed();
    citations();
    chips();
    unknownChipValues();
    unusedGroups();
    std::stable_sort(out_.issues.begin(), out_.issues.end(),
                     [](const LintIssue& a, const LintIssue& b) {
                       if (a.loc.file != b.loc.file) return a.loc.file < b.loc.file;
                       if (a.loc.line != b.loc.line) return a.loc.line < b.loc.line;
                       return a.loc.column < b.loc.column;
                     });
  }

private:
  void add(Severity s, std::string check, std::string subject, std::string message, Location loc) {
    out_.issues.push_back({s, std::move(check), std::move(subject), std::move(message), loc});
  }

  void neverFires() {
    for (const auto& r : rules_.rules)
      if (auto why = neverHolds(r.when, rules_, r.effective, r.until))
        add(Severity::Error, "never-fires", r.id,
            fmt::format("rule {} can never fire on any date it is in effect ({}): {}", r.id,
                        window(r.effective, r.until), *why),
            r.loc);
    for (const auto& c : rules_.classifications)
      if (auto why = neverHolds(c.when, rules_, c.effective, c.until))
        add(Severity::Error, "never-fires", c.id,
            fmt::format("classification {} can never hold ({}): {}", c.id,
                        window(c.effective, c.until), *why),
            c.loc);
  }

  void overlappingVersions() {
    std::map<std::string, std::vector<const Rule*>> families;
    for (const auto& r : rules_.rules) families[versionFamily(r.id)].push_back(&r);
    for (const auto& [family, members] : families)
      for (std::size_t i = 0; i < members.size(); ++i)
        for (std::size_t k = i + 1; k < members.size(); ++k) {
          const Rule& a = *members[i];
          const Rule& b = *members[k];
          const Date start = std::max(a.effective, b.effective);
          std::optional<Date> end = a.until;
          if (b.until && (!end || *b.until < *end)) end = b.until;
          if (end && *end < start) continue;
          add(Severity::Error, "overlapping-versions", b.id,
              fmt::format(
                  "{} ({}) and {} ({}) are versions of one rule ({}) and are both in effect "
                  "from {} to {}; end one with `until` the day before the other starts",
                  a.id, window(a.effective, a.until), b.id, window(b.effective, b.until), family,
                  start.str(), end ? end->str() : "(no end)"),
              b.loc);
        }
  }

  // The conjuncts of a condition: the operands of (nested) `all`s, as text.
  static void conjuncts(const Condition& c, std::vector<std::string>& out) {
    if (c.kind == Condition::Kind::All) {
      for (const auto& child : c.children) conjuncts(child, out);
      return;
    }
    out.push_back(conditionText(c));
  }

  // R is shadowed by a prohibited rule P when P fires whenever R does (every conjunct of P's
  // `when` is one of R's, the same `unless` or none, and P is in effect whenever R is): R's
  // finding can never change the verdict. A syntactic check: it misses shadows that need logic.
  void shadowed() {
    for (const auto& p : rules_.rules) {
      if (p.verdict != Level::Prohibited) continue;
      std::vector<std::string> pc;
      conjuncts(p.when, pc);
      for (const auto& r : rules_.rules) {
        if (&r == &p || r.verdict == Level::Prohibited || r.verdict == Level::Advisory) continue;
        if (p.effective > r.effective || (p.until && (!r.until || *r.until > *p.until))) continue;
        if (p.unless && (!r.unless || conditionText(*p.unless) != conditionText(*r.unless)))
          continue;
        std::vector<std::string> rc;
        conjuncts(r.when, rc);
        const bool covered = std::all_of(pc.begin(), pc.end(), [&](const std::string& c) {
          return std::find(rc.begin(), rc.end(), c) != rc.end();
        });
        if (covered)
          add(Severity::Warning, "shadowed", r.id,
              fmt::format(
                  "rule {} ({}) is shadowed by the prohibited rule {}: whenever it fires, {} "
                  "fires too, so its finding never changes the verdict",
                  r.id, levelName(r.verdict), p.id, p.id),
              r.loc);
      }
    }
  }

  void cite(const std::vector<Citation>& list, std::string_view owner, const std::string& subject,
            Location loc) {
    for (const auto& c : list) {
      ++out_.citations;
      if (c.url.empty() && c.note.empty())
        add(Severity::Warning, "citation-unsourced", subject,
            fmt::format("{}: citation '{}' has neither a url nor a note saying where it was read",
                        owner, c.ref),
            loc);
    }
  }

  void citations() {
    for (const auto& r : rules_.rules) cite(r.citations, "rule " + r.id, r.id, r.loc);
    for (const auto& c : rules_.classifications)
      cite(c.citations, "classification " + c.id, c.id, c.loc);
    for (const auto& g : rules_.groups) cite(g.citations, "group @" + g.name, "@" + g.name, g.loc);
    for (const auto& e : rules_.parties)
      cite(e.citations, "listed party '" + e.name + "'", e.name, e.loc);
  }

  void chips() {
    for (const auto& chip : rules_.catalog.chips()) {
      const bool sourced =
          std::any_of(chip.sources.begin(), chip.sources.end(), [](const std::string& s) {
            return s.find_first_not_of(" \t\n") != std::string::npos;
          });
      if (!sourced)
        add(Severity::Warning, "chip-unsourced", chip.id,
            fmt::format("chip {} has no source for its figures (every entry of `sources` is blank)",
                        chip.id),
            chip.loc);
    }
  }

  // A chip ECCN, name or vendor that a rule compares chips with but that no catalog chip has
  // (and, for an ECCN, no classification sets) is almost always a typo ("3A09O.a", "nvidai"):
  // the rule then silently never fires for catalog chips. Only a warning: an inline chip spec
  // may declare any value.
  void unknownChipValues() {
    std::set<std::string, std::less<>> eccns, names, vendors;
    for (const auto& c : rules_.classifications) eccns.insert(c.eccn);
    for (const auto& chip : rules_.catalog.chips()) {
      if (chip.eccn) eccns.insert(*chip.eccn);
      names.insert(chip.name);
      vendors.insert(chip.vendor);
    }
    auto check = [&](const Rule& r, const Condition& c) {
      if (c.kind != Condition::Kind::Leaf) return;
      const auto* known = c.path->field == Field::ChipEccn     ? &eccns
                          : c.path->field == Field::ChipName   ? &names
                          : c.path->field == Field::ChipVendor ? &vendors
                                                               : nullptr;
      if (!known) return;
      for (const auto& op : c.ops) {
        std::vector<std::string> values = op.operand.texts;
        if (op.op == Op::Eq || op.op == Op::Ne) values.push_back(op.operand.text);
        for (const auto& v : values)
          if (!known->contains(v))
            add(Severity::Warning, "unknown-chip-value", r.id,
                fmt::format("rule {} compares compute.chips.{} with '{}', which no catalog chip "
                            "has{}: only an inline chip spec declaring it can match (a typo?)",
                            r.id, c.path->path, v,
                            known == &eccns ? " and no classification sets" : ""),
                op.loc);
      }
    };
    for (const auto& r : rules_.rules) {
      forEachNode(r.when, [&](const Condition& c) { check(r, c); });
      if (r.unless) forEachNode(*r.unless, [&](const Condition& c) { check(r, c); });
    }
  }

  void unusedGroups() {
    std::vector<bool> used(rules_.groups.size(), false);
    auto mark = [&](const Condition& c) {
      for (std::uint16_t g : groupsRead(c)) used[g] = true;
    };
    for (const auto& r : rules_.rules) {
      mark(r.when);
      if (r.unless) mark(*r.unless);
    }
    for (const auto& c : rules_.classifications) mark(c.when);
    for (std::size_t g = 0; g < used.size(); ++g)
      if (!used[g])
        add(Severity::Note, "unused-group", "@" + rules_.groups[g].name,
            fmt::format("group @{} ({}) is not used by any rule or classification",
                        rules_.groups[g].name, rules_.groups[g].title),
            rules_.groups[g].loc);
  }

  const CompiledRules& rules_;
  LintResult& out_;
};

} // namespace

LintResult lintRules(const CompiledRules& rules) {
  LintResult out;
  Linter(rules, out).run();
  return out;
}

} // namespace borderline
