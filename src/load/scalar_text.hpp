#pragma once
// The text of one scalar value -> a typed value, or the message saying why not. Shared by the
// YAML reader and the flat-inventory loaders (CSV, JSONL), so that a bad value gets the same
// message whatever the input format. Each parser returns nullopt and sets `error` on failure.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "model/country.hpp"
#include "model/date.hpp"
#include "model/enums.hpp"

namespace borderline {

// 'text' for messages, cut at 60 characters.
std::string quotedText(std::string_view text);

std::optional<double> numberFromText(std::string_view text, std::string_view what,
                                     std::string& error);
// A whole number in [min, max]; accepts integral floats such as 2.5e6, refuses what a double
// cannot hold exactly.
std::optional<std::int64_t> integerFromText(std::string_view text, std::string_view what,
                                            std::int64_t min, std::int64_t max, std::string& error);
std::optional<Date> dateFromText(std::string_view text, std::string_view what, std::string& error);
std::optional<CountryId> countryFromText(std::string_view text, std::string_view what,
                                         std::string& error);
std::optional<std::uint8_t> enumFromText(std::string_view text, const EnumDomain& domain,
                                         std::string& error);
// metadata.name: 1-253 characters of A-Z a-z 0-9 . _ -
bool validWorkloadName(std::string_view name, std::string& error);
// A party's name or parentName (`what`, e.g. "tenant.name"): something the party lists can be
// searched for, by the rule `screen` applies (screening::hasScreenableName). An empty name, or
// one of only legal forms and punctuation, would be screened as nothing and never match: a
// silent pass, so it is refused.
bool screenablePartyName(std::string_view name, std::string_view what, std::string& error);

} // namespace borderline
