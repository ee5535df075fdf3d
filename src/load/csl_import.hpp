#pragma once
// Reading the US Consolidated Screening List (CSL) as users download it from trade.gov: the
// JSON layout of the API (`{"sources_used": [...], "results": [...]}`) and the CSV download.
// The CSL is a foreign format: fields we do not use are ignored, the ones we need are
// required and type-checked, and every error has file:line:column (docs/screening.md).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "load/source.hpp"
#include "model/country.hpp"
#include "model/date.hpp"
#include "model/location.hpp"

namespace borderline {

struct CslEntry {
  std::string name;
  std::vector<std::string> altNames;
  std::string source;                // e.g. "Entity List (EL) - Bureau of Industry and Security"
  std::optional<CountryId> country;  // the first address country that is an ISO code
  std::optional<Date> startDate;     // `start_date` when it is an ISO date
  std::string federalRegisterNotice; // e.g. "90 FR 4617"
  std::string licenseRequirement;
  std::string licensePolicy;
  std::string sourceListUrl;
  Location loc; // the record in the source file
};

struct CslData {
  std::optional<Date> date; // the newest `source_last_updated` of `sources_used` (JSON only)
  std::vector<CslEntry> entries;
  // Address countries that are not ISO 3166-1 alpha-2 codes ("PRC", "REGION: CRIMEA"...):
  // they are not imported as the entry's country; the import summary counts them.
  std::size_t countriesNotIso = 0;
  // Entries whose `start_date` is given but is not a date (2025-02-29, "soon"): imported without
  // a listing date, so in force on every date (the cautious reading), and counted here.
  std::size_t startDatesUnreadable = 0;
};

// Both throw LoadFailure with every error found (up to Diagnostics::kMaxErrors).
CslData readCslJson(const SourceText& source);
CslData readCslCsv(const SourceText& source);
// By content: a JSON document starts with '{', anything else is read as CSV.
CslData readCsl(const SourceText& source);

} // namespace borderline
