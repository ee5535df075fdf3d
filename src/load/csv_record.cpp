#include "load/csv_record.hpp"

#include <algorithm>
#include <cstring>

#include <fmt/format.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace borderline {

namespace {

// Where the unquoted field at `i` ends: the first ',' or '"' from `i` on, or `n`. Most fields
// are shorter than 16 bytes, so one SSE2 comparison usually finds the end (a byte loop
// compared ~170 bytes a record one at a time).
std::size_t unquotedFieldEnd(const char* data, std::size_t i, std::size_t n) {
#if defined(__SSE2__)
  const __m128i comma = _mm_set1_epi8(',');
  const __m128i quote = _mm_set1_epi8('"');
  for (; i + 16 <= n; i += 16) {
    const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i));
    const int hits =
        _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(chunk, comma), _mm_cmpeq_epi8(chunk, quote)));
    if (hits != 0) return i + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(hits)));
  }
#endif
  while (i < n && data[i] != ',' && data[i] != '"') ++i;
  return i;
}

} // namespace

std::size_t csvRecordEnd(std::string_view text, std::size_t start, bool& complete,
                         std::size_t& lineBreaks) {
  const char* const begin = text.data();
  const char* const end = begin + text.size();
  const char* p = begin + start;
  // Fast path: a line without quotes ends at its line break.
  const void* nl = std::memchr(p, '\n', static_cast<std::size_t>(end - p));
  const char* lineEnd = nl ? static_cast<const char*>(nl) : end;
  if (!std::memchr(p, '"', static_cast<std::size_t>(lineEnd - p))) {
    complete = nl != nullptr;
    lineBreaks = complete ? 1 : 0;
    return nl ? static_cast<std::size_t>(lineEnd - begin) + 1 : text.size();
  }
  bool quoted = false;
  lineBreaks = 0;
  for (; p < end; ++p) {
    if (*p == '"') {
      quoted = !quoted; // "" inside quotes toggles twice: still quoted
    } else if (*p == '\n') {
      ++lineBreaks;
      if (!quoted) {
        complete = true;
        return static_cast<std::size_t>(p - begin) + 1;
      }
    }
  }
  complete = false;
  return text.size();
}

std::string_view csvRecordBody(std::string_view record) {
  if (record.ends_with('\n')) record.remove_suffix(1);
  if (record.ends_with('\r')) record.remove_suffix(1);
  return record;
}

std::size_t blankLineEnd(std::string_view text, std::size_t start) {
  for (std::size_t i = start; i < text.size(); ++i) {
    if (text[i] == '\n') return i + 1;
    if (text[i] != ' ' && text[i] != '\t' && text[i] != '\r') return std::string_view::npos;
  }
  return text.size();
}

namespace {

[[gnu::noinline]] void tooLongError(const CsvField& field, std::uint32_t& errorOffset,
                                    std::string& error) {
  errorOffset = field.offset;
  error = fmt::format("CSV field of {} bytes; the limit is {} bytes", field.text.size(),
                      kMaxCsvFieldBytes);
}

// Small enough to inline into the loops that call it once per field.
bool tooLong(const CsvField& field, std::uint32_t& errorOffset, std::string& error) {
  if (field.text.size() <= kMaxCsvFieldBytes) return false;
  tooLongError(field, errorOffset, error);
  return true;
}

// Bytes the one-pass reader takes as they are: not a line break (inside quotes), a NUL byte or
// non-ASCII (UTF-8 to validate).
bool plainByte(char c) {
  return c != '\n' && c != '\0' && static_cast<unsigned char>(c) < 0x80;
}

// The common record, in one pass: one line, quoted fields without doubled quotes, ASCII without
// NUL bytes, no field over the limit. Its commas, quotes and line break are found 16 bytes at a
// time. `n` is text.size() - start.
std::size_t splitPlainRecord(const char* data, std::size_t n, std::vector<CsvField>& fields) {
  constexpr std::size_t kNotPlain = std::string_view::npos, kGoOn = kNotPlain - 1;
  std::size_t start = 0; // of the current field
  std::size_t i = 0;     // where the scan goes on
  bool fits = true;      // no field over kMaxCsvFieldBytes
  auto push = [&](std::size_t from, std::size_t to, std::size_t offset) {
    fields.push_back(
        {std::string_view(data + from, to - from), static_cast<std::uint32_t>(offset)});
    fits = fits && to - from <= kMaxCsvFieldBytes;
  };
  auto endField = [&](std::size_t end) {
    push(start, end, start);
    start = end + 1;
  };
  // The last field ends before the line break and a CR before it (csvRecordBody).
  auto endRecord = [&](std::size_t lineEnd) {
    std::size_t end = lineEnd;
    if (end > start && data[end - 1] == '\r') --end;
    endField(end);
    return std::min(lineEnd + 1, n);
  };
  // The quoted field that starts at `q`; then the next field, or the record's end.
  auto quoted = [&](std::size_t q) {
    if (q != start) return kNotPlain; // a quote inside an unquoted field: an error
    const void* close = std::memchr(data + q + 1, '"', n - q - 1);
    if (close == nullptr) return kNotPlain;
    const auto c = static_cast<std::size_t>(static_cast<const char*>(close) - data);
    for (std::size_t k = q + 1; k < c; ++k)
      if (!plainByte(data[k])) return kNotPlain;
    push(q + 1, c, q);
    const std::size_t p = c + 1; // after the closing quote
    if (p < n && data[p] == ',') {
      start = i = p + 1;
      return kGoOn;
    }
    if (p == n || (data[p] == '\r' && p + 1 == n)) return n;
    if (data[p] == '\n') return p + 1;
    if (data[p] == '\r' && data[p + 1] == '\n') return p + 2;
    return kNotPlain; // a doubled quote, or text after the closing quote
  };
  std::size_t end = kGoOn;
#if defined(__SSE2__)
  const __m128i comma = _mm_set1_epi8(',');
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i newline = _mm_set1_epi8('\n');
  const __m128i zero = _mm_setzero_si128();
  while (end == kGoOn && i + 16 <= n) {
    const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i));
    auto bits = [&](__m128i byte) {
      return static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(chunk, byte)));
    };
    const unsigned lineBreaks = bits(newline);
    const unsigned before = lineBreaks != 0 ? (lineBreaks & -lineBreaks) - 1 : 0xFFFFu;
    // A NUL byte or a byte with the high bit set (non-ASCII): not plain.
    if (((bits(zero) | static_cast<unsigned>(_mm_movemask_epi8(chunk))) & before) != 0)
      return kNotPlain;
    const unsigned quotes = bits(quote) & before;
    const unsigned upTo = quotes != 0 ? (quotes & -quotes) - 1 : before;
    for (unsigned commas = bits(comma) & upTo; commas != 0; commas &= commas - 1)
      endField(i + static_cast<std::size_t>(__builtin_ctz(commas)));
    if (quotes != 0)
      end = quoted(i + static_cast<std::size_t>(__builtin_ctz(quotes)));
    else if (lineBreaks != 0)
      end = endRecord(i + static_cast<std::size_t>(__builtin_ctz(lineBreaks)));
    else
      i += 16;
  }
#endif
  while (end == kGoOn && i < n) {
    const char c = data[i];
    if (c == '\n') {
      end = endRecord(i);
    } else if (c == '"') {
      end = quoted(i);
    } else if (!plainByte(c)) {
      end = kNotPlain;
    } else {
      if (c == ',') endField(i);
      ++i;
    }
  }
  if (end == kGoOn) end = endRecord(n);
  return fits ? end : kNotPlain;
}

} // namespace

bool splitCsvRecord(std::string_view record, std::vector<CsvField>& fields, std::string& scratch,
                    std::uint32_t& errorOffset, std::string& error) {
  // A plain record ending in CR would lose it: csvRecordBody has taken the record's own CR.
  if (!record.ends_with('\r') && splitPlainCsvRecord(record, 0, fields) == record.size())
    return true;
  fields.clear();
  scratch.clear();
  scratch.reserve(record.size()); // views into it must stay valid
  std::size_t i = 0;
  const std::size_t n = record.size();
  while (true) {
    const auto start = static_cast<std::uint32_t>(i);
    if (i < n && record[i] == '"') {
      // Quoted: find the closing quote, unescaping "" only when there is one.
      std::size_t j = i + 1;
      bool escaped = false;
      while (true) {
        const std::size_t q = record.find('"', j);
        if (q == std::string_view::npos) {
          errorOffset = start;
          error = "unclosed quote in CSV field";
          return false;
        }
        if (q + 1 < n && record[q + 1] == '"') {
          escaped = true;
          j = q + 2;
          continue;
        }
        j = q;
        break;
      }
      std::string_view inner = record.substr(i + 1, j - i - 1);
      if (escaped) {
        const std::size_t from = scratch.size();
        for (std::size_t k = 0; k < inner.size(); ++k) {
          scratch += inner[k];
          if (inner[k] == '"') ++k; // skip the second quote of a pair
        }
        inner = std::string_view(scratch).substr(from);
      }
      fields.push_back({inner, start});
      i = j + 1;
      if (i < n && record[i] != ',') {
        errorOffset = static_cast<std::uint32_t>(i);
        error = "unexpected text after a closing quote in CSV field (quote the whole field, "
                "and write a quote inside it as \"\")";
        return false;
      }
    } else {
      const std::size_t end = unquotedFieldEnd(record.data(), i, n);
      if (end < n && record[end] == '"') {
        errorOffset = static_cast<std::uint32_t>(end);
        error = "quote inside an unquoted CSV field (quote the whole field, and write a quote "
                "inside it as \"\")";
        return false;
      }
      fields.push_back({record.substr(i, end - i), start});
      i = end;
    }
    if (tooLong(fields.back(), errorOffset, error)) return false;
    if (i >= n) return true;
    ++i;          // the comma
    if (i == n) { // a trailing comma: one more, empty field
      fields.push_back({std::string_view(), static_cast<std::uint32_t>(i)});
      return true;
    }
  }
}

std::size_t splitPlainCsvRecord(std::string_view text, std::size_t start,
                                std::vector<CsvField>& fields) {
  fields.clear();
  const std::size_t end = splitPlainRecord(text.data() + start, text.size() - start, fields);
  return end == std::string_view::npos ? end : start + end;
}

CsvPosition csvPosition(std::string_view record, std::uint32_t firstLine, std::uint32_t offset) {
  std::uint32_t line = firstLine;
  std::size_t lineStart = 0;
  for (std::size_t i = 0; i < offset && i < record.size(); ++i)
    if (record[i] == '\n') {
      ++line;
      lineStart = i + 1;
    }
  return {line, static_cast<std::uint32_t>(offset - lineStart + 1)};
}

void appendCsvField(std::string& out, std::string_view value) {
  if (value.find_first_of(",\"\n\r") == std::string_view::npos) {
    out += value;
    return;
  }
  out += '"';
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

} // namespace borderline
