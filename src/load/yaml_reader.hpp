#pragma once
// Strict, located reading of YAML (and JSON, which yaml-cpp parses as YAML flow style).
// Every accessor reports a precise error and returns nullopt instead of guessing a default.
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "load/diagnostics.hpp"
#include "load/object_spec.hpp"
#include "model/country.hpp"
#include "model/date.hpp"
#include "model/enums.hpp"
#include "model/location.hpp"

namespace borderline {

inline constexpr std::size_t kMaxYamlDocuments = 1'000'000;
// Lists and maps inside each other; manifests need about 6 levels, rule packs about 15.
inline constexpr std::size_t kMaxYamlDepth = 100;
// One scalar (a key or a value); the longest text in the bundled packs is about 1 KiB.
inline constexpr std::size_t kMaxYamlScalarBytes = 64 * 1024;

// Whether a text gets the first, event-only pass that stops yaml-cpp from hanging on some
// malformed input and bounds nesting and scalar sizes. Only the rule packs compiled into the
// binary skip it: their bytes are fixed at build time and loaded by every test run, and the
// pass doubles their parsing time, which every command pays at start-up.
enum class YamlSource { Untrusted, Bundled };

// Parses every YAML document of a source. Throws LoadFailure (with the parser's line and
// column) on a syntax error, nesting deeper than kMaxYamlDepth, a scalar longer than
// kMaxYamlScalarBytes or any other parser failure.
std::vector<YAML::Node> parseYamlDocuments(std::string_view file, const std::string& text,
                                           YamlSource source = YamlSource::Untrusted);

// Reading context for one file: its name, where errors go, and a budget of values read so
// that alias expansion ("billion laughs") cannot make loading explode.
class YamlReader {
public:
  static constexpr std::size_t kMaxValues = 10'000'000;

  YamlReader(std::string_view file, Diagnostics& diags) : file_(file), diags_(diags) {}

  Location at(const YAML::Node& node) const;
  // For text cut out of a larger file (a JSONL line): lines are counted from `offset` + 1.
  void setLineOffset(std::uint32_t offset) { lineOffset_ = offset; }
  void error(const YAML::Node& node, std::string message) {
    diags_.error(at(node), std::move(message));
  }
  Diagnostics& diagnostics() { return diags_; }
  std::string_view file() const { return file_; }

  // Counts one value against the budget; throws LoadFailure when it is exhausted.
  void visit(const YAML::Node& node);

  bool isMap(const YAML::Node& node, std::string_view what);
  bool isList(const YAML::Node& node, std::string_view what);

  std::optional<std::string> string(const YAML::Node& node, std::string_view what);
  std::optional<double> number(const YAML::Node& node, std::string_view what);
  // A whole number in [min, max]; accepts integral floats such as 2.5e6.
  std::optional<std::int64_t> integer(const YAML::Node& node, std::string_view what,
                                      std::int64_t min, std::int64_t max);
  std::optional<bool> boolean(const YAML::Node& node, std::string_view what);
  std::optional<Date> date(const YAML::Node& node, std::string_view what);
  std::optional<CountryId> country(const YAML::Node& node, std::string_view what);
  std::optional<std::uint8_t> enumValue(const YAML::Node& node, const EnumDomain& domain);

  std::vector<std::string> stringList(const YAML::Node& node, std::string_view what);

private:
  bool plainScalar(const YAML::Node& node, std::string_view what);
  template <class T>
  std::optional<T> checked(const YAML::Node& node, std::optional<T> value, std::string& message);

  std::string_view file_;
  Diagnostics& diags_;
  std::size_t visited_ = 0;
  std::uint32_t lineOffset_ = 0;
};

// A YAML map whose keys are checked against a fixed set: unknown keys (with a "did you mean"),
// duplicate keys and non-string keys are errors. Look values up with get()/require().
class MapReader {
public:
  MapReader(YamlReader& reader, const YAML::Node& map, std::string_view what,
            std::initializer_list<std::string_view> allowed);
  // The keys of a format table (load/object_spec.hpp); read them with field().
  MapReader(YamlReader& reader, const YAML::Node& map, std::string_view what,
            const ObjectSpec& spec);

  // False only when the node is not a map; unknown keys are reported but the known ones can
  // still be read, so one typo does not hide the other errors of a document.
  bool valid() const { return valid_; }
  // The value of `key`, or an undefined node when absent (check with `if (node)`).
  YAML::Node get(std::string_view key) const;
  // Like get(), but reports "missing required key" when absent.
  YAML::Node require(std::string_view key);
  // The location of a key itself (for errors about a whole entry).
  Location keyAt(std::string_view key) const;

  // For a reader built from an ObjectSpec: the value of `key`, reporting it missing when the
  // table says it is required. Throws std::logic_error when the table has no such key or says
  // it holds something other than `kind`: a loader that drifted from its format table fails
  // loudly in tests instead of silently disagreeing with the schema.
  YAML::Node field(std::string_view key, ValueKind kind);
  // The table's entry for `key` (same checks as field()).
  const FieldSpec& fieldSpec(std::string_view key, ValueKind kind) const;

private:
  struct Entry {
    std::string key;
    YAML::Node keyNode;
    YAML::Node value;
  };
  YamlReader& reader_;
  YAML::Node map_;
  std::string what_;
  std::vector<Entry> entries_;
  std::vector<std::string_view> suggested_; // keys offered as "did you mean"
  const ObjectSpec* spec_ = nullptr;
  bool valid_ = false;

  void readKeys(const std::vector<std::string_view>& allowed);
};

} // namespace borderline
