#pragma once
// Waivers: accepted findings with an expiry. Those written in a manifest and those of a
// central waivers file (--waivers) go through these functions alike, in every command, so the
// two can never disagree about what a waiver does (docs/rules.md, "Waivers").
#include <span>
#include <string_view>
#include <vector>

#include "evaluate/date_view.hpp"
#include "evaluate/result.hpp"

namespace borderline {

// Whether a waivers-file entry applies to the workload called `name`: its `workload` is that
// name or a glob (`*`, `?`, `[...]`) matching it. A manifest's own waivers always apply.
bool waiverApplies(const Waiver& waiver, std::string_view name);

// The waivers that apply to `workload`: its own, then the matching entries of `central`.
std::vector<const Waiver*> waiversFor(const Workload& workload, std::span<const Waiver> central);

// Waives the open finding `f` with the first waiver that names its rule and is valid on
// `date` (through `expires`, inclusive). A prohibited finding is never waived. `reasons` =
// false sets the status only, without the text saying why (the audit summary).
void applyWaivers(std::span<const Waiver* const> waivers, Date date, Finding& f,
                  bool reasons = true);

// Notices for the waivers that waive nothing: no `expires`, past it, or naming a rule that is
// not loaded.
void reportWaivers(std::span<const Waiver* const> waivers, const DateView& view,
                   std::vector<Notice>& notices);

} // namespace borderline
