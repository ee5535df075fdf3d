#include "report/reporter.hpp"

#include <array>

#include "report/json_reporter.hpp"
#include "report/junit_reporter.hpp"
#include "report/markdown_reporter.hpp"
#include "report/sarif_reporter.hpp"
#include "report/stream_reporter.hpp"
#include "report/text_reporter.hpp"

namespace borderline {

std::span<const std::string_view> reportFormats() {
  static constexpr std::array<std::string_view, 8> kFormats = {
      "text", "json", "sarif", "junit", "markdown", "jsonl", "csv", "html"};
  return kFormats;
}

std::unique_ptr<Reporter> makeReporter(std::string_view format, const ReportOptions& options) {
  if (format == "text") return std::make_unique<TextReporter>(options.color);
  if (format == "json") return std::make_unique<JsonReporter>();
  if (format == "sarif") return std::make_unique<SarifReporter>();
  if (format == "junit") return std::make_unique<JunitReporter>(options.failOn);
  if (format == "markdown") return std::make_unique<MarkdownReporter>(options.failOn);
  if (format == "jsonl" || format == "csv" || format == "html") return makeStreamedReporter(format);
  return nullptr;
}

bool failsGate(Level verdict, std::optional<Level> failOn) {
  return failOn && verdict != Level::Allowed && verdict >= *failOn;
}

Summary summarize(std::span<const Result> results) {
  Summary s;
  for (const auto& r : results) {
    ++s.workloads;
    switch (r.verdict) {
    case Level::Prohibited:
      ++s.prohibited;
      break;
    case Level::AuthorizationRequired:
      ++s.authorizationRequired;
      break;
    case Level::Review:
      ++s.review;
      break;
    default:
      ++s.allowed;
      break;
    }
  }
  return s;
}

} // namespace borderline
