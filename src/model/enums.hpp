#pragma once
// The closed vocabularies of the manifest format (manifest.md). Each is an enum plus the
// one table of its spellings; loaders, the condition compiler and reporters all use these.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace borderline {

// A closed set of spellings, indexed by the enum's underlying value.
struct EnumDomain {
  std::string_view what; // e.g. "purpose", for error messages
  std::span<const std::string_view> names;

  std::optional<std::uint8_t> parse(std::string_view text) const;
  std::string_view name(std::uint8_t value) const { return names[value]; }
  std::string expected() const; // "a, b or c" for error messages
};

enum class Purpose : std::uint8_t { Training, FineTuning, Inference };
enum class Acquisition : std::uint8_t { Purchase, Lease, Iaas, Colocation, Owned };
enum class Weights : std::uint8_t { Open, Closed };
enum class EndUse : std::uint8_t { Civil, Military, MilitaryIntelligence, Wmd, Surveillance };
enum class DataCategory : std::uint8_t {
  Public,
  Proprietary,
  Personal,
  SensitivePersonal,
  Important,
  Genomic,
  Biometric,
  Geolocation,
  Health,
  Financial,
  Government,
  Identifiers
};

// Verdict levels, ordered from least to most severe so that max() is "worst".
enum class Level : std::uint8_t { Allowed, Advisory, Review, AuthorizationRequired, Prohibited };
enum class Regime : std::uint8_t {
  ExportControl,
  DataTransfer,
  DataLocalization,
  Sanctions,
  Guidance
};
enum class Provenance : std::uint8_t { Primary, Secondary, Unverified };

extern const EnumDomain kPurposeDomain;
extern const EnumDomain kAcquisitionDomain;
extern const EnumDomain kWeightsDomain;
extern const EnumDomain kEndUseDomain;
extern const EnumDomain kDataCategoryDomain;
extern const EnumDomain kRuleVerdictDomain;   // the levels a rule may declare (not "allowed")
extern const EnumDomain kResultVerdictDomain; // the levels a workload may get (not "advisory")
extern const EnumDomain kRegimeDomain;
extern const EnumDomain kProvenanceDomain;
extern const EnumDomain kFailOnDomain; // --fail-on: a level or "never"

std::string_view levelName(Level level);
std::optional<Level> parseLevel(std::string_view text); // any level name, incl. allowed/advisory

} // namespace borderline
