#include "model/chip.hpp"

#include <algorithm>
#include <array>

namespace borderline {

std::span<const Precision> knownPrecisions() {
  static constexpr std::array<Precision, 9> kPrecisions = {{{"fp64", 64},
                                                            {"fp32", 32},
                                                            {"bf16", 16},
                                                            {"fp16", 16},
                                                            {"fp8", 8},
                                                            {"int8", 8},
                                                            {"fp6", 6},
                                                            {"fp4", 4},
                                                            {"int4", 4}}};
  return kPrecisions;
}

void ChipSpec::computeDerived() {
  tpp = 0;
  for (const auto& [bits, tera] : tops) tpp = std::max(tpp, tera * bits);
  if (dieArea && *dieArea > 0)
    performanceDensity = tpp / *dieArea;
  else
    performanceDensity.reset();
}

} // namespace borderline
