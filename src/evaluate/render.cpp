#include "evaluate/render.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace borderline {

namespace {
std::string withSeparators(const std::string& digits) {
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}
} // namespace

// Whole numbers with thousands separators (2,500,000); fractions from 1 up with separators and
// at most two decimals (15,830.4); very large or very small numbers in exponent form (3.1e+25).
std::string formatNumber(double value) {
  const double magnitude = std::fabs(value);
  const std::string sign = value < 0 ? "-" : "";
  if (magnitude >= 1e15 || (magnitude < 1 && std::trunc(value) != value))
    return fmt::format("{:.6g}", value);
  std::string text = fmt::format("{:.2f}", magnitude);
  const auto dot = text.find('.');
  std::string fraction = text.substr(dot + 1);
  while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
  return sign + withSeparators(text.substr(0, dot)) + (fraction.empty() ? "" : "." + fraction);
}

std::string formatValue(const PathInfo& path, const Value& v) {
  if (!v.present) return "(not declared)";
  switch (path.type) {
  case ValueType::Number:
    return formatNumber(v.number);
  case ValueType::Country:
    return std::string(countryCode(static_cast<CountryId>(v.integer)));
  case ValueType::Enum:
    return std::string(path.domain->name(static_cast<std::uint8_t>(v.integer)));
  case ValueType::Bool:
    return v.integer ? "true" : "false";
  case ValueType::Date:
    return Date::fromDays(static_cast<std::int32_t>(v.integer)).str();
  case ValueType::String:
  case ValueType::Party:
    return std::string(v.text);
  }
  return {};
}

namespace {

void addUnique(std::vector<std::string>& values, std::string value) {
  if (std::find(values.begin(), values.end(), value) == values.end())
    values.push_back(std::move(value));
}

// The values of one path in one context (scalar or list).
void valuesAt(const PathInfo& path, const EvalContext& ctx, std::vector<std::string>& out) {
  if (path.field == Field::PartySelf) {
    const Party& p = ctx.workload->party(path.role);
    if (p.name.has()) addUnique(out, *p.name.value);
    return;
  }
  if (path.shape == Shape::List) {
    anyListValue(path, ctx, [&](const Value& v) {
      addUnique(out, formatValue(path, v));
      return false;
    });
    return;
  }
  addUnique(out, formatValue(path, readScalar(path, ctx)));
}

// Appends one placeholder's values, comma-separated, or "(none)".
void render(const MessageTemplate::Segment& s, const EvalContext& ctx, const Firing& firing,
            std::string& out) {
  if (!s.list && s.path->field != Field::PartySelf && s.path->shape != Shape::List) {
    out += formatValue(*s.path, readScalar(*s.path, ctx)); // one value (valuesAt's scalar case)
    return;
  }
  std::vector<std::string> values;
  if (!s.list) {
    valuesAt(*s.path, ctx, values);
  } else {
    const Workload& w = *ctx.workload;
    EvalContext e = ctx;
    auto each = [&](const std::vector<int>& fired, std::size_t size, auto&& select) {
      if (!fired.empty())
        for (int i : fired) select(static_cast<std::size_t>(i)), valuesAt(*s.path, e, values);
      else
        for (std::size_t i = 0; i < size; ++i) select(i), valuesAt(*s.path, e, values);
    };
    switch (s.list->field) {
    case Field::Chips:
      each(firing.chips, w.chips.size(), [&](std::size_t i) {
        e.chip = &w.chips[i];
        e.spec = w.chips[i].spec;
      });
      break;
    case Field::Data:
      each(firing.data, w.data.size(), [&](std::size_t i) { e.data = &w.data[i]; });
      break;
    default:
      each({}, w.authorizations.size(), [&](std::size_t i) { e.auth = &w.authorizations[i]; });
      break;
    }
  }
  if (values.empty()) {
    out += "(none)";
    return;
  }
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i) out += ", ";
    out += values[i];
  }
}

} // namespace

std::string renderMessage(const MessageTemplate& message, const EvalContext& ctx,
                          const Firing& firing) {
  std::string out;
  for (const auto& segment : message.segments) {
    if (segment.path)
      render(segment, ctx, firing, out);
    else
      out += segment.text;
  }
  return out;
}

} // namespace borderline
