#include "cli/stream_report.hpp"

#include <algorithm>
#include <thread>

#include <fmt/format.h>

#include "cli/common.hpp"
#include "report/html_reporter.hpp"
#include "util/text.hpp"

namespace borderline {

void requireStreamFormat(std::string_view command, const std::string& format) {
  const auto formats = streamFormats();
  if (std::find(formats.begin(), formats.end(), format) == formats.end())
    throw UsageError(fmt::format("{} cannot write format '{}' (expected {})", command, format,
                                 joined({formats.begin(), formats.end()})));
}

std::unique_ptr<StreamReporter> makeStreamReport(const std::string& format, StreamContext context,
                                                 std::size_t htmlRows) {
  if (format == "html") return std::make_unique<HtmlReporter>(std::move(context), htmlRows);
  return makeStreamReporter(format, std::move(context));
}

int workerThreads(int requested) {
  if (requested < 0) throw UsageError("--jobs must be at least 1");
  // Each worker keeps its own state (memos, a batch in flight); far more threads than any
  // machine has cores only costs memory and start-up, and past the system's thread limit
  // could not start at all.
  if (requested > kMaxJobs)
    throw UsageError(fmt::format("--jobs {} is more than {} threads", requested, kMaxJobs));
  if (requested > 0) return requested;
  return static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

} // namespace borderline
