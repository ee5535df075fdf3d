#pragma once
#include "report/reporter.hpp"

namespace borderline {

// SARIF 2.1.0 (OASIS), as GitHub code scanning and other SARIF viewers read it: one run whose
// driver lists every loaded rule, one result per finding at the manifest value that made the
// rule fire. Satisfied and waived findings carry suppressions, advisories are informational.
// See docs/ci.md for the mapping.
class SarifReporter : public Reporter {
public:
  void write(const Report& report, std::ostream& out) const override;
};

} // namespace borderline
