#pragma once
// CSV as a table of records with locations (RFC 4180): comma-separated fields, optionally in
// double quotes, "" for a quote inside quotes, quoted fields may hold commas and line breaks;
// LF or CRLF. Used for the CSL's CSV download and `screen --csv`; the audit streams records
// through the same splitter (load/csv_record) instead of holding them all.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace borderline {

struct CsvRecord {
  std::vector<std::string> fields;
  std::vector<std::uint32_t> columns; // where each field starts (1-based bytes on its line)
  std::uint32_t line = 0;
};

// All non-blank records of `text`. Throws LoadFailure at the first malformed quoting.
std::vector<CsvRecord> splitCsv(std::string_view file, std::string_view text);

} // namespace borderline
