#pragma once
// The result object of the JSON reports (cli.md), written with a JsonWriter. What a finding
// says of its rule (title, regime, jurisdiction, citations), and a screening match of its
// party-list entry's citations, is the same for every workload: a writer made for a run of
// many results writes those pieces once and pastes them.
#include <string>
#include <vector>

#include "compile/rules.hpp"
#include "evaluate/result.hpp"
#include "report/json_writer.hpp"

namespace borderline {

class ResultJsonWriter {
public:
  // Writes rule pieces afresh for each result (`check`, `explain`, `report merge`: few
  // results, or no run to amortise them over).
  explicit ResultJsonWriter(const CompiledRules& rules);
  // Writes each rule's pieces once, for results written `pretty` (or not) at `depth`.
  ResultJsonWriter(const CompiledRules& rules, bool pretty, int depth);

  // The result object; `site` adds the site country the audit's breakdowns need (JSONL).
  void write(JsonWriter& out, const Result& result, bool site) const;

private:
  // What a finding says of its rule, in three runs of members (see finding()).
  struct RulePieces {
    std::string title, origin, citations;
  };
  void finding(JsonWriter& out, const Finding& f) const;
  void match(JsonWriter& out, const ScreeningMatch& m) const;
  const CompiledRules& rules_;
  std::vector<RulePieces> pieces_; // by index in rules_.rules; empty = write afresh
  // A party-list entry's citations, as a screening match in a finding carries them; by index
  // in rules_.parties, written with pieces_.
  std::vector<std::string> entryCitations_;
};

} // namespace borderline
