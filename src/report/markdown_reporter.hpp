#pragma once
#include "report/reporter.hpp"

namespace borderline {

// GitHub-flavoured Markdown for a pull-request comment or $GITHUB_STEP_SUMMARY: a headline, a
// summary table of every workload, then the findings of each workload that has any. Text from
// manifests and rule packs is escaped, so it cannot inject markup into the page.
class MarkdownReporter : public Reporter {
public:
  explicit MarkdownReporter(std::optional<Level> failOn) : failOn_(failOn) {}
  void write(const Report& report, std::ostream& out) const override;

private:
  std::optional<Level> failOn_;
};

} // namespace borderline
