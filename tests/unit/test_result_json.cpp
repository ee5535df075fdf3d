// Results read back by `report merge` (load/result_json.cpp): a result the evaluator wrote reads
// back to the same JSON; one whose verdict, finding verdict or status the evaluator would not
// have written on the merge date is refused at the column of the offending value.
#include "support.hpp"

#include "load/result_json.hpp"
#include "report/jsonl_reporter.hpp"

using namespace bltest;

namespace {

Engine& engine() {
  static Engine instance(std::vector<RuleDef>{
      {.id = "t.auth", .verdict = "authorization-required", .satisfiedBy = "[bis-license]"},
      {.id = "t.review", .verdict = "review"},
      {.id = "t.adv", .verdict = "advisory"},
      {.id = "t.ban", .verdict = "prohibited", .effective = "2025-01-01", .until = "2026-12-31"},
  });
  return instance;
}

constexpr std::string_view kDate = "2025-06-01";

// The JSONL result of w1 on kDate, every status in it: t.ban open, t.auth satisfied by an
// authorization, t.review waived, t.adv advisory.
nlohmann::ordered_json evaluated() {
  WorkloadDef w;
  w.extra = "authorizations: [{type: bis-license, reference: L-1, expires: 2025-12-31}]\n"
            "waivers:\n"
            "  - rule: t.review\n"
            "    reason: accepted by counsel\n"
            "    expires: 2025-06-30\n";
  const Result r = engine().evaluate(w, kDate);
  return resultJson(r, engine().rules());
}

// Reads `json` back on `date`; the errors, empty when it reads.
std::vector<Diagnostic> readBack(const nlohmann::ordered_json& json,
                                 std::string_view date = kDate) {
  const std::string text = json.dump();
  LoadedBatch batch;
  Workload w;
  Result r;
  try {
    readResultJson(json, text, Location{"parts.jsonl", 7, 0}, engine().rules(), day(date), batch, w,
                   r);
  } catch (const LoadFailure& failure) {
    return failure.errors();
  }
  CHECK(resultJson(r, engine().rules()) == json);
  return {};
}

// The column (1-based) of the value in the first `"key":value` text of `json`'s line after
// `after`.
std::uint32_t columnOf(const nlohmann::ordered_json& json, std::string_view keyAndValue,
                       std::string_view after = {}) {
  const std::string text = json.dump();
  const std::size_t at = text.find(keyAndValue, text.find(after));
  REQUIRE(at != std::string::npos);
  return static_cast<std::uint32_t>(at + keyAndValue.find("\":") + 3);
}

nlohmann::ordered_json& finding(nlohmann::ordered_json& json, std::string_view rule) {
  for (auto& f : json["findings"])
    if (f["rule"] == rule) return f;
  FAIL("no finding of " << rule);
  throw;
}

} // namespace

TEST_CASE("result json: what the evaluator wrote reads back", "[result-json]") {
  const auto json = evaluated();
  INFO(json.dump(2));
  REQUIRE(json["findings"].size() == 4);
  CHECK(json["verdict"] == "prohibited");
  CHECK(readBack(json).empty());
}

TEST_CASE("result json: a verdict that is not the findings' is refused at the verdict",
          "[result-json]") {
  auto json = evaluated();
  json["verdict"] = "allowed";
  const Diagnostic e = onlyError(readBack(json));
  CHECK(e.line == 7);
  CHECK(e.column == columnOf(json, "\"verdict\":\"allowed\""));
  CHECK(e.message == "verdict 'allowed' is not the one the findings give: expected 'prohibited' "
                     "(the worst verdict of the open findings, 'allowed' when none is open)");
}

TEST_CASE("result json: a rule not in effect on the merge date is refused", "[result-json]") {
  const auto json = evaluated();
  const Diagnostic e = onlyError(readBack(json, "2027-01-01"));
  CHECK(e.column == columnOf(json, "\"rule\":\"t.ban\""));
  CHECK(e.message == "rule 't.ban' is in effect from 2025-01-01 until 2026-12-31, not on "
                     "2027-01-01 (--as-of): were the results made on another date? Merge with "
                     "the --as-of the audit used");
}

TEST_CASE("result json: waivers and authorizations that expired before the merge date",
          "[result-json]") {
  const auto json = evaluated();
  // t.ban is in effect through 2026; the waiver ends 2025-06-30, the authorization 2025-12-31.
  const Diagnostic waiver = onlyError(readBack(json, "2025-07-01"));
  CHECK(waiver.message == "the waiver expired on 2025-06-30, before 2025-07-01 (--as-of), so it "
                          "waives nothing: were the results made on another date? Merge with the "
                          "--as-of the audit used");
  auto noWaiver = json;
  noWaiver["findings"].erase(2); // t.review, waived
  noWaiver["findings"].erase(2); // t.adv
  const Diagnostic authorization = onlyError(readBack(noWaiver, "2026-01-01"));
  CHECK(authorization.message ==
        "the authorization was valid until 2025-12-31, before 2026-01-01 (--as-of), so it "
        "satisfies nothing: were the results made on another date? Merge with the --as-of the "
        "audit used");
}

TEST_CASE("result json: statuses the rules and status reasons do not support", "[result-json]") {
  struct Case {
    std::string rule, key, value, message;
  };
  const std::vector<Case> cases = {
      {"t.review", "statusReason", "accepted",
       "status 'waived' without the waiver behind it: expected a statusReason 'waived until "
       "YYYY-MM-DD…', as the audit writes it"},
      {"t.adv", "status", "open",
       "status 'open' on a finding of advisory rule 't.adv': expected "
       "'advisory'"},
      {"t.review", "status", "advisory",
       "status 'advisory' on a finding of verdict 'review': only advisory rules give it; "
       "expected 'open', 'satisfied' or 'waived'"},
      {"t.ban", "status", "waived",
       "status 'waived' on a prohibited finding: no authorization or waiver lifts a prohibition; "
       "expected 'open'"},
      {"t.review", "status", "satisfied",
       "status 'satisfied', but rule 't.review' accepts no authorization or transfer mechanism: "
       "expected 'open'"},
      {"t.auth", "statusReason", "satisfied by eu-scc X (valid until 2025-12-31)",
       "an authorization of type 'eu-scc' does not satisfy rule 't.auth' (it accepts "
       "bis-license): expected status 'open'"},
      {"t.auth", "verdict", "review",
       "finding verdict 'review' is not what rule 't.auth' gives: expected "
       "'authorization-required' (or 'review' when only possible party-list matches fire it)"},
  };
  for (const auto& c : cases) {
    auto json = evaluated();
    finding(json, c.rule)[c.key] = c.value;
    INFO(c.rule << " " << c.key << " = " << c.value);
    const Diagnostic e = onlyError(readBack(json));
    CHECK(e.message == c.message);
    CHECK(e.column ==
          columnOf(json, "\"" + c.key + "\":\"" + c.value + "\"", "\"rule\":\"" + c.rule + "\""));
  }
}

TEST_CASE("result json: a waived finding without a status reason is pointed at its status",
          "[result-json]") {
  auto json = evaluated();
  finding(json, "t.review").erase("statusReason");
  const Diagnostic e = onlyError(readBack(json));
  CHECK(e.column == columnOf(json, "\"status\":\"waived\""));
}

TEST_CASE("result json: findings out of the evaluator's order are refused", "[result-json]") {
  auto json = evaluated();
  // t.review waived -> open passes every check of the finding and keeps the verdict
  // (prohibited), but open findings come before satisfied ones.
  auto& review = finding(json, "t.review");
  review["status"] = "open";
  review.erase("statusReason");
  const Diagnostic e = onlyError(readBack(json));
  CHECK(e.column == json.dump().find("{\"rule\":\"t.review\"") + 1);
  CHECK(e.message == "finding 't.review' (review, open) comes after 't.auth' "
                     "(authorization-required, satisfied): the audit writes open findings first, "
                     "worst first, then satisfied, waived and advisory ones, then by rule id; was "
                     "a status or verdict edited?");
}

TEST_CASE("result json: a rule that is not loaded is refused at its id", "[result-json]") {
  auto json = evaluated();
  finding(json, "t.review")["rule"] = "t.gone";
  const Diagnostic e = onlyError(readBack(json));
  CHECK(e.column == columnOf(json, "\"rule\":\"t.gone\""));
  CHECK(e.message ==
        "rule 't.gone' is not in the loaded rule packs: merge with the rules the audit used");
}

TEST_CASE("result json: jsonColumn finds a value by JSON pointer", "[result-json]") {
  const std::string line = R"({"a":[1,{"b":"x"}],"c":true})";
  CHECK(jsonColumn(line, "") == 1);
  CHECK(jsonColumn(line, "/a/1/b") == 14);
  CHECK(jsonColumn(line, "/c") == 24);
  CHECK(jsonColumn(line, "/a/2") == 0);
  CHECK(jsonColumn(line, "/missing") == 0);
  CHECK(jsonColumn("not json", "/a") == 0);
}
