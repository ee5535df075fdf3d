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

} // namespace borderline
