#include "load/csv_table.hpp"

#include "load/diagnostics.hpp"

namespace borderline {

std::vector<CsvRecord> splitCsv(std::string_view file, std::string_view text) {
  std::vector<CsvRecord> records;
  std::uint32_t line = 1, column = 1;
  std::size_t i = 0;
  auto bump = [&](char c) {
    if (c == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
      ++column;
    }
  };
  while (i < text.size()) {
    CsvRecord rec;
    rec.line = line;
    bool endOfRecord = false;
    while (!endOfRecord) {
      std::string field;
      rec.columns.push_back(column);
      if (i < text.size() && text[i] == '"') {
        const Location open{file, line, column};
        bump(text[i++]);
        while (true) {
          if (i >= text.size())
            throw LoadFailure({Diagnostic{open, "unterminated quoted CSV field"}});
          const char c = text[i];
          if (c == '"') {
            if (i + 1 < text.size() && text[i + 1] == '"') {
              field += '"';
              bump(text[i++]);
              bump(text[i++]);
              continue;
            }
            bump(text[i++]);
            break;
          }
          field += c;
          bump(text[i++]);
        }
        if (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r')
          throw LoadFailure({Diagnostic{{file, line, column},
                                        "expected ',' or the end of the line after a quoted field"}});
      } else {
        while (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
          if (text[i] == '"')
            throw LoadFailure({Diagnostic{
                {file, line, column},
                "'\"' inside an unquoted CSV field (quote the whole field and double the quote)"}});
          field += text[i];
          bump(text[i++]);
        }
      }
      rec.fields.push_back(std::move(field));
      if (i >= text.size()) {
        endOfRecord = true;
      } else if (text[i] == ',') {
        bump(text[i++]);
      } else {
        if (text[i] == '\r') bump(text[i++]);
        if (i < text.size() && text[i] == '\n') bump(text[i++]);
        endOfRecord = true;
      }
    }
    const bool blank = rec.fields.size() == 1 && rec.fields[0].empty();
    if (!blank) records.push_back(std::move(rec));
  }
  return records;
}

} // namespace borderline
