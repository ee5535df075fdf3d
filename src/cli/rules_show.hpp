#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "compile/rules.hpp"

namespace borderline {

// The `rules show` report (`format` text or json) for a rule id, a group (`D5` or `@D5`) or a
// classification id, or nullopt if nothing has that name.
std::optional<std::string> showRulesItem(const CompiledRules& rules, std::string_view id,
                                         std::string_view format);

} // namespace borderline
