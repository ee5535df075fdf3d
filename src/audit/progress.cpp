#include "audit/progress.hpp"

#include <cstdio>

#include <unistd.h>

#include <fmt/format.h>

#include "evaluate/render.hpp"

namespace borderline {

Progress::Progress(bool enabled, std::optional<std::uint64_t> totalBytes)
    : on_(enabled && ::isatty(STDERR_FILENO) == 1), total_(totalBytes), start_(Clock::now()),
      last_(start_) {}

void Progress::update(std::uint64_t rows, std::uint64_t bytes) {
  if (!on_) return;
  const auto now = Clock::now();
  if (now - last_ < std::chrono::milliseconds(250)) return;
  last_ = now;
  const double seconds = std::chrono::duration<double>(now - start_).count();
  const double rate = seconds > 0 ? static_cast<double>(rows) / seconds : 0;
  std::string line =
      fmt::format("audit: {} rows · {} rows/s", formatNumber(static_cast<double>(rows)),
                  formatNumber(static_cast<double>(static_cast<std::uint64_t>(rate))));
  if (total_ && *total_ > 0 && bytes > 0) {
    const double done = std::min(1.0, static_cast<double>(bytes) / static_cast<double>(*total_));
    const auto left = static_cast<long>(seconds / done - seconds);
    line += fmt::format(" · {:.0f}% · ETA {}:{:02}", done * 100, left / 60, left % 60);
  }
  std::fprintf(stderr, "\r\x1b[K%s", line.c_str());
  std::fflush(stderr);
  drawn_ = true;
}

void Progress::finish() {
  if (!drawn_) return;
  std::fprintf(stderr, "\r\x1b[K");
  std::fflush(stderr);
  drawn_ = false;
}

} // namespace borderline
