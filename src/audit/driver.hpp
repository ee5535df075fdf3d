#pragma once
// The batch driver behind `audit` and `report merge`: batches from a BatchSource are turned
// into results on every core, formatted by a streaming reporter on the same threads, and
// written in input order with the totals at the end. Memory is bounded by the batches in
// flight, never by the size of the input.
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "audit/batch_source.hpp"
#include "evaluate/date_view.hpp"
#include "evaluate/result.hpp"
#include "report/stream_reporter.hpp"
#include "report/tally.hpp"
#include "util/output_file.hpp"

namespace borderline {

// --shard i/n: this run evaluates the batches whose index is i-1 modulo n.
struct Shard {
  std::uint32_t index = 0, count = 1; // 0-based index
  bool owns(std::uint64_t batch) const { return batch % count == index; }
};
// Parses "i/n" (1 <= i <= n); nullopt when it is not that.
std::optional<Shard> parseShard(std::string_view text);

// Turns one batch into results, on a worker thread. `loaded` owns the workloads the results
// point at; `worker` (0..jobs-1) lets an implementation keep scratch state per thread.
using BatchEvaluator = std::function<void(RawBatch& batch, LoadedBatch& loaded,
                                          std::vector<Result>& results, int worker)>;

struct DriverSettings {
  int jobs = 1;
  Shard shard;
  bool skipInvalid = false; // else the first invalid workload stops the run (LoadFailure)
  bool progress = false;    // the progress line (on a terminal only)
  std::function<void(const InvalidWorkload&)> reportInvalid; // with skipInvalid, in input order
};

struct DriverOutcome {
  Tally tally;
  Level worst = Level::Allowed; // the worst workload verdict
};

DriverOutcome runBatches(BatchSource& source, const BatchEvaluator& evaluate,
                         StreamReporter& reporter, StreamingOutput& output,
                         const CompiledRules& rules, const DriverSettings& settings);

// Loads the workloads of one batch into `loaded`: parses its CSV or JSONL text (with the
// scratch space of the calling thread), or takes the manifest workloads it carries.
void loadBatch(const BatchSource& source, const ChipCatalog& catalog, RawBatch& batch,
               LoadedBatch& loaded, CsvScratch& scratch);

// The audit's evaluator: loads CSV or JSONL text (or takes the loaded manifest workloads) and
// evaluates each workload on the view's date, with one screening cache per thread, applying
// the central `waivers` (which must outlive the run) with each workload's own.
BatchEvaluator auditEvaluator(const BatchSource& source, const DateView& view,
                              std::span<const Waiver> waivers, bool messages, int jobs);

} // namespace borderline
