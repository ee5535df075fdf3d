#include "analyze/whatif.hpp"

#include <algorithm>
#include <deque>
#include <map>
#include <set>
#include <tuple>

#include "evaluate/evaluator.hpp"

namespace borderline {

namespace {

std::vector<std::string> openRules(const Result& r) {
  std::vector<std::string> out;
  for (const auto& f : r.findings)
    if (f.status == FindingStatus::Open) out.push_back(f.rule->id);
  std::sort(out.begin(), out.end());
  return out;
}

bool contains(const std::vector<std::string>& sorted, const std::string& id) {
  return std::binary_search(sorted.begin(), sorted.end(), id);
}

// One evaluated set of changes.
struct Node {
  std::vector<int> ids; // into the pool, sorted
  Level verdict = Level::Allowed;
  std::vector<std::string> open; // main workload and parts, sorted, unique
  std::vector<PartOutcome> parts;
  std::vector<int> next; // changes for the rules this set newly opened
};

class Search {
public:
  Search(const Workload& w, const DateView& view, const WhatIfOptions& options, WhatIf& out)
      : w_(w), view_(view), options_(options), out_(out) {}

  void run(const Result& current) {
    root_.verdict = current.verdict;
    root_.open = openRules(current);
    std::vector<int> dataIndex(w_.data.size());
    for (std::size_t i = 0; i < dataIndex.size(); ++i) dataIndex[i] = static_cast<int>(i);
    out_.candidates = candidateChanges(w_, current, view_, dataIndex);
    for (const auto& c : out_.candidates.changes) first_.push_back(intern(c));
    std::sort(first_.begin(), first_.end(), [&](int a, int b) { return before(pool(a), pool(b)); });

    // Size 1: every candidate, grouped into classes of the same effect.
    std::vector<Node> singles;
    std::map<std::tuple<int, int, Level, std::vector<std::string>>, int> classOf;
    for (int id : first_) {
      auto node = evaluate({id});
      if (!node) break;
      const Change& c = pool(id);
      auto [it, inserted] =
          classOf.try_emplace({static_cast<int>(c.kind), c.slot, node->verdict, node->open}, id);
      members_[it->second].push_back(id);
      if (inserted) {
        std::vector<std::string> cleared;
        for (const auto& r : root_.open)
          if (!contains(node->open, r)) cleared.push_back(r);
        cleared_[id] = std::move(cleared);
        if (node->open != root_.open) frontier_.push_back(*node);
      }
      singles.push_back(std::move(*node));
    }
    record(singles, 1);
    for (int size = 2;
         size <= options_.maxChanges && out_.best != Level::Allowed && !out_.budgetExhausted;
         ++size)
      grow(size);
    expandWinners();
  }

private:
  const Change& pool(int id) const { return pool_[static_cast<std::size_t>(id)]; }

  static bool before(const Change& a, const Change& b) {
    if (a.kind != b.kind) return a.kind < b.kind;
    if (a.rank != b.rank) return a.rank < b.rank;
    return a.text < b.text;
  }

  using ChangeKey =
      std::tuple<Change::Kind, std::string, std::vector<int>, CountryId, int, int, Acquisition>;

  int intern(const Change& c) {
    const ChangeKey key{c.kind,    c.type,         c.data,       c.country,
                        c.chipUse, c.catalogIndex, c.acquisition};
    const auto [it, inserted] = ids_.try_emplace(key, static_cast<int>(pool_.size()));
    if (inserted) pool_.push_back(c);
    return it->second;
  }

  // The candidates for the rules a variant opened that were not open before any change.
  void newCandidates(const Workload& w, const Result& r, const std::vector<int>& dataIndex,
                     bool part, Node& node) {
    Result introduced;
    for (const auto& f : r.findings)
      if (f.status == FindingStatus::Open && !contains(root_.open, f.rule->id))
        introduced.findings.push_back(f);
    if (introduced.findings.empty() || last_) return;
    for (const auto& c : candidateChanges(w, introduced, view_, dataIndex).changes) {
      if (part && (c.kind == Change::Kind::SiteCountry || c.kind == Change::Kind::KeepDataAtOrigin))
        continue;
      const int id = intern(c);
      if (std::find(first_.begin(), first_.end(), id) == first_.end() &&
          std::find(node.next.begin(), node.next.end(), id) == node.next.end())
        node.next.push_back(id);
    }
  }

  std::optional<Node> evaluate(std::vector<int> ids) {
    std::sort(ids.begin(), ids.end());
    std::vector<const Change*> changes;
    for (int id : ids) changes.push_back(&pool(id));
    const Variant v = applyChanges(w_, changes, view_.rules().catalog);
    const int cost = 1 + static_cast<int>(v.parts.size());
    if (out_.evaluations + cost > options_.maxEvaluations) {
      out_.budgetExhausted = true;
      return std::nullopt;
    }
    out_.evaluations += cost;
    Node node;
    node.ids = std::move(ids);
    const Result main = evaluateWorkload(v.main, view_, options_.waivers);
    node.verdict = main.verdict;
    node.open = openRules(main);
    newCandidates(v.main, main, v.mainData, false, node);
    for (std::size_t k = 0; k < v.parts.size(); ++k) {
      const Result r = evaluateWorkload(v.parts[k], view_, options_.waivers);
      node.verdict = std::max(node.verdict, r.verdict);
      node.parts.push_back(
          {v.parts[k].name, *v.parts[k].siteCountry.value, r.verdict, openRules(r)});
      node.open.insert(node.open.end(), node.parts.back().open.begin(),
                       node.parts.back().open.end());
      newCandidates(v.parts[k], r, v.partData[k], true, node);
    }
    std::sort(node.open.begin(), node.open.end());
    node.open.erase(std::unique(node.open.begin(), node.open.end()), node.open.end());
    return node;
  }

  bool fits(const std::vector<int>& ids, int id) const {
    if (std::find(ids.begin(), ids.end(), id) != ids.end()) return false;
    const int slot = pool(id).slot;
    return slot < 0 ||
           std::none_of(ids.begin(), ids.end(), [&](int i) { return pool(i).slot == slot; });
  }

  // Sets one change larger than the frontier's, each grown by a change relevant to it.
  void grow(int size) {
    last_ = size == options_.maxChanges;
    std::vector<Node> found, next;
    for (const Node& s : frontier_) {
      std::vector<int> options = s.next;
      for (const auto& [rep, cleared] : cleared_)
        if (std::any_of(cleared.begin(), cleared.end(),
                        [&](const std::string& r) { return contains(s.open, r); }))
          options.push_back(rep);
      for (int id : options) {
        if (!fits(s.ids, id)) continue;
        std::vector<int> ids = s.ids;
        ids.push_back(id);
        std::sort(ids.begin(), ids.end());
        if (!visited_.insert(ids).second) continue;
        auto node = evaluate(ids);
        if (!node) break;
        if (node->open != s.open) next.push_back(*node);
        found.push_back(std::move(*node));
      }
      if (out_.budgetExhausted) break;
    }
    record(found, size);
    frontier_ = std::move(next);
  }

  // Keeps the sets of this size when they beat the best verdict found so far; until one does,
  // the sets that clear the most open rules without opening new ones.
  void record(std::vector<Node>& found, int size) {
    for (const auto& n : found) {
      if (n.verdict < out_.current ||
          !std::all_of(n.open.begin(), n.open.end(),
                       [&](const std::string& r) { return contains(root_.open, r); }))
        continue;
      const std::size_t cleared = root_.open.size() - n.open.size();
      if (cleared == 0 || cleared < progressCleared_) continue;
      if (cleared > progressCleared_) progress_.clear(), progressCleared_ = cleared;
      if (progress_.empty() || progress_.front().ids.size() == n.ids.size()) progress_.push_back(n);
    }
    Level best = out_.best;
    for (const auto& n : found) best = std::min(best, n.verdict);
    if (best >= out_.best) return;
    out_.best = best;
    out_.size = size;
    winners_.clear();
    for (auto& n : found)
      if (n.verdict == best) winners_.push_back(std::move(n));
  }

  // Winning sets of two or more were found through class representatives: try every member.
  void expandWinners() {
    if (winners_.empty() && !progress_.empty()) { // no way out: report the best progress
      out_.size = static_cast<int>(progress_.front().ids.size());
      winners_ = std::move(progress_);
    } else {
      out_.improves = !winners_.empty();
    }
    std::vector<Node> all;
    std::set<std::vector<int>> seen;
    for (auto& w : winners_) {
      seen.insert(w.ids);
      std::vector<std::vector<int>> sets = {{}};
      for (int id : w.ids) {
        const auto it = members_.find(id);
        const std::vector<int> alternatives =
            out_.size > 1 && it != members_.end() ? it->second : std::vector<int>{id};
        std::vector<std::vector<int>> grown;
        for (const auto& set : sets)
          for (int alt : alternatives)
            if (fits(set, alt) && grown.size() < kMaxExpansions) {
              grown.push_back(set);
              grown.back().push_back(alt);
            }
        sets = std::move(grown);
      }
      for (auto& set : sets) {
        std::sort(set.begin(), set.end());
        if (set.size() != w.ids.size() || !seen.insert(set).second) continue;
        if (auto node = evaluate(set); node && asGood(*node, w)) all.push_back(std::move(*node));
      }
      all.push_back(std::move(w));
    }
    for (auto& n : all) out_.suggestions.push_back(suggestion(n));
  }

  // Whether an expansion of a winning set does as well as the winner.
  bool asGood(const Node& n, const Node& winner) const {
    if (out_.improves) return n.verdict == out_.best;
    return n.open.size() <= winner.open.size() &&
           std::all_of(n.open.begin(), n.open.end(),
                       [&](const std::string& r) { return contains(root_.open, r); });
  }

  Suggestion suggestion(const Node& n) const {
    Suggestion s;
    for (int id : n.ids) s.changes.push_back(pool(id));
    std::sort(s.changes.begin(), s.changes.end(), before);
    s.verdict = n.verdict;
    s.parts = n.parts;
    for (const auto& r : root_.open)
      if (!contains(n.open, r)) s.cleared.push_back(r);
    for (const auto& r : n.open)
      if (!contains(root_.open, r)) s.introduced.push_back(r);
    return s;
  }

  static constexpr std::size_t kMaxExpansions = 64; // per winning set

  const Workload& w_;
  const DateView& view_;
  const WhatIfOptions& options_;
  WhatIf& out_;
  Node root_;
  std::vector<int> first_;                  // the candidates for the workload as it is
  std::map<int, std::vector<int>> members_; // class representative -> members (itself first)
  std::map<int, std::vector<std::string>> cleared_; // representative -> rules it clears alone
  std::vector<Node> frontier_;
  std::set<std::vector<int>> visited_;
  std::vector<Node> winners_;
  std::vector<Node> progress_; // sets clearing the most open rules while the verdict stays
  std::size_t progressCleared_ = 0;
  std::deque<Change> pool_;      // every change tried, by id (stable addresses)
  std::map<ChangeKey, int> ids_; // id of each distinct change
  bool last_ = false;            // evaluating the largest sets: nothing grows from them
};

// Fewer new findings first, then paperwork before restructuring, then each kind's own order.
bool ranksBefore(const Suggestion& a, const Suggestion& b) {
  if (a.introduced.size() != b.introduced.size()) return a.introduced.size() < b.introduced.size();
  auto key = [](const Suggestion& s) {
    std::vector<std::pair<int, double>> k;
    for (const Change& c : s.changes) k.push_back({static_cast<int>(c.kind), c.rank});
    return k;
  };
  const auto ka = key(a), kb = key(b);
  if (ka != kb) return ka < kb;
  for (std::size_t i = 0; i < a.changes.size(); ++i)
    if (a.changes[i].text != b.changes[i].text) return a.changes[i].text < b.changes[i].text;
  return false;
}

} // namespace

WhatIf whatIf(const Workload& w, const DateView& view, const WhatIfOptions& options) {
  WhatIf out;
  out.workload = &w;
  out.date = view.date();
  const Result current = evaluateWorkload(w, view, options.waivers);
  out.evaluations = 1;
  out.current = out.best = current.verdict;
  out.open = openRules(current);
  out.maxChanges = options.maxChanges;
  if (current.verdict != Level::Allowed) Search(w, view, options, out).run(current);
  std::stable_sort(out.suggestions.begin(), out.suggestions.end(), ranksBefore);
  return out;
}

} // namespace borderline
