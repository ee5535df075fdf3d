#pragma once
#include <cstdio>
#include <memory>

#include "report/stream_reporter.hpp"

namespace borderline {

// One self-contained HTML file (inline CSS, JS and SVG; nothing fetched from the network):
// totals by verdict, breakdowns by jurisdiction, regime, site country and rule with charts,
// and a sortable, filterable table of workloads with their findings and citations.
//
// The totals count every workload. The table holds at most `rowLimit` workloads (those that
// are not allowed first, each group in input order) and says so when it holds fewer than all:
// an inventory of millions belongs in the jsonl or csv report, not in a browser. Rows wait in
// temporary files until the end, so memory stays bounded.
class HtmlReporter : public StreamReporter {
public:
  static constexpr std::size_t kDefaultRowLimit = 20'000;

  explicit HtmlReporter(StreamContext context, std::size_t rowLimit = kDefaultRowLimit);
  void format(const Result& result, std::string& out) const override;
  void write(std::string_view formatted, Sink out) override;
  void end(const Tally& tally, Sink out) override;

private:
  struct Spool {
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> file{nullptr, &std::fclose};
    std::size_t rows = 0;
  };
  void copy(Spool& spool, std::size_t rows, Sink out, bool& first);

  std::size_t rowLimit_;
  Spool attention_, allowed_; // rows of workloads that are not allowed, and allowed ones
};

} // namespace borderline
