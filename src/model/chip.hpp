#pragma once
// An accelerator's specification, as the chip catalog or an inline manifest entry gives it.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/country.hpp"
#include "model/location.hpp"

namespace borderline {

// Precisions a datasheet quotes dense throughput for; the bit length is what TPP multiplies by.
struct Precision {
  std::string_view name;
  int bits;
};
std::span<const Precision> knownPrecisions();

struct ChipSpec {
  std::string id; // catalog id; empty for an inline spec
  std::string vendor;
  std::string name;
  std::vector<std::string> aliases;
  std::optional<CountryId> origin;
  std::optional<bool> datacenter;
  std::vector<std::pair<int, double>> tops; // (bit length, dense TOPS)
  std::optional<double> dieArea;            // applicable die area, mm^2
  std::optional<double> memoryBandwidth;    // GB/s
  std::optional<double> ioBandwidth;        // GB/s
  std::optional<std::string> eccn;          // fixed fallback when no classification applies
  std::vector<std::string> sources;
  std::string notes;
  Location loc;

  // Derived once at load time (ECCN 3A090 Technical Note: TPP = TOPS x bit length, max over
  // precisions; performance density = TPP / applicable die area).
  double tpp = 0;
  std::optional<double> performanceDensity;
  void computeDerived();
};

} // namespace borderline
