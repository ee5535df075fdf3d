#include "load/yaml_reader.hpp"

#include "load/scalar_text.hpp"
#include "util/text.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <sstream>
#include <stdexcept>

#include <yaml-cpp/eventhandler.h>

#include <fmt/format.h>

namespace borderline {

namespace {

[[noreturn]] void syntaxError(std::string_view file, const YAML::Mark& mark,
                              const std::string& what) {
  const Location loc = mark.is_null() ? Location{file, 0, 0}
                                      : Location{file, static_cast<std::uint32_t>(mark.line + 1),
                                                 static_cast<std::uint32_t>(mark.column + 1)};
  throw LoadFailure({Diagnostic{loc, "invalid YAML/JSON: " + what}});
}

// yaml-cpp reports a tab in indentation as whatever it breaks ("illegal map value"), past the
// tab: name the first line up to the error's that a tab indents.
std::string tabIndentHint(std::string_view text, const YAML::Mark& mark) {
  if (mark.is_null()) return {};
  std::size_t start = 0;
  for (int line = 0; line <= mark.line && start < text.size(); ++line) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    const std::string_view content = text.substr(start, end - start);
    const std::size_t indent = content.find_first_not_of(" \t");
    if (content.substr(0, indent).find('\t') != std::string_view::npos)
      return fmt::format(" (line {} is indented with a tab: YAML indents with spaces only)",
                         line + 1);
    start = end + 1;
  }
  return {};
}

// Counts the events of one document and remembers where it started. yaml-cpp 0.7's LoadAll
// loops forever, allocating, on a stray ',' in block context (upstream issue #1040, fixed by
// PR #1319 after 0.7): the parser then reports an endless series of empty documents at the
// same position. A first pass with this handler detects that and any other lack of progress.
// It also enforces the nesting and string limits (docs/limits.md) before any node is built:
// yaml-cpp's own depth limit (2,048) leaves every recursive walk of ours, and of yaml-cpp's
// node builder, exposed to deep input, and a huge scalar would be copied into a node first.
class ProgressCheck : public YAML::EventHandler {
public:
  explicit ProgressCheck(std::string_view file) : file_(file) {}

  void OnDocumentStart(const YAML::Mark& mark) override { start(mark); }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t) override { start(mark), ++events; }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override { start(mark), ++events; }
  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                const std::string& value) override {
    start(mark), ++events;
    if (value.size() > kMaxYamlScalarBytes)
      syntaxError(file_, mark,
                  fmt::format("a value of {} bytes; the limit is {} bytes per string", value.size(),
                              kMaxYamlScalarBytes));
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {
    start(mark), ++events, enter(mark);
  }
  void OnSequenceEnd() override { ++events, --depth_; }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {
    start(mark), ++events, enter(mark);
  }
  void OnMapEnd() override { ++events, --depth_; }

  void reset() { *this = ProgressCheck(file_); }
  std::size_t events = 0;
  YAML::Mark first = YAML::Mark::null_mark();

private:
  void start(const YAML::Mark& mark) {
    if (first.is_null()) first = mark;
  }
  void enter(const YAML::Mark& mark) {
    if (++depth_ > kMaxYamlDepth)
      syntaxError(file_, mark,
                  fmt::format("nested more than {} levels deep (lists and maps inside each "
                              "other)",
                              kMaxYamlDepth));
  }
  std::string_view file_;
  std::size_t depth_ = 0;
};

// The first pass: every document must move the parser forward.
void checkProgress(std::string_view file, const std::string& text) {
  std::istringstream stream(text);
  YAML::Parser parser(stream);
  ProgressCheck check(file);
  YAML::Mark previous = YAML::Mark::null_mark();
  for (std::size_t documents = 0;; ++documents) {
    check.reset();
    if (!parser.HandleNextDocument(check)) return;
    const bool stuck = !check.first.is_null() && !previous.is_null() &&
                       check.first.pos == previous.pos && check.events <= 1;
    if (stuck)
      syntaxError(file, check.first, "unexpected character here (a stray ',' or indicator?)");
    if (documents > kMaxYamlDocuments)
      syntaxError(file, check.first, fmt::format("more than {} documents", kMaxYamlDocuments));
    previous = check.first;
  }
}

} // namespace

std::vector<YAML::Node> parseYamlDocuments(std::string_view file, const std::string& text,
                                           YamlSource source) {
  try {
    if (source == YamlSource::Untrusted) checkProgress(file, text);
    return YAML::LoadAll(text);
  } catch (const LoadFailure&) {
    throw;
  } catch (const YAML::Exception& e) {
    // yaml-cpp marks are 0-based; its DeepRecursion error (nesting too deep) is a ParserException.
    syntaxError(file, e.mark, e.msg + tabIndentHint(text, e.mark));
  } catch (const std::exception& e) {
    throw LoadFailure({Diagnostic{Location{file, 0, 0}, std::string("cannot parse: ") + e.what()}});
  }
}

Location YamlReader::at(const YAML::Node& node) const {
  const YAML::Mark mark = node.Mark();
  if (mark.is_null()) return {file_, 0, 0};
  return {file_, static_cast<std::uint32_t>(mark.line + 1) + lineOffset_,
          static_cast<std::uint32_t>(mark.column + 1)};
}

void YamlReader::visit(const YAML::Node& node) {
  if (++visited_ > kMaxValues)
    throw LoadFailure({Diagnostic{at(node), fmt::format("more than {} values in one file (is an "
                                                        "alias expanding too often?)",
                                                        kMaxValues)}});
}

namespace {

std::string_view typeName(const YAML::Node& node) {
  switch (node.Type()) {
  case YAML::NodeType::Null:
    return "null";
  case YAML::NodeType::Scalar:
    return "a scalar";
  case YAML::NodeType::Sequence:
    return "a list";
  case YAML::NodeType::Map:
    return "a map";
  default:
    return "nothing";
  }
}

bool isPlain(const YAML::Node& node) {
  return node.Tag() == "?";
}

std::string quoted(const YAML::Node& node) {
  return quotedText(node.Scalar());
}

} // namespace

bool YamlReader::isMap(const YAML::Node& node, std::string_view what) {
  visit(node);
  if (node.IsMap()) return true;
  error(node, fmt::format("{} must be a map, got {}", what, typeName(node)));
  return false;
}

bool YamlReader::isList(const YAML::Node& node, std::string_view what) {
  visit(node);
  if (node.IsSequence()) return true;
  error(node, fmt::format("{} must be a list, got {}", what, typeName(node)));
  return false;
}

std::optional<std::string> YamlReader::string(const YAML::Node& node, std::string_view what) {
  visit(node);
  if (!node.IsScalar()) {
    error(node, fmt::format("{} must be a string, got {}", what, typeName(node)));
    return std::nullopt;
  }
  return node.Scalar();
}

// A plain (unquoted) scalar, as numbers must be; reports anything else.
bool YamlReader::plainScalar(const YAML::Node& node, std::string_view what) {
  visit(node);
  if (node.IsScalar() && isPlain(node)) return true;
  error(node, fmt::format("{} must be a number, got {}", what,
                          node.IsScalar() ? "the string " + quoted(node) : typeName(node)));
  return false;
}

template <class T>
std::optional<T> YamlReader::checked(const YAML::Node& node, std::optional<T> value,
                                     std::string& message) {
  if (!value) error(node, std::move(message));
  return value;
}

std::optional<double> YamlReader::number(const YAML::Node& node, std::string_view what) {
  if (!plainScalar(node, what)) return std::nullopt;
  std::string message;
  return checked(node, numberFromText(node.Scalar(), what, message), message);
}

std::optional<std::int64_t> YamlReader::integer(const YAML::Node& node, std::string_view what,
                                                std::int64_t min, std::int64_t max) {
  if (!plainScalar(node, what)) return std::nullopt;
  std::string message;
  return checked(node, integerFromText(node.Scalar(), what, min, max, message), message);
}

std::optional<bool> YamlReader::boolean(const YAML::Node& node, std::string_view what) {
  visit(node);
  if (node.IsScalar() && isPlain(node)) {
    const std::string& t = node.Scalar();
    if (t == "true" || t == "True" || t == "TRUE") return true;
    if (t == "false" || t == "False" || t == "FALSE") return false;
  }
  error(node, fmt::format("{} must be true or false, got {}", what,
                          node.IsScalar() ? quoted(node) : std::string(typeName(node))));
  return std::nullopt;
}

std::optional<Date> YamlReader::date(const YAML::Node& node, std::string_view what) {
  const auto text = string(node, what);
  if (!text) return std::nullopt;
  std::string message;
  return checked(node, dateFromText(*text, what, message), message);
}

std::optional<CountryId> YamlReader::country(const YAML::Node& node, std::string_view what) {
  const auto text = string(node, what);
  if (!text) return std::nullopt;
  std::string message;
  return checked(node, countryFromText(*text, what, message), message);
}

std::optional<std::uint8_t> YamlReader::enumValue(const YAML::Node& node,
                                                  const EnumDomain& domain) {
  const auto text = string(node, domain.what);
  if (!text) return std::nullopt;
  std::string message;
  return checked(node, enumFromText(*text, domain, message), message);
}

std::vector<std::string> YamlReader::stringList(const YAML::Node& node, std::string_view what) {
  std::vector<std::string> out;
  if (!isList(node, what)) return out;
  for (const auto& item : node)
    if (auto s = string(item, what)) out.push_back(std::move(*s));
  return out;
}

MapReader::MapReader(YamlReader& reader, const YAML::Node& map, std::string_view what,
                     std::initializer_list<std::string_view> allowed)
    : reader_(reader), map_(map), what_(what) {
  readKeys(std::vector<std::string_view>(allowed));
}

MapReader::MapReader(YamlReader& reader, const YAML::Node& map, std::string_view what,
                     const ObjectSpec& spec)
    : reader_(reader), map_(map), what_(what), spec_(&spec) {
  std::vector<std::string_view> keys;
  for (const auto& f : spec.fields) keys.push_back(f.key);
  readKeys(keys);
}

void MapReader::readKeys(const std::vector<std::string_view>& keys) {
  YamlReader& reader = reader_;
  const std::string_view what = what_;
  if (!reader.isMap(map_, what)) return;
  valid_ = true;
  for (auto it = map_.begin(); it != map_.end(); ++it) {
    const YAML::Node key = it->first; // a copy: yaml-cpp iterators hand out temporaries
    reader.visit(key);
    if (!key.IsScalar()) {
      reader.error(key, fmt::format("keys in {} must be strings", what));
      continue;
    }
    const std::string& name = key.Scalar();
    if (std::find(keys.begin(), keys.end(), name) == keys.end()) {
      const std::string expected = joined(keys);
      const auto guess = closestMatch(name, keys);
      if (!guess.empty()) suggested_.push_back(guess);
      reader.error(key, fmt::format("unknown key '{}' in {}{} (expected one of: {})", name, what,
                                    guess.empty() ? "" : fmt::format("; did you mean '{}'?", guess),
                                    expected));
      continue;
    }
    const bool duplicate = std::any_of(entries_.begin(), entries_.end(),
                                       [&](const Entry& e) { return e.key == name; });
    if (duplicate) {
      reader.error(key, fmt::format("duplicate key '{}' in {}", name, what));
      continue;
    }
    entries_.push_back({name, key, it->second});
  }
}

const FieldSpec& MapReader::fieldSpec(std::string_view key, ValueKind kind) const {
  const FieldSpec* f = spec_ ? spec_->find(key) : nullptr;
  if (!f || f->kind != kind)
    throw std::logic_error(fmt::format("loader reads '{}' of {} in a way its format table does "
                                       "not describe",
                                       key, spec_ ? spec_->name : what_));
  return *f;
}

YAML::Node MapReader::field(std::string_view key, ValueKind kind) {
  return fieldSpec(key, kind).required ? require(key) : get(key);
}

YAML::Node MapReader::get(std::string_view key) const {
  for (const auto& e : entries_)
    if (e.key == key) return e.value;
  return YAML::Node(YAML::NodeType::Undefined);
}

YAML::Node MapReader::require(std::string_view key) {
  YAML::Node node = get(key);
  const bool typo = std::find(suggested_.begin(), suggested_.end(), key) != suggested_.end();
  if (!node.IsDefined() && valid_ && !typo)
    reader_.error(map_, fmt::format("missing required key '{}' in {}", key, what_));
  return node;
}

Location MapReader::keyAt(std::string_view key) const {
  for (const auto& e : entries_)
    if (e.key == key) return reader_.at(e.keyNode);
  return reader_.at(map_);
}

} // namespace borderline
