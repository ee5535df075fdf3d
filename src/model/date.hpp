#pragma once
// Calendar dates as a day count, so comparisons and "the day before" are integer arithmetic.
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace borderline {

class Date {
public:
  constexpr Date() = default;
  static constexpr Date fromDays(std::int32_t days) { return Date(days); }
  // Strict ISO 8601 calendar date "YYYY-MM-DD" (years 1000-9999); impossible dates are rejected.
  static std::optional<Date> parse(std::string_view text);
  static Date todayUtc();

  constexpr std::int32_t days() const { return days_; }
  std::string str() const;
  constexpr Date plusDays(std::int32_t n) const { return Date(days_ + n); }

  constexpr auto operator<=>(const Date&) const = default;

private:
  constexpr explicit Date(std::int32_t days) : days_(days) {}
  std::int32_t days_ = 0; // days since 1970-01-01
};

} // namespace borderline
