#pragma once
// Rule messages with `{path}` placeholders, parsed and checked at compile time.
#include <string>
#include <vector>

#include "compile/paths.hpp"
#include "load/yaml_reader.hpp"

namespace borderline {

struct MessageTemplate {
  struct Segment {
    std::string text;               // literal text (when path is null)
    const PathInfo* path = nullptr; // the value to insert
    const PathInfo* list = nullptr; // the object list the path is inside, if any
  };
  std::vector<Segment> segments;
  bool empty() const { return segments.empty(); }
};

// The template written back with its {path} placeholders.
std::string templateText(const MessageTemplate& message);

// Parses `text`; "{{" and "}}" are literal braces. Unknown paths are errors at `at`.
MessageTemplate compileTemplate(YamlReader& reader, const YAML::Node& at, const std::string& text);

} // namespace borderline
