#pragma once
// Reports written while results stream in (`audit`): each result is formatted on its own, by
// any thread, and the writer puts the pieces out in input order between a beginning and an
// end that sees the totals. Memory stays bounded whatever the number of results.
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "compile/rules.hpp"
#include "evaluate/result.hpp"
#include "report/tally.hpp"
#include "util/function_ref.hpp"

namespace borderline {

struct StreamContext {
  const CompiledRules* rules = nullptr;
  Date asOf;
};

// Receives report bytes in order.
using Sink = FunctionRef<void(std::string_view)>;

class StreamReporter {
public:
  explicit StreamReporter(StreamContext context) : ctx_(std::move(context)) {}
  virtual ~StreamReporter() = default;

  // False when only verdicts and statuses are read (the evaluator can skip rendering messages).
  virtual bool needsMessages() const { return true; }
  // Appends the bytes of one result. Called by many threads at once: must not change state.
  virtual void format(const Result&, std::string&) const {}

  // Called by one thread, in order: begin, write (each batch of formatted results), end.
  virtual void begin(Sink) {}
  virtual void write(std::string_view formatted, Sink out) { out(formatted); }
  virtual void end(const Tally& tally, Sink out) = 0;

protected:
  const CompiledRules& rules() const { return *ctx_.rules; }
  StreamContext ctx_;
};

// The streaming reporter for an `audit --format` name, or null if there is none.
std::unique_ptr<StreamReporter> makeStreamReporter(std::string_view format, StreamContext context);
std::span<const std::string_view> streamFormats();

// A whole report from results in memory (what `check` has), through a streaming reporter.
void writeStreamed(StreamReporter& reporter, const CompiledRules& rules,
                   std::span<const Result> results, std::string& out);

// A Reporter (whole results in memory, as `check` has them) for a streaming format.
class Reporter;
std::unique_ptr<Reporter> makeStreamedReporter(std::string_view format);

} // namespace borderline
