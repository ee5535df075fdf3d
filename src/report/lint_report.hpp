#pragma once
// The `rules lint` report: one line per issue in the compiler's "file:line:column: severity:"
// form (text), or JSON.
#include <ostream>

#include "analyze/lint.hpp"

namespace borderline {

void writeLintText(const CompiledRules& rules, const LintResult& lint, std::ostream& out);
void writeLintJson(const CompiledRules& rules, const LintResult& lint, std::ostream& out);

} // namespace borderline
