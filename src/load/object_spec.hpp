#pragma once
// An input format written down as data: the objects, their keys, which keys are required and
// what each holds. A loader reads keys through MapReader, which checks every access against
// the table; a schema generator walks the same table. One description, two readers.
#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <string_view>

#include "model/enums.hpp"

namespace borderline {

enum class ValueKind : std::uint8_t {
  Text,       // a scalar, read as written (numbers and booleans as their text)
  Name,       // a name: 1-253 of A-Z a-z 0-9 . _ -
  Constant,   // exactly FieldSpec::constant
  Country,    // ISO 3166-1 alpha-2, upper case
  Date,       // ISO YYYY-MM-DD, a real calendar date
  Number,     // a plain (unquoted) finite number
  Integer,    // a whole number
  Boolean,    // true or false
  Enum,       // one of FieldSpec::domain
  EnumList,   // a list of those
  TextList,   // a list of Text
  Object,     // a map described by FieldSpec::object
  ObjectList, // a list of those
  Labels,     // a map of Text to Text
  ChipModel,  // a chip catalog id or alias (Text), or an inline spec (FieldSpec::object)
  Tops,       // precision name -> dense TOPS, at least one (model/chip.hpp knownPrecisions)
};

struct ObjectSpec;

struct FieldSpec {
  std::string_view key;
  ValueKind kind = ValueKind::Text;
  bool required = false;
  std::string_view description = {};
  const EnumDomain* domain = nullptr;                        // Enum, EnumList
  const ObjectSpec* object = nullptr;                        // Object, ObjectList, ChipModel
  std::string_view constant = {};                            // Constant
  double minimum = -std::numeric_limits<double>::infinity(); // Number, Integer
  double maximum = std::numeric_limits<double>::infinity();  // Number, Integer
  bool exclusiveMinimum = false;                             // minimum itself is not allowed
  std::size_t minItems = 0;                                  // lists
  std::string_view example = {}; // a valid value, for documentation and tests
};

struct ObjectSpec {
  std::string_view name; // e.g. "Party" (the JSON Schema $defs entry)
  std::string_view description;
  std::span<const FieldSpec> fields;

  // The field called `key`, or null.
  const FieldSpec* find(std::string_view key) const {
    for (const auto& f : fields)
      if (f.key == key) return &f;
    return nullptr;
  }
};

} // namespace borderline
