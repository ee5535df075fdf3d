#pragma once
// The progress line of a long audit, on standard error and only on a terminal: rows, rows per
// second and, when the input's size is known, how far along it is and the time left.
#include <chrono>
#include <cstdint>
#include <optional>

namespace borderline {

class Progress {
public:
  // `enabled` is false with --quiet; the line also stays off when stderr is not a terminal.
  Progress(bool enabled, std::optional<std::uint64_t> totalBytes);
  // Redraws the line at most a few times a second.
  void update(std::uint64_t rows, std::uint64_t bytes);
  // Clears the line, so that the report or the next message starts clean.
  void finish();

private:
  using Clock = std::chrono::steady_clock;
  bool on_;
  bool drawn_ = false;
  std::optional<std::uint64_t> total_;
  Clock::time_point start_, last_;
};

} // namespace borderline
