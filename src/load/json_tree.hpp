#pragma once
// A JSON parser (RFC 8259) that keeps the line and column of every value, for foreign JSON
// formats whose errors must point into the file (the Consolidated Screening List import):
// nlohmann::json cannot say where a value was, and yaml-cpp is too slow for a 10 MB file.
// Duplicate keys in an object are errors (a later value would silently win otherwise).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/location.hpp"

namespace borderline {

struct JsonValue {
  enum class Type : std::uint8_t { Null, Bool, Number, String, Array, Object };
  Type type = Type::Null;
  bool boolean = false;
  std::string text;              // String: the decoded value; Number: its source text
  std::vector<JsonValue> items;  // Array elements, or Object values
  std::vector<std::string> keys; // Object keys, parallel to items
  Location loc;                  // first character of the value

  // The value of `key` in an object, or nullptr (also when this is not an object).
  const JsonValue* find(std::string_view key) const;
  bool isNull() const { return type == Type::Null; }
};

// "a string", "an object", ... for error messages.
std::string_view jsonTypeName(JsonValue::Type type);

inline constexpr int kMaxJsonDepth = 64;

// Parses one JSON text. Throws LoadFailure with the location of the first syntax error.
// `file` must outlive the result (locations point at it).
JsonValue parseJson(std::string_view file, std::string_view text);

} // namespace borderline
