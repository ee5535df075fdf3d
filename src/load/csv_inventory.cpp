#include "load/csv_inventory.hpp"

#include <algorithm>
#include <charconv>

#include <fmt/format.h>

#include "load/manifest.hpp"
#include "load/scalar_text.hpp"
#include "load/source.hpp"
#include "util/text.hpp"

namespace borderline {

namespace {

using C = CsvColumn;

constexpr std::array<std::string_view, kCsvColumns> kNames = {"name",
                                                              "purpose",
                                                              "period.start",
                                                              "period.end",
                                                              "model.name",
                                                              "model.developer.name",
                                                              "model.developer.hq",
                                                              "model.trainingCompute",
                                                              "chips",
                                                              "compute.acquisition",
                                                              "site.country",
                                                              "site.owner.name",
                                                              "site.owner.hq",
                                                              "site.owner.parentName",
                                                              "site.owner.parentHq",
                                                              "tenant.name",
                                                              "tenant.hq",
                                                              "tenant.parentName",
                                                              "tenant.parentHq",
                                                              "tenant.designations",
                                                              "endUse",
                                                              "data.origin",
                                                              "data.categories",
                                                              "data.subjects",
                                                              "data.transfer",
                                                              "authorizations"};

constexpr C kRequired[] = {C::Name,      C::Purpose, C::Chips,      C::Acquisition, C::SiteCountry,
                           C::OwnerName, C::OwnerHq, C::TenantName, C::TenantHq};

// Columns that only make sense together: a party needs a name and a country, a data source an
// origin and categories.
constexpr std::pair<C, C> kPairs[] = {{C::DeveloperName, C::DeveloperHq},
                                      {C::DataOrigin, C::DataCategories},
                                      {C::DataSubjects, C::DataOrigin},
                                      {C::DataTransfer, C::DataOrigin}};

// Cells a later row of the same workload adds to it; the others it may only repeat.
bool addsToWorkload(C c) {
  return c == C::Chips || (c >= C::DataOrigin && c <= C::DataTransfer);
}

int at(C c) {
  return static_cast<int>(c);
}

// Stands for a column the format does not have (a developer has no parent columns).
constexpr auto kNone = static_cast<C>(255);

} // namespace

std::string_view csvColumnName(CsvColumn column) {
  return kNames[static_cast<std::size_t>(column)];
}

CsvInventory::CsvInventory(std::string_view file, std::string_view header, std::uint32_t headerLine,
                           const ChipCatalog& catalog)
    : file_(file), catalog_(&catalog) {
  index_.fill(-1);
  Diagnostics diags;
  std::vector<CsvField> fields;
  std::string scratch, error;
  std::uint32_t offset = 0;
  const std::string_view body = csvRecordBody(header);
  std::string_view problem;
  if (const auto bad = findEncodingError(body, problem); bad != std::string_view::npos) {
    diags.error({file, headerLine, static_cast<std::uint32_t>(bad + 1)}, std::string(problem));
    throwIfErrors(diags);
  }
  if (!splitCsvRecord(body, fields, scratch, offset, error)) {
    diags.error({file, headerLine, offset + 1}, error);
    throwIfErrors(diags);
  }
  const std::vector<std::string_view> names(kNames.begin(), kNames.end());
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const std::string_view name = trim(fields[i].text);
    const Location loc{file, headerLine, fields[i].offset + 1};
    const auto it = std::find(kNames.begin(), kNames.end(), name);
    if (it == kNames.end()) {
      const auto guess = closestMatch(name, names);
      diags.error(loc,
                  fmt::format("unknown column '{}' in the CSV header{} (expected columns "
                              "named as in manifest.md: {})",
                              name, guess.empty() ? "" : fmt::format("; did you mean '{}'?", guess),
                              joined(names)));
      continue;
    }
    int& slot = index_[static_cast<std::size_t>(it - kNames.begin())];
    if (slot >= 0) {
      diags.error(loc, fmt::format("column '{}' appears twice in the CSV header", name));
      continue;
    }
    slot = static_cast<int>(i);
  }
  const Location whole{file, headerLine, 0};
  for (C c : kRequired)
    if (index_[at(c)] < 0 && diags.ok())
      diags.error(whole, fmt::format("the CSV header has no '{}' column, which is required",
                                     csvColumnName(c)));
  for (auto [a, b] : kPairs)
    if (index_[at(a)] >= 0 && index_[at(b)] < 0)
      diags.error(whole, fmt::format("the CSV header has '{}' but no '{}'", csvColumnName(a),
                                     csvColumnName(b)));
  throwIfErrors(diags);
  fieldCount_ = fields.size();
}

std::string_view CsvInventory::nameOf(std::string_view record, CsvScratch& s) const {
  std::uint32_t offset = 0;
  std::string error;
  if (!splitCsvRecord(csvRecordBody(record), s.fields, s.text, offset, error)) return {};
  const auto i = static_cast<std::size_t>(index_[at(C::Name)]);
  return i < s.fields.size() ? trim(s.fields[i].text) : std::string_view();
}

// Reads the cells of one record into a workload, with locations and errors.
class CsvRowReader {
public:
  CsvRowReader(const CsvInventory& inventory, std::vector<CsvField>& fields, std::string& scratch,
               ChipIndexCache& chipIndexes, std::vector<Diagnostic>& errors, WorkloadPool& pool)
      : inv_(inventory), fields_(fields), scratch_(scratch), chipIndexes_(chipIndexes),
        errors_(errors), pool_(pool) {}

  // Reads the record that starts at text[pos], on line `line`, and returns where it ends.
  // readable() then tells whether it could be split (if not, the error is recorded).
  std::size_t read(std::string_view text, std::size_t pos, std::uint32_t line) {
    line_ = line;
    std::size_t end = splitPlainCsvRecord(text, pos, fields_);
    if (end != std::string_view::npos) {
      record_ = csvRecordBody(text.substr(pos, end - pos));
      lineBreaks_ = text[end - 1] == '\n' ? 1 : 0;
      multiline_ = false;
      readable_ = true;
    } else {
      bool complete = false;
      std::size_t lineBreaks = 0;
      end = csvRecordEnd(text, pos, complete, lineBreaks);
      lineBreaks_ = static_cast<std::uint32_t>(lineBreaks);
      readable_ = split(text.substr(pos, end - pos));
    }
    if (readable_ && fields_.size() != inv_.fieldCount_) {
      countError();
      readable_ = false;
    }
    if (readable_) {
      // Each cell is read several times (emptiness, comparison, value): trim it once.
      for (int c = 0; c < kCsvColumns; ++c) {
        const int i = inv_.index_[static_cast<std::size_t>(c)];
        cells_[static_cast<std::size_t>(c)] =
            i < 0 ? std::string_view() : trim(fields_[static_cast<std::size_t>(i)].text);
      }
    }
    return end;
  }
  bool readable() const { return readable_; }
  // How many line breaks the record holds (a quoted field may hold some; the last record of
  // the input may have none).
  std::uint32_t lineBreaks() const { return lineBreaks_; }

  // The trimmed text of a cell of a record that read() could split.
  std::string_view cell(C c) const { return c == kNone ? std::string_view() : cells_[at(c)]; }
  // The location of a cell, or of a position inside its (trimmed) text.
  Location where(C c, std::size_t within = 0) const {
    const int i = inv_.index_[at(c)];
    if (i < 0) return {inv_.file_, line_, 0};
    const CsvField& f = fields_[static_cast<std::size_t>(i)];
    std::size_t pos = f.offset;
    if (pos < record_.size() && record_[pos] == '"') ++pos;
    const std::string_view raw = f.text;
    pos += static_cast<std::size_t>(trim(raw).data() - raw.data()) + within;
    return locate(static_cast<std::uint32_t>(pos));
  }
  void error(C c, std::string message, std::size_t within = 0) {
    errors_.emplace_back(where(c, within), std::move(message));
  }

  // Typed cells: nothing happens for an empty cell, an error for a bad value.
  template <class T, class Parse> void value(Located<T>& out, C c, Parse&& parse) {
    const std::string_view text = cell(c);
    if (text.empty()) return;
    std::string message;
    out.loc = where(c);
    out.value = parse(text, message);
    if (!out.value) error(c, std::move(message));
  }
  void str(Located<std::string>& out, C c) {
    const std::string_view text = cell(c);
    if (text.empty()) return;
    out.loc = where(c);
    pool_.assign(out.value, text);
  }
  void country(Located<CountryId>& out, C c) {
    value(out, c, [&](std::string_view t, std::string& m) {
      return countryFromText(t, csvColumnName(c), m);
    });
  }
  void date(Located<Date>& out, C c) {
    value(out, c,
          [&](std::string_view t, std::string& m) { return dateFromText(t, csvColumnName(c), m); });
  }
  template <class E> void enumeration(Located<E>& out, C c, const EnumDomain& domain) {
    value(out, c, [&](std::string_view t, std::string& m) -> std::optional<E> {
      const auto v = enumFromText(t, domain, m);
      return v ? std::optional<E>(static_cast<E>(*v)) : std::nullopt;
    });
  }
  void require(C c) {
    if (cell(c).empty())
      error(c, fmt::format("missing value in required column '{}'", csvColumnName(c)));
  }

  // Calls f(item, offset) for each `;`-separated item of a cell; empty items are errors.
  template <class F> void items(C c, F&& f) {
    const std::string_view text = cell(c);
    if (text.empty()) return;
    std::size_t start = 0;
    while (start <= text.size()) {
      const std::size_t end = std::min(text.find(';', start), text.size());
      const std::string_view raw = text.substr(start, end - start);
      const std::string_view item = trim(raw);
      const std::size_t offset = start + static_cast<std::size_t>(item.data() - raw.data());
      if (item.empty())
        error(c,
              fmt::format("empty item in '{}' (items are separated by one ';')", csvColumnName(c)),
              start);
      else
        f(item, offset);
      start = end + 1;
    }
  }
  template <class E> void enumList(LocatedList<E>& out, C c, const EnumDomain& domain) {
    if (cell(c).empty()) return;
    out.loc = where(c);
    pool_.reuse(out.values);
    items(c, [&](std::string_view item, std::size_t offset) {
      std::string message;
      if (auto v = enumFromText(item, domain, message))
        out.values.push_back(static_cast<E>(*v));
      else
        error(c, std::move(message), offset);
    });
  }
  void strList(LocatedList<std::string>& out, C c) {
    if (cell(c).empty()) return;
    out.loc = where(c);
    pool_.reuse(out.values);
    items(c, [&](std::string_view item, std::size_t) { out.values.emplace_back(item); });
  }

  void party(Party& p, C name, C hq, C parentName, C parentHq, bool required) {
    if (required) {
      require(name);
      require(hq);
    }
    if (cell(name).empty() && cell(hq).empty()) {
      if (!cell(parentName).empty() || !cell(parentHq).empty())
        error(name, fmt::format("'{}' is empty, but the party has a parent", csvColumnName(name)));
      return;
    }
    p.present = true;
    p.loc = where(name);
    if (!required && cell(name).empty()) require(name);
    if (!required && cell(hq).empty()) require(hq);
    partyName(p.name, name);
    country(p.hq, hq);
    partyName(p.parentName, parentName);
    country(p.parentHq, parentHq);
  }
  // A name the party lists are searched for (scalar_text: screenablePartyName; cheap for the
  // usual name, which decides without allocating).
  void partyName(Located<std::string>& out, C c) {
    str(out, c);
    std::string message;
    if (!cell(c).empty() && !screenablePartyName(cell(c), csvColumnName(c), message))
      error(c, std::move(message));
  }

  void chips(Workload& w) {
    items(C::Chips, [&](std::string_view item, std::size_t offset) {
      const std::size_t star = item.rfind('*');
      if (star == std::string_view::npos) {
        error(C::Chips,
              fmt::format("chips item '{}' must be model*count, e.g. nvidia-h100-sxm*8", item),
              offset);
        return;
      }
      const std::string_view model = trim(item.substr(0, star));
      const std::string_view countText = trim(item.substr(star + 1));
      ChipUse use;
      use.loc = where(C::Chips, offset);
      pool_.assign(use.model, model);
      use.catalogIndex = chipIndexes_.find(*inv_.catalog_, model);
      if (use.catalogIndex < 0) {
        error(C::Chips, unknownChipMessage(*inv_.catalog_, model), offset);
      } else {
        use.spec = &inv_.catalog_->at(use.catalogIndex);
      }
      const std::size_t countOffset =
          offset + static_cast<std::size_t>(countText.data() - item.data());
      use.count.loc = where(C::Chips, countOffset);
      std::string message;
      use.count.value = integerFromText(countText, "chip count", 1, 100'000'000, message);
      if (!use.count.has()) error(C::Chips, std::move(message), countOffset);
      if (use.spec && use.count.has()) {
        pool_.reuse(w.chips);
        w.chips.push_back(std::move(use));
      }
    });
  }

  void dataSource(Workload& w) {
    if (cell(C::DataOrigin).empty() && cell(C::DataCategories).empty() &&
        cell(C::DataSubjects).empty() && cell(C::DataTransfer).empty())
      return;
    pool_.reuse(w.data);
    DataSource& d = w.data.emplace_back();
    d.loc = where(C::DataOrigin);
    // CSV has no column for the source's name: the row stands for it. (fmt::format cost more
    // than the rest of the data source.)
    char digits[16];
    const auto number = std::to_chars(digits, digits + sizeof digits, line_).ptr;
    d.name.value.emplace("line ").append(digits, number);
    d.name.loc = d.loc;
    require(C::DataOrigin);
    require(C::DataCategories);
    country(d.origin, C::DataOrigin);
    enumList(d.categories, C::DataCategories, kDataCategoryDomain);
    value(d.subjects, C::DataSubjects, [](std::string_view t, std::string& m) {
      return integerFromText(t, "data.subjects", 0, 100'000'000'000, m);
    });
    strList(d.transfer, C::DataTransfer);
  }

  // type:reference:expires; the reference may itself hold colons.
  void authorizations(Workload& w) {
    items(C::Authorizations, [&](std::string_view item, std::size_t offset) {
      Authorization a;
      a.loc = where(C::Authorizations, offset);
      const std::size_t first = item.find(':');
      const std::string_view type = trim(item.substr(0, first));
      if (type.empty()) {
        error(C::Authorizations,
              fmt::format("authorization '{}' has no type (expected type:reference:expires)", item),
              offset);
        return;
      }
      pool_.assign(a.type.value, type);
      a.type.loc = a.loc;
      if (first != std::string_view::npos) {
        std::string_view rest = item.substr(first + 1);
        const std::size_t last = rest.rfind(':');
        std::string_view reference = rest;
        if (last != std::string_view::npos) {
          reference = rest.substr(0, last);
          const std::string_view expires = trim(rest.substr(last + 1));
          const std::size_t at = offset + static_cast<std::size_t>(expires.data() - item.data());
          if (!expires.empty()) {
            std::string message;
            a.expires = {dateFromText(expires, "authorization expires", message),
                         where(C::Authorizations, at)};
            if (!a.expires.has()) error(C::Authorizations, std::move(message), at);
          }
        }
        reference = trim(reference);
        if (!reference.empty()) {
          pool_.assign(a.reference.value, reference);
          a.reference.loc = a.loc;
        }
      }
      pool_.reuse(w.authorizations);
      w.authorizations.push_back(std::move(a));
    });
  }

  // The whole workload from its first row.
  void first(Workload& w) {
    w.loc = where(C::Name);
    std::string message;
    if (validWorkloadName(cell(C::Name), message))
      pool_.assign(w.name, cell(C::Name));
    else
      error(C::Name, std::move(message));
    for (C c : kRequired) require(c);
    enumeration(w.purpose, C::Purpose, kPurposeDomain);
    date(w.periodStart, C::PeriodStart);
    date(w.periodEnd, C::PeriodEnd);
    if (w.periodStart.has() && w.periodEnd.has() && *w.periodEnd.value < *w.periodStart.value)
      error(C::PeriodEnd, "period.end is before period.start");
    str(w.modelName, C::ModelName);
    party(w.party(PartyRole::Developer), C::DeveloperName, C::DeveloperHq, kNone, kNone, false);
    value(w.trainingCompute, C::TrainingCompute, [](std::string_view t, std::string& m) {
      auto v = numberFromText(t, "model.trainingCompute", m);
      if (v && *v < 0) {
        m = "model.trainingCompute must not be negative";
        return std::optional<double>();
      }
      return v;
    });
    w.chipsLoc = where(C::Chips);
    chips(w);
    enumeration(w.acquisition, C::Acquisition, kAcquisitionDomain);
    country(w.siteCountry, C::SiteCountry);
    party(w.party(PartyRole::Owner), C::OwnerName, C::OwnerHq, C::OwnerParentName, C::OwnerParentHq,
          true);
    party(w.party(PartyRole::Tenant), C::TenantName, C::TenantHq, C::TenantParentName,
          C::TenantParentHq, true);
    strList(w.party(PartyRole::Tenant).designations, C::TenantDesignations);
    if (!cell(C::EndUse).empty()) {
      enumList(w.endUse, C::EndUse, kEndUseDomain);
    } else {
      pool_.reuse(w.endUse.values);
      w.endUse.values = {EndUse::Civil}; // manifest.md: default [civil]
      w.endUse.loc = w.loc;
    }
    dataSource(w);
    authorizations(w);
  }

  // A later row of the same workload: adds chips and a data source; the other cells must be
  // empty or repeat the first row's.
  void next(Workload& w, const CsvRowReader& firstRow, std::uint32_t firstLine) {
    for (int i = 0; i < kCsvColumns; ++i) {
      const auto c = static_cast<C>(i);
      if (addsToWorkload(c) || cell(c).empty() || cell(c) == firstRow.cell(c)) continue;
      error(c, fmt::format("'{}' is '{}' here but '{}' on line {}, the workload's first row "
                           "(later rows of a workload add chips and data sources; other cells "
                           "must be empty or the same)",
                           csvColumnName(c), cell(c), firstRow.cell(c), firstLine));
    }
    chips(w);
    dataSource(w);
  }

private:
  // The general reader, for a record that splitPlainCsvRecord() does not take: quotes, line
  // breaks in fields, non-ASCII text, and every kind of error.
  bool split(std::string_view record) {
    record_ = csvRecordBody(record);
    multiline_ = record_.find('\n') != std::string_view::npos;
    std::string_view problem;
    if (const auto bad = findEncodingError(record_, problem); bad != std::string_view::npos) {
      errors_.emplace_back(locate(static_cast<std::uint32_t>(bad)), std::string(problem));
      return false;
    }
    std::uint32_t offset = 0;
    std::string error;
    if (!splitCsvRecord(record_, fields_, scratch_, offset, error)) {
      errors_.emplace_back(locate(offset), std::move(error));
      return false;
    }
    return true;
  }

  // A row with more or fewer fields than the header: points at the first extra field, or at
  // the end of a short row.
  void countError() {
    const std::size_t n = fields_.size(), expected = inv_.fieldCount_;
    const bool extra = n > expected;
    const auto at = extra ? fields_[expected].offset : static_cast<std::uint32_t>(record_.size());
    errors_.emplace_back(locate(at),
                         fmt::format("row has {} field{}, but the CSV header has {}: {}", n,
                                     n == 1 ? "" : "s", expected,
                                     extra ? fmt::format("field {} starts here", expected + 1)
                                           : std::string("the row ends here")));
  }

  Location locate(std::uint32_t offset) const {
    if (!multiline_) return {inv_.file_, line_, offset + 1};
    const CsvPosition at = csvPosition(record_, line_, offset);
    return {inv_.file_, at.line, at.column};
  }

  const CsvInventory& inv_;
  std::vector<CsvField>& fields_;
  std::string& scratch_;
  ChipIndexCache& chipIndexes_;
  std::vector<Diagnostic>& errors_;
  WorkloadPool& pool_;
  std::string_view record_;
  std::array<std::string_view, kCsvColumns> cells_{};
  std::uint32_t line_ = 0, lineBreaks_ = 0;
  bool multiline_ = false, readable_ = false;
};

void CsvInventory::load(std::string_view text, std::uint32_t firstLine, LoadedBatch& out,
                        CsvScratch& s) const {
  // The current workload is built in place at the end of out.workloads (no move, no reset
  // per workload), and taken off again when its rows have errors.
  Workload* w = nullptr;
  InvalidWorkload group; // the current workload's first line, rows and errors
  std::string groupName;
  std::string_view groupRecord; // its first row, split again when a later row compares cells
  bool active = false;
  std::vector<Diagnostic> errors;

  auto finish = [&] {
    if (!active) return;
    if (!errors.empty()) {
      out.workloads.pop_back();
      group.errors = std::move(errors);
      out.invalid.push_back(std::move(group));
    }
    w = nullptr;
    group = InvalidWorkload();
    errors.clear();
    active = false;
  };

  // One reader for each row and one for the workload's first row, which a later row compares
  // its cells with (split again only once per workload).
  std::vector<Diagnostic> rowErrors;
  CsvRowReader row(*this, s.fields, s.text, s.chips, rowErrors, out.pool);
  CsvRowReader firstRow(*this, s.firstFields, s.firstText, s.chips, rowErrors, out.pool);
  bool firstRowRead = false;
  std::uint32_t line = firstLine;
  for (std::size_t pos = 0; pos < text.size();) {
    // A blank line is no row (as in JSONL). It ends the current workload's rows, as it would
    // if a batch ended there (a batch ends at a row of another name).
    if (const std::size_t blank = blankLineEnd(text, pos); blank != std::string_view::npos) {
      finish();
      pos = blank;
      ++line;
      continue;
    }
    ++out.rows;
    rowErrors.clear();
    const std::size_t end = row.read(text, pos, line);
    const std::string_view record = text.substr(pos, end - pos);
    const std::uint32_t lines = row.lineBreaks();
    pos = end;
    const bool readable = row.readable();
    const std::string_view name = readable ? row.cell(C::Name) : std::string_view();
    if (active && !name.empty() && name == groupName) {
      if (!firstRowRead) firstRow.read(groupRecord, 0, group.line);
      firstRowRead = true;
      row.next(*w, firstRow, group.line);
      ++group.rows;
    } else {
      finish();
      active = true;
      w = &out.workloads.emplace_back();
      group.line = line;
      group.rows = 1;
      groupName.assign(name);
      groupRecord = record;
      firstRowRead = false;
      if (readable) row.first(*w);
    }
    errors.insert(errors.end(), std::make_move_iterator(rowErrors.begin()),
                  std::make_move_iterator(rowErrors.end()));
    line += lines == 0 ? 1 : lines;
  }
  finish();
}

} // namespace borderline
