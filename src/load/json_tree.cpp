#include "load/json_tree.hpp"

#include <fmt/format.h>

#include "load/diagnostics.hpp"
#include "util/utf8.hpp"

namespace borderline {

const JsonValue* JsonValue::find(std::string_view key) const {
  if (type != Type::Object) return nullptr;
  for (std::size_t i = 0; i < keys.size(); ++i)
    if (keys[i] == key) return &items[i];
  return nullptr;
}

std::string_view jsonTypeName(JsonValue::Type type) {
  switch (type) {
  case JsonValue::Type::Null:
    return "null";
  case JsonValue::Type::Bool:
    return "a boolean";
  case JsonValue::Type::Number:
    return "a number";
  case JsonValue::Type::String:
    return "a string";
  case JsonValue::Type::Array:
    return "an array";
  case JsonValue::Type::Object:
    return "an object";
  }
  return "a value";
}

namespace {

class Parser {
public:
  Parser(std::string_view file, std::string_view text) : file_(file), text_(text) {}

  JsonValue document() {
    skipSpace();
    JsonValue v = value(0);
    skipSpace();
    if (pos_ < text_.size()) fail("expected the end of the document after the JSON value");
    return v;
  }

private:
  [[noreturn]] void fail(std::string message) const {
    throw LoadFailure({Diagnostic{here(), std::move(message)}});
  }
  Location here() const { return {file_, line_, column_}; }
  bool atEnd() const { return pos_ >= text_.size(); }
  char peek() const { return atEnd() ? '\0' : text_[pos_]; }

  // Advances one byte, keeping line and column (columns count characters, not bytes).
  void advance() {
    const char c = text_[pos_++];
    if (c == '\n') {
      ++line_;
      column_ = 1;
    } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
      ++column_;
    }
  }

  void skipSpace() {
    while (!atEnd()) {
      const char c = text_[pos_];
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return;
      advance();
    }
  }

  void expectWord(std::string_view word) {
    if (text_.substr(pos_, word.size()) != word)
      fail("expected a JSON value (object, array, string, number, true, false or null)");
    for (std::size_t i = 0; i < word.size(); ++i) advance();
  }

  JsonValue value(int depth) {
    if (depth > kMaxJsonDepth)
      fail(fmt::format("JSON nested deeper than {} levels", kMaxJsonDepth));
    JsonValue v;
    v.loc = here();
    switch (peek()) {
    case '{':
      v.type = JsonValue::Type::Object;
      object(v, depth);
      break;
    case '[':
      v.type = JsonValue::Type::Array;
      array(v, depth);
      break;
    case '"':
      v.type = JsonValue::Type::String;
      v.text = string();
      break;
    case 't':
      v.type = JsonValue::Type::Bool;
      v.boolean = true;
      expectWord("true");
      break;
    case 'f':
      v.type = JsonValue::Type::Bool;
      expectWord("false");
      break;
    case 'n':
      expectWord("null");
      break;
    default:
      if (peek() == '-' || (peek() >= '0' && peek() <= '9')) {
        v.type = JsonValue::Type::Number;
        v.text = number();
        break;
      }
      if (atEnd()) fail("unexpected end of file: expected a JSON value");
      fail("expected a JSON value (object, array, string, number, true, false or null)");
    }
    return v;
  }

  void object(JsonValue& v, int depth) {
    advance(); // {
    skipSpace();
    if (peek() == '}') {
      advance();
      return;
    }
    while (true) {
      skipSpace();
      if (peek() != '"') fail("expected a string key in double quotes");
      const Location keyAt = here();
      std::string key = string();
      for (const auto& k : v.keys)
        if (k == key)
          throw LoadFailure({Diagnostic{keyAt, fmt::format("duplicate key \"{}\"", key)}});
      skipSpace();
      if (peek() != ':') fail(fmt::format("expected ':' after the key \"{}\"", key));
      advance();
      skipSpace();
      v.keys.push_back(std::move(key));
      v.items.push_back(value(depth + 1));
      skipSpace();
      if (peek() == ',') {
        advance();
        continue;
      }
      if (peek() == '}') {
        advance();
        return;
      }
      fail(atEnd() ? "unexpected end of file: expected ',' or '}'" : "expected ',' or '}'");
    }
  }

  void array(JsonValue& v, int depth) {
    advance(); // [
    skipSpace();
    if (peek() == ']') {
      advance();
      return;
    }
    while (true) {
      skipSpace();
      v.items.push_back(value(depth + 1));
      skipSpace();
      if (peek() == ',') {
        advance();
        continue;
      }
      if (peek() == ']') {
        advance();
        return;
      }
      fail(atEnd() ? "unexpected end of file: expected ',' or ']'" : "expected ',' or ']'");
    }
  }

  std::string number() {
    const std::size_t start = pos_;
    auto digits = [this] {
      if (!(peek() >= '0' && peek() <= '9')) fail("expected a digit in the number");
      while (peek() >= '0' && peek() <= '9') advance();
    };
    if (peek() == '-') advance();
    if (peek() == '0')
      advance();
    else
      digits();
    if (peek() == '.') {
      advance();
      digits();
    }
    if (peek() == 'e' || peek() == 'E') {
      advance();
      if (peek() == '+' || peek() == '-') advance();
      digits();
    }
    return std::string(text_.substr(start, pos_ - start));
  }

  unsigned hex4() {
    unsigned value = 0;
    for (int i = 0; i < 4; ++i) {
      const char c = peek();
      unsigned digit = 0;
      if (c >= '0' && c <= '9')
        digit = static_cast<unsigned>(c - '0');
      else if (c >= 'a' && c <= 'f')
        digit = static_cast<unsigned>(c - 'a' + 10);
      else if (c >= 'A' && c <= 'F')
        digit = static_cast<unsigned>(c - 'A' + 10);
      else
        fail("expected four hexadecimal digits after \\u");
      value = value * 16 + digit;
      advance();
    }
    return value;
  }

  // A string at pos_ (the opening quote), decoded. The text is already valid UTF-8
  // (readSource checks it), so only escapes and control characters need care here.
  std::string string() {
    advance(); // "
    std::string out;
    while (true) {
      if (atEnd()) fail("unexpected end of file inside a string");
      const char c = text_[pos_];
      if (c == '"') {
        advance();
        return out;
      }
      if (static_cast<unsigned char>(c) < 0x20)
        fail("control character inside a string (write it as an escape such as \\n)");
      if (c != '\\') {
        out += c;
        advance();
        continue;
      }
      advance();
      const char e = peek();
      if (atEnd()) fail("unexpected end of file inside a string");
      advance();
      switch (e) {
      case '"':
      case '\\':
      case '/':
        out += e;
        break;
      case 'b':
        out += '\b';
        break;
      case 'f':
        out += '\f';
        break;
      case 'n':
        out += '\n';
        break;
      case 'r':
        out += '\r';
        break;
      case 't':
        out += '\t';
        break;
      case 'u': {
        unsigned cp = hex4();
        if (cp >= 0xDC00 && cp <= 0xDFFF) fail("unpaired low surrogate in a \\u escape");
        if (cp >= 0xD800 && cp <= 0xDBFF) {
          if (peek() != '\\' || text_.substr(pos_, 2) != "\\u")
            fail("a high surrogate \\u escape must be followed by a low surrogate");
          advance();
          advance();
          const unsigned low = hex4();
          if (low < 0xDC00 || low > 0xDFFF) fail("expected a low surrogate \\u escape");
          cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        }
        if (cp == 0) fail("\\u0000 (NUL) is not allowed in a string");
        appendUtf8(out, cp);
        break;
      }
      default:
        fail("unknown escape in a string (expected \\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or "
             "\\uXXXX)");
      }
    }
  }

  std::string_view file_;
  std::string_view text_;
  std::size_t pos_ = 0;
  std::uint32_t line_ = 1;
  std::uint32_t column_ = 1;
};

} // namespace

JsonValue parseJson(std::string_view file, std::string_view text) {
  return Parser(file, text).document();
}

} // namespace borderline
