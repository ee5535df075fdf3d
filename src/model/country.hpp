#pragma once

#include <bitset>
#include <cstdint>
#include <optional>
#include <string_view>

namespace borderline {

// Index into the ISO 3166-1 table, which is sorted by alpha-2 code, so ids order like codes.
using CountryId = std::uint8_t;
inline constexpr int kCountryCount = 249;

// Exact upper-case alpha-2 only ("cn" -> nullopt). Reserved and user-assigned codes such as
// XK, EU or UK are not part of the table and are rejected. Allocation-free, O(1).
std::optional<CountryId> countryFromCode(std::string_view code);
// Both return an empty view for ids >= kCountryCount rather than reading out of bounds.
std::string_view countryCode(CountryId id);
std::string_view countryName(CountryId id); // English short name, UTF-8 (e.g. "Côte d'Ivoire")

// A set of countries: a 256-bit bitset, cheap to copy and test (hot path of rule evaluation).
class CountrySet {
public:
  // Ids >= kCountryCount are ignored so that size() and forEach() always agree.
  void add(CountryId id);
  void remove(CountryId id);
  bool contains(CountryId id) const;
  CountrySet& operator|=(const CountrySet& o);
  bool empty() const;
  int size() const;
  bool operator==(const CountrySet&) const = default;
  template <class F> void forEach(F&& f) const {
    for (int i = 0; i < kCountryCount; ++i)
      if (bits_.test(i)) f(static_cast<CountryId>(i));
  }

private:
  std::bitset<256> bits_;
};

} // namespace borderline
