#pragma once
// CSV records (RFC 4180): fields separated by commas, optionally in double quotes, a quote
// inside a quoted field written twice; a quoted field may hold commas and line breaks. Lines
// end with LF or CRLF. Splitting allocates nothing per field: fields are views into the record,
// or into one scratch buffer for quoted fields that had doubled quotes.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace borderline {

// Where the record that starts at `start` ends: the index just past its line break, or
// text.size() when the text ends first. `complete` tells whether a line break (outside quotes)
// ended it, so a reader knows when it needs more input. `lineBreaks` counts the record's line
// breaks (more than one when quoted fields hold some), so that a reader keeps line numbers
// without scanning the text again.
std::size_t csvRecordEnd(std::string_view text, std::size_t start, bool& complete,
                         std::size_t& lineBreaks);

struct CsvField {
  std::string_view text; // unquoted, unescaped
  std::uint32_t offset;  // byte offset of the field's first character in the record
};

// The longest field (after unquoting); the longest cell a workload needs is a few hundred bytes.
inline constexpr std::size_t kMaxCsvFieldBytes = 64 * 1024;

// Splits one record (without its line break) into fields. Returns false, with the byte
// offset and a message, when the quoting is malformed or a field is longer than
// kMaxCsvFieldBytes. `scratch` must outlive the fields.
bool splitCsvRecord(std::string_view record, std::vector<CsvField>& fields, std::string& scratch,
                    std::uint32_t& errorOffset, std::string& error);

// The common record in one pass over its bytes: one line, quoted fields without doubled quotes,
// ASCII without NUL bytes, no field longer than kMaxCsvFieldBytes. Splits the record that starts
// at text[start] into fields (offsets from `start`, CR and LF left out as by csvRecordBody) and
// returns where it ends, as csvRecordEnd does; npos when it is not plain, for the general reader
// (csvRecordEnd, findEncodingError, splitCsvRecord), which also says what is wrong with it.
std::size_t splitPlainCsvRecord(std::string_view text, std::size_t start,
                                std::vector<CsvField>& fields);

// The record without its line break (LF or CRLF).
std::string_view csvRecordBody(std::string_view record);

// The end of the blank line that starts at text[start] (nothing but spaces, tabs and a CR before
// its line break or the end of the text), or npos when the line holds anything else.
std::size_t blankLineEnd(std::string_view text, std::size_t start);

// Where byte `offset` of a record that starts on line `firstLine` is: its line (a quoted field
// may span lines) and its 1-based byte column on that line.
struct CsvPosition {
  std::uint32_t line;
  std::uint32_t column;
};
CsvPosition csvPosition(std::string_view record, std::uint32_t firstLine, std::uint32_t offset);

// Appends `value` as one CSV field, quoted when it holds a comma, quote or line break.
void appendCsvField(std::string& out, std::string_view value);

} // namespace borderline
