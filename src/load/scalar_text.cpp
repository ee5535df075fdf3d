#include "load/scalar_text.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include <fmt/format.h>

#include "evaluate/screening.hpp"

namespace borderline {

std::string quotedText(std::string_view text) {
  if (text.size() > 60) return fmt::format("'{}...'", text.substr(0, 57));
  return fmt::format("'{}'", text);
}

namespace {

// "010", "-007": YAML 1.1 tools read a leading zero as octal (8), YAML 1.2 and from_chars as
// decimal (10). Refused rather than read one way silently.
bool leadingZero(std::string_view text, std::string_view what, std::string& error) {
  if (!text.empty() && (text[0] == '-' || text[0] == '+')) text.remove_prefix(1);
  if (text.size() < 2 || text[0] != '0' || text[1] < '0' || text[1] > '9') return false;
  error = fmt::format("{} {} has a leading zero, which YAML 1.1 reads as octal (expected a "
                      "decimal number without it)",
                      what, quotedText(text));
  return true;
}

} // namespace

std::optional<double> numberFromText(std::string_view text, std::string_view what,
                                     std::string& error) {
  if (leadingZero(text, what, error)) return std::nullopt;
  double value = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec == std::errc::result_out_of_range) {
    error = fmt::format("{} {} is out of range", what, quotedText(text));
    return std::nullopt;
  }
  if (ec != std::errc() || ptr != end || !std::isfinite(value)) {
    error = fmt::format("{} must be a number, got {}", what, quotedText(text));
    return std::nullopt;
  }
  return value;
}

std::optional<std::int64_t> integerFromText(std::string_view text, std::string_view what,
                                            std::int64_t min, std::int64_t max,
                                            std::string& error) {
  if (leadingZero(text, what, error)) return std::nullopt;
  std::int64_t whole = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, whole);
  if (ec != std::errc() || ptr != end) { // not a plain integer: maybe 2.5e6
    const auto value = numberFromText(text, what, error);
    if (!value) return std::nullopt;
    // Range first, so that a number too large for 64 bits says so rather than "not whole".
    if (*value > static_cast<double>(max)) {
      error = fmt::format("{} must be at most {}, got {}", what, max, quotedText(text));
      return std::nullopt;
    }
    // Beyond 2^53 a double no longer holds every integer: refuse rather than round silently.
    if (std::trunc(*value) != *value || std::fabs(*value) > 9007199254740992.0) {
      error = fmt::format("{} must be a whole number, got {}", what, quotedText(text));
      return std::nullopt;
    }
    whole = static_cast<std::int64_t>(*value);
  }
  if (whole < min) {
    error = min == 0 ? fmt::format("{} must not be negative, got {}", what, quotedText(text))
                     : fmt::format("{} must be at least {}, got {}", what, min, quotedText(text));
    return std::nullopt;
  }
  if (whole > max) {
    error = fmt::format("{} must be at most {}, got {}", what, max, quotedText(text));
    return std::nullopt;
  }
  return whole;
}

std::optional<Date> dateFromText(std::string_view text, std::string_view what, std::string& error) {
  if (auto d = Date::parse(text)) return d;
  const bool shaped = text.size() == 10 && text[4] == '-' && text[7] == '-';
  const bool digitsYear = shaped && std::all_of(text.begin(), text.begin() + 4,
                                                [](char c) { return c >= '0' && c <= '9'; });
  if (digitsYear && text[0] == '0')
    error = fmt::format("{} {}: years before 1000 are not supported", what, quotedText(text));
  else if (shaped)
    error = fmt::format("{} {} is not a real calendar date", what, quotedText(text));
  else
    error = fmt::format("{} must be an ISO date YYYY-MM-DD, got {}", what, quotedText(text));
  return std::nullopt;
}

std::optional<CountryId> countryFromText(std::string_view text, std::string_view what,
                                         std::string& error) {
  if (auto id = countryFromCode(text)) return id;
  std::string upper(text);
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (upper != text && countryFromCode(upper))
    error = fmt::format("{}: country codes are upper case: did you mean '{}'?", what, upper);
  else
    error = fmt::format("{}: unknown country code {} (expected an ISO 3166-1 alpha-2 code "
                        "such as CN, MY, SG, US)",
                        what, quotedText(text));
  return std::nullopt;
}

std::optional<std::uint8_t> enumFromText(std::string_view text, const EnumDomain& domain,
                                         std::string& error) {
  if (auto value = domain.parse(text)) return value;
  error =
      fmt::format("unknown {} {} (expected {})", domain.what, quotedText(text), domain.expected());
  return std::nullopt;
}

bool screenablePartyName(std::string_view name, std::string_view what, std::string& error) {
  if (screening::hasScreenableName(name)) return true;
  error = fmt::format("{} {} has nothing to screen against the party lists once legal forms and "
                      "punctuation are removed (expected the party's legal name)",
                      what, quotedText(name));
  return false;
}

bool validWorkloadName(std::string_view name, std::string& error) {
  // A test per character, not find_first_not_of: that calls memchr on the 65 allowed
  // characters for every character of every workload name of an audit.
  const auto allowed = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '_' || c == '-';
  };
  const bool ok =
      !name.empty() && name.size() <= 253 && std::all_of(name.begin(), name.end(), allowed);
  if (!ok)
    error = fmt::format("metadata.name '{}' must be 1-253 characters of A-Z a-z 0-9 . _ -", name);
  return ok;
}

} // namespace borderline
