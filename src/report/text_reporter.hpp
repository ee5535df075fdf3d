#pragma once
#include "report/reporter.hpp"

namespace borderline {

// What a compliance officer reads on a terminal: the verdict first, then each finding with
// its reason, what to do, the exact citations and where in the manifest.
class TextReporter : public Reporter {
public:
  explicit TextReporter(bool color) : color_(color) {}
  void write(const Report& report, std::ostream& out) const override;

private:
  bool color_;
};

// The findings and notices of one result as the text report prints them (no colour): for
// formats that embed a readable account, such as a JUnit failure body.
void writeResultBody(std::ostream& out, const Result& result);
// "borderline 0.1.0 · rules sha256:… (N packs, reviewed …) · as of DATE": the first line of
// every text report.
std::string textHeader(const CompiledRules& rules, Date asOf);

} // namespace borderline
