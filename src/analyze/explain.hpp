#pragma once
// `explain`: for one workload on one date, every rule with whether it was in effect, whether
// it fired, the traced condition tree, and which authorization, transfer mechanism or waiver
// settled the finding (or why none did). Built from the evaluator's own result plus traces of
// the same compiled conditions, so it can never disagree with `check`.
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "evaluate/authorizations.hpp"
#include "evaluate/date_view.hpp"
#include "evaluate/result.hpp"
#include "evaluate/trace.hpp"

namespace borderline {

struct AuthorizationCheck {
  const Authorization* authorization = nullptr;
  AuthorizationFit fit = AuthorizationFit::WrongType;
};

// A data source that made a data rule fire, and the mechanisms of its `transfer` list that the
// rule accepts (empty: none, so the source is not covered).
struct TransferCheck {
  const DataSource* source = nullptr;
  std::vector<std::string> accepted;
};

struct WaiverCheck {
  const Waiver* waiver = nullptr;
  WaiverFit fit = WaiverFit::OtherRule;
};

struct RuleExplanation {
  const Rule* rule = nullptr;
  bool inEffect = false;
  int finding = -1;   // index into Explanation::result.findings when the rule fired
  bool fuzzy = false; // traced with fuzzy party-list matches (a fuzzy-only finding)
  std::optional<TraceNode> when, unless; // rules in effect only
  // Fired rules that can be satisfied (not advisory, not prohibited):
  std::vector<AuthorizationCheck> authorizations; // every authorization of the workload
  std::vector<TransferCheck> transfers;           // the data sources it fired on
  std::vector<WaiverCheck> waivers;               // waivers naming this rule
  bool fired() const { return finding >= 0; }
};

struct Explanation {
  const Workload* workload = nullptr;
  Date date;
  Result result;
  std::vector<RuleExplanation> rules; // in the packs' order
  const Finding* findingOf(const RuleExplanation& r) const {
    return r.fired() ? &result.findings[static_cast<std::size_t>(r.finding)] : nullptr;
  }
};

struct ExplainFilter {
  std::string_view rule;  // only this rule (empty: every rule)
  bool firedOnly = false; // only the rules that fired
};

// `waivers`: a central waivers file's entries (see evaluateWorkload).
Explanation explainWorkload(const Workload& workload, const DateView& view,
                            const ExplainFilter& filter, std::span<const Waiver> waivers = {});

// "takes effect on 2026-01-01" / "ended on 2023-11-16" for a rule not in effect on `date`.
std::string notInEffectReason(const Rule& rule, Date date);

} // namespace borderline
