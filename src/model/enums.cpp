#include "model/enums.hpp"

#include <array>

#include "util/text.hpp"

namespace borderline {

std::optional<std::uint8_t> EnumDomain::parse(std::string_view text) const {
  for (std::size_t i = 0; i < names.size(); ++i)
    if (names[i] == text) return static_cast<std::uint8_t>(i);
  return std::nullopt;
}

std::string EnumDomain::expected() const {
  return joinedOr(names);
}

namespace {
constexpr std::array<std::string_view, 3> kPurposes = {"training", "fine-tuning", "inference"};
constexpr std::array<std::string_view, 5> kAcquisitions = {"purchase", "lease", "iaas",
                                                           "colocation", "owned"};
constexpr std::array<std::string_view, 2> kWeights = {"open", "closed"};
constexpr std::array<std::string_view, 5> kEndUses = {"civil", "military", "military-intelligence",
                                                      "wmd", "surveillance"};
constexpr std::array<std::string_view, 12> kCategories = {
    "public",    "proprietary", "personal", "sensitive-personal", "important",  "genomic",
    "biometric", "geolocation", "health",   "financial",          "government", "identifiers"};
// Indexed by Level.
constexpr std::array<std::string_view, 5> kLevels = {"allowed", "advisory", "review",
                                                     "authorization-required", "prohibited"};
constexpr std::array<std::string_view, 4> kRuleVerdicts = {"prohibited", "authorization-required",
                                                           "review", "advisory"};
constexpr std::array<std::string_view, 4> kResultVerdicts = {"prohibited", "authorization-required",
                                                             "review", "allowed"};
constexpr std::array<std::string_view, 4> kFailOn = {"prohibited", "authorization-required",
                                                     "review", "never"};
constexpr std::array<std::string_view, 5> kRegimes = {"export-control", "data-transfer",
                                                      "data-localization", "sanctions", "guidance"};
constexpr std::array<std::string_view, 3> kProvenances = {"primary", "secondary", "unverified"};
} // namespace

const EnumDomain kPurposeDomain{"purpose", kPurposes};
const EnumDomain kAcquisitionDomain{"acquisition", kAcquisitions};
const EnumDomain kWeightsDomain{"weights", kWeights};
const EnumDomain kEndUseDomain{"end use", kEndUses};
const EnumDomain kDataCategoryDomain{"data category", kCategories};
const EnumDomain kRuleVerdictDomain{"verdict", kRuleVerdicts};
const EnumDomain kResultVerdictDomain{"verdict", kResultVerdicts};
const EnumDomain kRegimeDomain{"regime", kRegimes};
const EnumDomain kProvenanceDomain{"provenance", kProvenances};
const EnumDomain kFailOnDomain{"level", kFailOn};

std::string_view levelName(Level level) {
  return kLevels[static_cast<std::size_t>(level)];
}

std::optional<Level> parseLevel(std::string_view text) {
  for (std::size_t i = 0; i < kLevels.size(); ++i)
    if (kLevels[i] == text) return static_cast<Level>(i);
  return std::nullopt;
}

} // namespace borderline
