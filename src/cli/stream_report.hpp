#pragma once
// What `audit` and `report merge` share: the streaming report formats, the reporter for one,
// and the number of worker threads.
#include <memory>
#include <string>
#include <string_view>

#include "report/stream_reporter.hpp"

namespace borderline {

// Throws UsageError unless `format` is one of streamFormats().
void requireStreamFormat(std::string_view command, const std::string& format);
// The streaming reporter for a checked format; `htmlRows` caps the HTML table (--html-rows).
std::unique_ptr<StreamReporter> makeStreamReport(const std::string& format, StreamContext context,
                                                 std::size_t htmlRows);
// --jobs: 0 means the machine's cores; a negative count or one above kMaxJobs is a UsageError.
inline constexpr int kMaxJobs = 1024;
int workerThreads(int requested);

} // namespace borderline
