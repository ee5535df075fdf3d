#pragma once
// Small string helpers shared by loaders, the compiler and reporters.
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace borderline {

std::string toLower(std::string_view s);
// Without leading and trailing spaces and tabs (how flat inventories read their cells).
std::string_view trim(std::string_view s);
std::size_t editDistance(std::string_view a, std::string_view b);
// The closest candidate to `word` if it is a plausible typo (small edit distance), else empty.
std::string_view closestMatch(std::string_view word,
                              const std::vector<std::string_view>& candidates);
std::string_view closestMatch(std::string_view word, const std::vector<std::string>& candidates);
// "a, b, c"
std::string joined(const std::vector<std::string_view>& items, std::string_view separator = ", ");
// "a, b or c" (a choice offered in a message)
std::string joinedOr(std::span<const std::string_view> items);

} // namespace borderline
