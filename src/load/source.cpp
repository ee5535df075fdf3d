#include "load/source.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include <fmt/format.h>

#include "load/diagnostics.hpp"

namespace borderline {

std::string_view SourceSet::intern(std::string name) {
  names_.push_back(std::move(name));
  return names_.back();
}

namespace {

[[noreturn]] void fail(Location loc, std::string message) {
  throw LoadFailure({Diagnostic{loc, std::move(message)}});
}

// Length of the UTF-8 sequence starting at s[i], or 0 if it is malformed.
std::size_t utf8Length(std::string_view s, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = byte(i);
  if (c < 0x80) return 1;
  const std::size_t n = c >= 0xC2 && c <= 0xDF   ? 2
                        : c >= 0xE0 && c <= 0xEF ? 3
                        : c >= 0xF0 && c <= 0xF4 ? 4
                                                 : 0; // 0x80-0xC1 and 0xF5-0xFF never start one
  if (n == 0 || i + n > s.size()) return 0;
  for (std::size_t k = 1; k < n; ++k)
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
  // Reject overlong forms, surrogates and code points above U+10FFFF.
  if (n == 3 && ((c == 0xE0 && byte(i + 1) < 0xA0) || (c == 0xED && byte(i + 1) >= 0xA0))) return 0;
  if (n == 4 && ((c == 0xF0 && byte(i + 1) < 0x90) || (c == 0xF4 && byte(i + 1) >= 0x90))) return 0;
  return n;
}

std::string tooLarge(std::size_t size) {
  return fmt::format("file is {} bytes; the limit is {} bytes (use `borderline audit` for large "
                     "inventories)",
                     size, kMaxInputBytes);
}

void checkText(std::string_view name, std::string_view text) {
  if (text.size() > kMaxInputBytes) fail({name, 0, 0}, tooLarge(text.size()));
  std::string_view problem;
  const std::size_t bad = findEncodingError(text, problem);
  if (bad == std::string_view::npos) return;
  std::uint32_t line = 1, column = 1;
  for (std::size_t i = 0; i < bad;) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
    i += std::max<std::size_t>(utf8Length(text, i), 1);
  }
  fail({name, line, column}, std::string(problem));
}

} // namespace

std::size_t findEncodingError(std::string_view text, std::string_view& problem) {
  const char* data = text.data();
  const std::size_t n = text.size();
  for (std::size_t i = 0; i < n;) {
    // Eight ASCII bytes at a time: no high bit set and no zero byte among them.
    if (i + 8 <= n) {
      std::uint64_t word;
      std::memcpy(&word, data + i, 8);
      constexpr std::uint64_t kLow = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
      if (((word | ((word - kLow) & ~word)) & kHigh) == 0) {
        i += 8;
        continue;
      }
    }
    if (data[i] == '\0') {
      problem = "NUL byte: this is not a text file (expected YAML or JSON)";
      return i;
    }
    const std::size_t len = utf8Length(text, i);
    if (len == 0) {
      problem = "invalid UTF-8: input must be UTF-8 text";
      return i;
    }
    i += len;
  }
  return std::string_view::npos;
}

SourceText checkSource(SourceSet& sources, std::string name, std::string text) {
  const std::string_view shown = sources.intern(std::move(name));
  if (text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);
  checkText(shown, text);
  return {shown, std::move(text)};
}

SourceText readSource(SourceSet& sources, const std::string& path) {
  std::string text;
  if (path == "-") {
    std::ostringstream buffer;
    buffer << std::cin.rdbuf();
    text = std::move(buffer).str();
    return checkSource(sources, "<stdin>", std::move(text));
  }
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec))
    fail({sources.intern(path), 0, 0}, "is a directory (expected a manifest file)");
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    const std::string_view shown = sources.intern(path);
    fail({shown, 0, 0}, fmt::format("cannot read file: {}", std::strerror(errno)));
  }
  in.seekg(0, std::ios::end);
  const auto size = in.tellg();
  if (size < 0) { // not seekable (a pipe or a directory)
    in.clear();
    in.seekg(0);
  } else if (static_cast<std::size_t>(size) > kMaxInputBytes) {
    fail({sources.intern(path), 0, 0}, tooLarge(static_cast<std::size_t>(size)));
  } else {
    in.seekg(0);
  }
  text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (in.bad()) fail({sources.intern(path), 0, 0}, "read error");
  return checkSource(sources, path, std::move(text));
}

} // namespace borderline
