#include "compile/message_template.hpp"

#include <fmt/format.h>

namespace borderline {

std::string templateText(const MessageTemplate& message) {
  std::string out;
  for (const auto& s : message.segments) {
    if (!s.path) {
      for (char c : s.text) out += c == '{' ? "{{" : c == '}' ? "}}" : std::string(1, c);
      continue;
    }
    out += "{";
    if (s.list) out += std::string(s.list->path) + ".";
    out += std::string(s.path->path) + "}";
  }
  return out;
}

MessageTemplate compileTemplate(YamlReader& reader, const YAML::Node& at, const std::string& text) {
  MessageTemplate out;
  std::string literal;
  auto flush = [&] {
    if (!literal.empty()) out.segments.push_back({std::move(literal), nullptr, nullptr});
    literal.clear();
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if ((c == '{' || c == '}') && i + 1 < text.size() && text[i + 1] == c) {
      literal += c;
      ++i;
      continue;
    }
    if (c == '}') {
      reader.error(at, "unmatched '}' in message (write '}}' for a literal brace)");
      return out;
    }
    if (c != '{') {
      literal += c;
      continue;
    }
    const std::size_t close = text.find('}', i);
    if (close == std::string::npos) {
      reader.error(at, "unclosed '{' in message (write '{{' for a literal brace)");
      return out;
    }
    const std::string path = text.substr(i + 1, close - i - 1);
    i = close;
    MessageTemplate::Segment segment;
    segment.path = findPath(Scope::Workload, path);
    if (!segment.path) {
      if ((segment.list = findListPrefix(Scope::Workload, path)))
        segment.path = findPath(segment.list->elements, path.substr(segment.list->path.size() + 1));
    }
    if (!segment.path || segment.path->shape == Shape::ObjectList) {
      reader.error(at, fmt::format("unknown path '{{{}}}' in message (name a field of the "
                                   "workload, e.g. {{tenant.name}} or {{compute.chips.name}})",
                                   path));
      return out;
    }
    flush();
    out.segments.push_back(std::move(segment));
  }
  flush();
  return out;
}

} // namespace borderline
