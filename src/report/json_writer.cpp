#include "report/json_writer.hpp"

#include <charconv>

#include <nlohmann/json.hpp>

namespace borderline {

namespace {

// Bytes that dump() copies as they are: printable ASCII but the quote and the backslash.
bool plain(unsigned char c) {
  return c >= 0x20 && c < 0x80 && c != '"' && c != '\\';
}

// The length of the valid UTF-8 sequence at text[i] (a byte >= 0x80), or 0 when it is not
// one: overlong forms, surrogates and code points past U+10FFFF are invalid, as for nlohmann.
std::size_t utf8Length(std::string_view text, std::size_t i) {
  const auto at = [&](std::size_t k) -> unsigned {
    return i + k < text.size() ? static_cast<unsigned char>(text[i + k]) : 0u;
  };
  const auto tail = [&](std::size_t k) { return (at(k) & 0xC0u) == 0x80u; };
  const unsigned c = at(0);
  if (c >= 0xC2 && c <= 0xDF) return tail(1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    const unsigned low = c == 0xE0 ? 0xA0 : 0x80, high = c == 0xED ? 0x9F : 0xBF;
    return at(1) >= low && at(1) <= high && tail(2) ? 3 : 0;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    const unsigned low = c == 0xF0 ? 0x90 : 0x80, high = c == 0xF4 ? 0x8F : 0xBF;
    return at(1) >= low && at(1) <= high && tail(2) && tail(3) ? 4 : 0;
  }
  return 0;
}

// The escape dump() writes for an ASCII byte that is not plain.
void escape(std::string& out, unsigned char c) {
  switch (c) {
  case '"':
    out += "\\\"";
    return;
  case '\\':
    out += "\\\\";
    return;
  case '\b':
    out += "\\b";
    return;
  case '\t':
    out += "\\t";
    return;
  case '\n':
    out += "\\n";
    return;
  case '\f':
    out += "\\f";
    return;
  case '\r':
    out += "\\r";
    return;
  default: {
    static constexpr char kHex[] = "0123456789abcdef";
    out += "\\u00";
    out += kHex[c >> 4];
    out += kHex[c & 0xF];
  }
  }
}

} // namespace

void JsonWriter::newline(int depth) {
  out_ += '\n';
  out_.append(static_cast<std::size_t>(2 * depth), ' ');
}

void JsonWriter::beforeValue() {
  if (afterKey_) {
    afterKey_ = false;
    return;
  }
  if (depth_ == base_) return; // the top-level value
  if (empty_ & 1) {
    empty_ &= ~std::uint64_t{1};
  } else {
    out_ += ',';
  }
  if (pretty_) newline(depth_);
}

void JsonWriter::open(char bracket) {
  beforeValue();
  out_ += bracket;
  ++depth_;
  empty_ = (empty_ << 1) | 1;
}

void JsonWriter::close(char bracket) {
  const bool wasEmpty = empty_ & 1;
  empty_ >>= 1;
  --depth_;
  if (!wasEmpty && pretty_) newline(depth_);
  out_ += bracket;
}

void JsonWriter::resumeContainer() {
  ++depth_;
  empty_ <<= 1;
}

void JsonWriter::append(std::string_view piece) {
  if (piece.empty()) return;
  out_ += piece;
  empty_ &= ~std::uint64_t{1};
}

void JsonWriter::key(std::string_view name) {
  string(name);
  out_ += pretty_ ? ": " : ":";
  afterKey_ = true;
}

void JsonWriter::string(std::string_view text) {
  beforeValue();
  out_ += '"';
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t mark = out_.size();
  std::size_t i = 0, copied = 0; // text[copied, i) is still to be copied as it is
  while (i < text.size()) {
    const unsigned char c = bytes[i];
    if (plain(c)) {
      ++i;
      continue;
    }
    if (c >= 0x80) {
      const std::size_t length = utf8Length(text, i);
      if (length == 0) {
        // Invalid UTF-8 (rare): nlohmann replaces it, so its bytes are the reference.
        out_.resize(mark - 1);
        out_ += nlohmann::ordered_json(text).dump(-1, ' ', false,
                                                  nlohmann::ordered_json::error_handler_t::replace);
        return;
      }
      i += length;
      continue;
    }
    out_.append(text.data() + copied, i - copied);
    escape(out_, c);
    copied = ++i;
  }
  out_.append(text.data() + copied, i - copied);
  out_ += '"';
}

void JsonWriter::json(const nlohmann::ordered_json& value) {
  beforeValue();
  if (!pretty_) {
    out_ += value.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    return;
  }
  // dump(2) indents from the left margin; its inner lines move in by this writer's depth.
  const std::string pad(static_cast<std::size_t>(2 * depth_), ' ');
  for (char c : value.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace)) {
    out_ += c;
    if (c == '\n') out_ += pad;
  }
}

void JsonWriter::number(std::int64_t value) {
  beforeValue();
  char buffer[24];
  const auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
  out_.append(buffer, end);
}

void JsonWriter::boolean(bool value) {
  beforeValue();
  out_ += value ? "true" : "false";
}

void JsonWriter::null() {
  beforeValue();
  out_ += "null";
}

} // namespace borderline
