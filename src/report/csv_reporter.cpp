#include "report/csv_reporter.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "load/csv_record.hpp"

namespace borderline {

namespace {

// Appends `item` to a `;`-list unless it is already there.
void addItem(std::string& list, std::string_view item) {
  std::size_t start = 0;
  while (start <= list.size() && !list.empty()) {
    const std::size_t end = std::min(list.find(';', start), list.size());
    if (std::string_view(list).substr(start, end - start) == item) return;
    start = end + 1;
  }
  if (!list.empty()) list += ';';
  list += item;
}

} // namespace

void CsvReporter::begin(Sink out) {
  out("name,file,line,verdict,rules,citations,satisfied,waived,advisory\n");
}

void CsvReporter::format(const Result& r, std::string& out) const {
  std::string open, citations, byStatus[4];
  for (const auto& f : r.findings) {
    addItem(byStatus[static_cast<int>(f.status)], f.rule->id);
    if (f.status != FindingStatus::Open) continue;
    for (const auto& c : f.rule->citations) addItem(citations, c.ref);
  }
  const Workload& w = *r.workload;
  appendCsvField(out, w.name);
  out += ',';
  appendCsvField(out, w.loc.file);
  out += fmt::format(",{},{},", w.loc.line, levelName(r.verdict));
  appendCsvField(out, byStatus[static_cast<int>(FindingStatus::Open)]);
  out += ',';
  appendCsvField(out, citations);
  for (auto s : {FindingStatus::Satisfied, FindingStatus::Waived, FindingStatus::Advisory}) {
    out += ',';
    appendCsvField(out, byStatus[static_cast<int>(s)]);
  }
  out += '\n';
}

} // namespace borderline
