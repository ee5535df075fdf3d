#include "load/csl_import.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "load/csv_table.hpp"
#include "load/diagnostics.hpp"
#include "load/json_tree.hpp"

namespace borderline {

namespace {

std::string trimmed(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(first, last - first + 1));
}

// "2026-07-31T13:15:00+00:00" or "2026-07-31" -> the date.
std::optional<Date> leadingDate(std::string_view text) {
  if (text.size() < 10 || (text.size() > 10 && text[10] != 'T' && text[10] != ' '))
    return std::nullopt;
  return Date::parse(text.substr(0, 10));
}

// An entry's start_date: none when empty; counted when given but not a date.
std::optional<Date> startDate(std::string_view text, CslData& out) {
  const std::string trimmedText = trimmed(text);
  if (trimmedText.empty()) return std::nullopt;
  const auto date = leadingDate(trimmedText);
  if (!date) ++out.startDatesUnreadable;
  return date;
}

// One address country: an ISO code, or counted as not imported.
void addCountry(CslEntry& e, std::string_view text, CslData& out) {
  const std::string code = trimmed(text);
  if (code.empty()) return;
  if (const auto id = countryFromCode(code)) {
    if (!e.country) e.country = id;
  } else {
    ++out.countriesNotIso;
  }
}

// ------------------------------------------------------------------------------------ JSON

class JsonCsl {
public:
  JsonCsl(Diagnostics& diags, CslData& out) : diags_(diags), out_(out) {}

  void document(const JsonValue& root) {
    if (!is(root, JsonValue::Type::Object, "the CSL document")) return;
    if (const JsonValue* used = root.find("sources_used"); used && !used->isNull())
      sourcesUsed(*used);
    const JsonValue* results = root.find("results");
    if (!results) {
      diags_.error(root.loc, "missing required key \"results\" (the array of CSL entries)");
      return;
    }
    if (!is(*results, JsonValue::Type::Array, "\"results\"")) return;
    out_.entries.reserve(results->items.size());
    for (const auto& item : results->items) entry(item);
  }

private:
  bool is(const JsonValue& v, JsonValue::Type type, std::string_view what) {
    if (v.type == type) return true;
    diags_.error(v.loc, fmt::format("{} must be {}, not {}", what, jsonTypeName(type),
                                    jsonTypeName(v.type)));
    return false;
  }

  // An optional string field: absent or null gives "".
  std::string optionalString(const JsonValue& obj, std::string_view key) {
    const JsonValue* v = obj.find(key);
    if (!v || v->isNull()) return {};
    if (!is(*v, JsonValue::Type::String, fmt::format("\"{}\"", key))) return {};
    return trimmed(v->text);
  }

  std::string requiredString(const JsonValue& obj, std::string_view key) {
    const JsonValue* v = obj.find(key);
    if (!v) {
      diags_.error(obj.loc, fmt::format("CSL entry: missing required key \"{}\"", key));
      return {};
    }
    if (!is(*v, JsonValue::Type::String, fmt::format("\"{}\"", key))) return {};
    std::string s = trimmed(v->text);
    if (s.empty()) diags_.error(v->loc, fmt::format("\"{}\" must not be empty", key));
    return s;
  }

  void sourcesUsed(const JsonValue& used) {
    if (!is(used, JsonValue::Type::Array, "\"sources_used\"")) return;
    for (const auto& s : used.items) {
      if (!is(s, JsonValue::Type::Object, "an element of \"sources_used\"")) continue;
      const JsonValue* updated = s.find("source_last_updated");
      if (!updated || updated->isNull()) continue;
      if (!is(*updated, JsonValue::Type::String, "\"source_last_updated\"")) continue;
      const auto d = leadingDate(updated->text);
      if (!d) {
        diags_.error(updated->loc, fmt::format("\"source_last_updated\" is \"{}\"; expected an ISO "
                                               "date or date-time such as 2026-07-31T13:15:00Z",
                                               updated->text));
        continue;
      }
      if (!out_.date || *out_.date < *d) out_.date = d;
    }
  }

  void entry(const JsonValue& item) {
    if (!is(item, JsonValue::Type::Object, "a CSL entry (element of \"results\")")) return;
    CslEntry e;
    e.loc = item.loc;
    e.name = requiredString(item, "name");
    e.source = requiredString(item, "source");
    if (const JsonValue* alt = item.find("alt_names"); alt && !alt->isNull()) {
      if (is(*alt, JsonValue::Type::Array, "\"alt_names\""))
        for (const auto& a : alt->items)
          if (is(a, JsonValue::Type::String, "an alternative name"))
            if (std::string s = trimmed(a.text); !s.empty()) e.altNames.push_back(std::move(s));
    }
    if (const JsonValue* addresses = item.find("addresses"); addresses && !addresses->isNull()) {
      if (is(*addresses, JsonValue::Type::Array, "\"addresses\""))
        for (const auto& a : addresses->items)
          if (is(a, JsonValue::Type::Object, "an address"))
            addCountry(e, optionalString(a, "country"), out_);
    }
    e.federalRegisterNotice = optionalString(item, "federal_register_notice");
    e.licenseRequirement = optionalString(item, "license_requirement");
    e.licensePolicy = optionalString(item, "license_policy");
    e.sourceListUrl = optionalString(item, "source_list_url");
    e.startDate = startDate(optionalString(item, "start_date"), out_);
    out_.entries.push_back(std::move(e));
  }

  Diagnostics& diags_;
  CslData& out_;
};

// ------------------------------------------------------------------------------------- CSV

// "a; b;c" -> {"a", "b", "c"} without empty items.
std::vector<std::string> splitList(std::string_view text) {
  std::vector<std::string> out;
  for (std::size_t start = 0; start <= text.size();) {
    const auto end = std::min(text.find(';', start), text.size());
    if (std::string item = trimmed(text.substr(start, end - start)); !item.empty())
      out.push_back(std::move(item));
    start = end + 1;
  }
  return out;
}

void readCsvRecords(std::string_view file, std::string_view text, Diagnostics& diags,
                    CslData& out) {
  const auto records = splitCsv(file, text);
  if (records.empty()) {
    diags.error({file, 1, 1}, "empty CSV file: expected a header row naming the columns "
                              "(at least name and source)");
    return;
  }
  const CsvRecord& header = records.front();
  std::map<std::string, std::size_t, std::less<>> column;
  for (std::size_t c = 0; c < header.fields.size(); ++c) {
    const std::string name = trimmed(header.fields[c]);
    if (!name.empty() && !column.emplace(name, c).second)
      diags.error({file, header.line, header.columns[c]},
                  fmt::format("duplicate column \"{}\" in the header", name));
  }
  for (const auto required : {"name", "source"})
    if (!column.contains(required))
      diags.error({file, header.line, 1},
                  fmt::format("the header has no \"{}\" column (required)", required));
  if (!diags.ok()) return;
  auto field = [&](const CsvRecord& r, std::string_view name) -> std::string {
    const auto it = column.find(name);
    return it == column.end() || it->second >= r.fields.size() ? std::string{}
                                                               : trimmed(r.fields[it->second]);
  };
  for (std::size_t k = 1; k < records.size(); ++k) {
    const CsvRecord& r = records[k];
    if (r.fields.size() != header.fields.size()) {
      diags.error({file, r.line, 1}, fmt::format("row has {} fields; the header has {}",
                                                 r.fields.size(), header.fields.size()));
      continue;
    }
    CslEntry e;
    e.loc = {file, r.line, 1};
    e.name = field(r, "name");
    e.source = field(r, "source");
    for (const auto required : {"name", "source"})
      if (field(r, required).empty())
        diags.error({file, r.line, r.columns[column.find(required)->second]},
                    fmt::format("\"{}\" must not be empty", required));
    e.altNames = splitList(field(r, "alt_names"));
    // Addresses are "street, city, state, postal code, country; ...": the country is the last
    // comma-separated part of each.
    for (const auto& address : splitList(field(r, "addresses"))) {
      const auto comma = address.rfind(',');
      addCountry(e, comma == std::string::npos ? address : address.substr(comma + 1), out);
    }
    e.federalRegisterNotice = field(r, "federal_register_notice");
    e.licenseRequirement = field(r, "license_requirement");
    e.licensePolicy = field(r, "license_policy");
    e.sourceListUrl = field(r, "source_list_url");
    e.startDate = startDate(field(r, "start_date"), out);
    out.entries.push_back(std::move(e));
  }
}

} // namespace

CslData readCslJson(const SourceText& source) {
  const JsonValue root = parseJson(source.name, source.text);
  Diagnostics diags;
  CslData out;
  JsonCsl(diags, out).document(root);
  throwIfErrors(diags);
  return out;
}

CslData readCslCsv(const SourceText& source) {
  Diagnostics diags;
  CslData out;
  readCsvRecords(source.name, source.text, diags, out);
  throwIfErrors(diags);
  return out;
}

CslData readCsl(const SourceText& source) {
  const auto first = source.text.find_first_not_of(" \t\r\n");
  return first != std::string::npos && source.text[first] == '{' ? readCslJson(source)
                                                                 : readCslCsv(source);
}

} // namespace borderline
