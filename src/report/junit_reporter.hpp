#pragma once
#include "report/reporter.hpp"

namespace borderline {

// JUnit XML for CI test-report readers (GitLab, Jenkins, Azure DevOps...): a testsuite per
// manifest file, a testcase per workload, a failure when its verdict is at or above --fail-on
// with the findings in the body. Valid against the Jenkins JUnit schema (tests/schemas/).
class JunitReporter : public Reporter {
public:
  explicit JunitReporter(std::optional<Level> failOn) : failOn_(failOn) {}
  void write(const Report& report, std::ostream& out) const override;

private:
  std::optional<Level> failOn_;
};

} // namespace borderline
