#include "compile/condition_text.hpp"

#include <fmt/format.h>

namespace borderline {

namespace {

std::string operators(const Condition& c) {
  std::string out;
  for (const auto& op : c.ops)
    out += fmt::format("{}{}: {}", out.empty() ? "" : ", ", opName(op.op), op.source);
  return out;
}

void write(const Condition& c, int indent, std::string& out) {
  const std::string pad(static_cast<std::size_t>(indent), ' ');
  using K = Condition::Kind;
  switch (c.kind) {
  case K::All:
  case K::Any:
    out += pad + (c.kind == K::All ? "all:\n" : "any:\n");
    for (const auto& child : c.children) {
      // "- " then the child's first line; its other lines stay indented under it.
      std::string item;
      write(child, indent + 4, item);
      out += pad + "  - " + item.substr(static_cast<std::size_t>(indent) + 4);
    }
    return;
  case K::Not:
    out += pad + "not:\n";
    write(c.children.front(), indent + 2, out);
    return;
  case K::Leaf:
    out += fmt::format("{}{}: {{{}}}\n", pad, c.path->path, operators(c));
    return;
  case K::ListAny:
  case K::ListAll:
  case K::ListNone:
    out += fmt::format("{}{}:\n{}  {}:\n", pad, c.path->path, pad,
                       c.kind == K::ListAny   ? "any"
                       : c.kind == K::ListAll ? "all"
                                              : "none");
    write(c.children.front(), indent + 4, out);
    return;
  }
}

} // namespace

std::string conditionText(const Condition& condition, int indent) {
  std::string out;
  write(condition, indent, out);
  return out;
}

} // namespace borderline
