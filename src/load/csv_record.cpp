#include "load/csv_record.hpp"

#include <cstring>
#include <optional>

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

std::size_t csvRecordEnd(std::string_view text, std::size_t start, bool& complete) {
  const char* const begin = text.data();
  const char* const end = begin + text.size();
  const char* p = begin + start;
  // Fast path: a line without quotes ends at its line break.
  const void* nl = std::memchr(p, '\n', static_cast<std::size_t>(end - p));
  const char* lineEnd = nl ? static_cast<const char*>(nl) : end;
  if (!std::memchr(p, '"', static_cast<std::size_t>(lineEnd - p))) {
    complete = nl != nullptr;
    return nl ? static_cast<std::size_t>(lineEnd - begin) + 1 : text.size();
  }
  bool quoted = false;
  for (; p < end; ++p) {
    if (*p == '"')
      quoted = !quoted; // "" inside quotes toggles twice: still quoted
    else if (*p == '\n' && !quoted) {
      complete = true;
      return static_cast<std::size_t>(p - begin) + 1;
    }
  }
  complete = false;
  return text.size();
}

std::size_t countLineBreaks(std::string_view text) {
  std::size_t count = 0;
  const char* p = text.data();
  const char* const end = p + text.size();
  while (const void* nl = std::memchr(p, '\n', static_cast<std::size_t>(end - p))) {
    ++count;
    p = static_cast<const char*>(nl) + 1;
  }
  return count;
}

std::string_view csvRecordBody(std::string_view record) {
  if (record.ends_with('\n')) record.remove_suffix(1);
  if (record.ends_with('\r')) record.remove_suffix(1);
  return record;
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

// The common record, without quotes: its fields are the text between commas, found 16 bytes
// at a time. Returns nullopt at the first quote, for the general splitter.
std::optional<bool> splitWithoutQuotes(std::string_view record, std::vector<CsvField>& fields,
                                       std::uint32_t& errorOffset, std::string& error) {
  const char* const data = record.data();
  const std::size_t n = record.size();
  std::size_t start = 0; // of the current field
  auto endField = [&](std::size_t end) {
    fields.push_back({record.substr(start, end - start), static_cast<std::uint32_t>(start)});
    start = end + 1;
    return !tooLong(fields.back(), errorOffset, error);
  };
  std::size_t i = 0;
#if defined(__SSE2__)
  const __m128i comma = _mm_set1_epi8(',');
  const __m128i quote = _mm_set1_epi8('"');
  for (; i + 16 <= n; i += 16) {
    const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i));
    if (_mm_movemask_epi8(_mm_cmpeq_epi8(chunk, quote)) != 0) return std::nullopt;
    for (auto commas = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(chunk, comma)));
         commas != 0; commas &= commas - 1)
      if (!endField(i + static_cast<std::size_t>(__builtin_ctz(commas)))) return false;
  }
#endif
  for (; i < n; ++i) {
    if (data[i] == '"') return std::nullopt;
    if (data[i] == ',' && !endField(i)) return false;
  }
  return endField(n);
}

} // namespace

bool splitCsvRecord(std::string_view record, std::vector<CsvField>& fields, std::string& scratch,
                    std::uint32_t& errorOffset, std::string& error) {
  fields.clear();
  if (const auto done = splitWithoutQuotes(record, fields, errorOffset, error)) return *done;
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
