#pragma once
// Reading back the results that `audit --format jsonl` writes (JSON report result objects),
// so that `report merge` can combine the parts of a sharded or distributed audit into any
// report format. A result is rebuilt against the loaded rule packs and must serialise back to
// exactly the same JSON: a result produced with other rules (different titles, citations or
// party lists) is refused rather than reported with today's texts. What the JSON records of
// the evaluator's judgement is held to it as well (docs/audit.md, "Sharding"): each rule in
// effect on the date, each finding's verdict and status what its rule and status reason
// allow, the result's verdict the one its findings give.
#include <nlohmann/json.hpp>

#include "compile/rules.hpp"
#include "evaluate/result.hpp"
#include "load/inventory.hpp"

namespace borderline {

// Rebuilds the workload facts reports read (name, source, labels, site country) into `w` and
// the result into `r` (r.workload = &w), as evaluated on `asOf`. File names are kept in
// batch.names. Throws LoadFailure located at `where` when the object is not such a result or
// does not match the rules or the date; an error about one value points at its column in
// `text`, the line `json` was parsed from.
void readResultJson(const nlohmann::ordered_json& json, std::string_view text, Location where,
                    const CompiledRules& rules, Date asOf, LoadedBatch& batch, Workload& w,
                    Result& r);

// The column of the value at a JSON pointer ("/findings/0/status") in `text`, one line of
// JSON; 0 when there is no such value (or the line is not JSON).
std::uint32_t jsonColumn(std::string_view text, std::string_view pointer);

} // namespace borderline
