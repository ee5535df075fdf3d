#include "load/csv_table.hpp"

#include "load/csv_record.hpp"
#include "load/diagnostics.hpp"

namespace borderline {

// The same splitter as the audit's streaming reader (load/csv_record), over a whole text.
std::vector<CsvRecord> splitCsv(std::string_view file, std::string_view text) {
  std::vector<CsvRecord> records;
  std::vector<CsvField> fields;
  std::string scratch, error;
  std::uint32_t line = 1;
  for (std::size_t start = 0; start < text.size();) {
    bool complete = false;
    std::size_t lineBreaks = 0;
    const std::size_t end = csvRecordEnd(text, start, complete, lineBreaks);
    const std::string_view record = text.substr(start, end - start);
    const std::string_view body = csvRecordBody(record);
    std::uint32_t offset = 0;
    if (!splitCsvRecord(body, fields, scratch, offset, error)) {
      const CsvPosition at = csvPosition(body, line, offset);
      throw LoadFailure({Diagnostic{{file, at.line, at.column}, error}});
    }
    const bool blank = fields.size() == 1 && fields[0].text.empty();
    if (!blank) {
      CsvRecord& r = records.emplace_back();
      r.line = line;
      // A one-line record's columns are its offsets; only a record with quoted line breaks
      // needs csvPosition(), which scans from the record's start for each field.
      const bool oneLine = body.find('\n') == std::string_view::npos;
      for (const CsvField& f : fields) {
        r.fields.emplace_back(f.text);
        r.columns.push_back(oneLine ? f.offset + 1 : csvPosition(body, line, f.offset).column);
      }
    }
    line += static_cast<std::uint32_t>(lineBreaks);
    start = end;
  }
  return records;
}

} // namespace borderline
