#include "report/stream_reporter.hpp"

#include <array>

#include "report/csv_reporter.hpp"
#include "report/html_reporter.hpp"
#include "report/json_stream_reporter.hpp"
#include "report/jsonl_reporter.hpp"
#include "report/reporter.hpp"
#include "report/summary_reporter.hpp"

namespace borderline {

std::span<const std::string_view> streamFormats() {
  static constexpr std::array<std::string_view, 5> kFormats = {"text", "json", "jsonl", "csv",
                                                               "html"};
  return kFormats;
}

std::unique_ptr<StreamReporter> makeStreamReporter(std::string_view format, StreamContext context) {
  if (format == "text") return std::make_unique<SummaryReporter>(std::move(context));
  if (format == "json") return std::make_unique<JsonStreamReporter>(std::move(context));
  if (format == "jsonl") return std::make_unique<JsonlReporter>(std::move(context));
  if (format == "csv") return std::make_unique<CsvReporter>(std::move(context));
  if (format == "html") return std::make_unique<HtmlReporter>(std::move(context));
  return nullptr;
}

void writeStreamed(StreamReporter& reporter, const CompiledRules& rules,
                   std::span<const Result> results, std::string& out) {
  auto sink = [&](std::string_view bytes) { out += bytes; };
  Tally tally(rules);
  reporter.begin(sink);
  std::string piece;
  for (const auto& r : results) {
    tally.add(r);
    piece.clear();
    reporter.format(r, piece);
    reporter.write(piece, sink);
  }
  tally.rows = tally.workloads;
  reporter.end(tally, sink);
}

namespace {

class StreamedReporter : public Reporter {
public:
  explicit StreamedReporter(std::string_view format) : format_(format) {}
  void write(const Report& report, std::ostream& out) const override {
    StreamContext context{&report.rules, report.asOf};
    const auto reporter = makeStreamReporter(format_, std::move(context));
    std::string text;
    writeStreamed(*reporter, report.rules, report.results, text);
    out << text;
  }

private:
  std::string format_;
};

} // namespace

std::unique_ptr<Reporter> makeStreamedReporter(std::string_view format) {
  return std::make_unique<StreamedReporter>(format);
}

} // namespace borderline
