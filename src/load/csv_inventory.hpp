#pragma once
// Flat CSV inventories (manifest.md, "Flat inventories"): a header row naming columns by dotted
// path, one row per workload, `;`-separated lists, chips as `model*count`, authorizations as
// `type:reference:expires`. Consecutive rows with the same name are one workload: the later
// rows add data sources and chips, and may repeat the other cells or leave them empty.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "load/chip_index_cache.hpp"
#include "load/csv_record.hpp"
#include "load/inventory.hpp"
#include "model/chip_catalog.hpp"

namespace borderline {

enum class CsvColumn : std::uint8_t {
  Name,
  Purpose,
  PeriodStart,
  PeriodEnd,
  ModelName,
  DeveloperName,
  DeveloperHq,
  TrainingCompute,
  Chips,
  Acquisition,
  SiteCountry,
  OwnerName,
  OwnerHq,
  OwnerParentName,
  OwnerParentHq,
  TenantName,
  TenantHq,
  TenantParentName,
  TenantParentHq,
  TenantDesignations,
  EndUse,
  DataOrigin,
  DataCategories,
  DataSubjects,
  DataTransfer,
  Authorizations,
};
inline constexpr int kCsvColumns = 26;
// The header name of each column, in manifest.md's order.
std::string_view csvColumnName(CsvColumn column);

// Scratch space for splitting records; one per thread.
struct CsvScratch {
  std::vector<CsvField> fields, firstFields;
  std::string text, firstText;
  ChipIndexCache chips;
};

class CsvInventory {
public:
  // Reads the header row (a record without its line break). Throws LoadFailure on unknown,
  // repeated or missing columns.
  CsvInventory(std::string_view file, std::string_view header, std::uint32_t headerLine,
               const ChipCatalog& catalog);

  // The `name` cell of a record, for grouping rows; empty when the record is malformed (its
  // batch reports why).
  std::string_view nameOf(std::string_view record, CsvScratch& scratch) const;

  // Loads whole records starting on line `firstLine`; the caller never splits the rows of one
  // name between two calls. Bad workloads go to out.invalid with every error of their rows.
  void load(std::string_view text, std::uint32_t firstLine, LoadedBatch& out,
            CsvScratch& scratch) const;

  std::string_view file() const { return file_; }

private:
  friend class CsvRowReader;
  std::string_view file_;
  const ChipCatalog* catalog_;
  std::array<int, kCsvColumns> index_{}; // field index of each column, -1 when absent
  std::size_t fieldCount_ = 0;
};

} // namespace borderline
