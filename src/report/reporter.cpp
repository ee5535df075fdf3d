#include "report/reporter.hpp"

#include <array>

#include "report/json_reporter.hpp"
#include "report/text_reporter.hpp"

namespace borderline {

std::span<const std::string_view> reportFormats() {
  static constexpr std::array<std::string_view, 2> kFormats = {"text", "json"};
  return kFormats;
}

std::unique_ptr<Reporter> makeReporter(std::string_view format, const ReportOptions& options) {
  if (format == "text") return std::make_unique<TextReporter>(options.color);
  if (format == "json") return std::make_unique<JsonReporter>();
  return nullptr;
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
