#include "audit/driver.hpp"

#include <atomic>
#include <charconv>
#include <memory>

#include "audit/ordered_pipeline.hpp"
#include "audit/progress.hpp"
#include "evaluate/eval_cache.hpp"
#include "evaluate/evaluator.hpp"
#include "load/jsonl_inventory.hpp"

namespace borderline {

std::optional<Shard> parseShard(std::string_view text) {
  const std::size_t slash = text.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  auto number = [](std::string_view t) -> std::optional<std::uint32_t> {
    std::uint32_t v = 0;
    auto [p, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
    if (ec != std::errc() || p != t.data() + t.size()) return std::nullopt;
    return v;
  };
  const auto i = number(text.substr(0, slash));
  const auto n = number(text.substr(slash + 1));
  if (!i || !n || *n == 0 || *i == 0 || *i > *n) return std::nullopt;
  return Shard{*i - 1, *n};
}

namespace {

// What a worker hands the writer for one batch.
struct BatchOutput {
  std::string text; // the formatted results
  std::unique_ptr<Tally> tally;
  std::vector<InvalidWorkload> invalid;
  Level worst = Level::Allowed;
};

// Thrown by the writer when standard output was closed (`audit ... | head`): nothing more
// can be delivered, so the run stops early without an error.
struct OutputClosed {};

} // namespace

DriverOutcome runBatches(BatchSource& source, const BatchEvaluator& evaluate,
                         StreamReporter& reporter, StreamingOutput& output,
                         const CompiledRules& rules, const DriverSettings& settings) {
  DriverOutcome outcome{Tally(rules)};
  Progress progress(settings.progress, source.size());
  std::atomic<std::uint64_t> bytesRead{0};
  auto sink = [&](std::string_view bytes) { output.write(bytes); };
  reporter.begin(sink);

  struct WorkerState {
    LoadedBatch loaded;
    std::vector<Result> results;
  };
  const int jobs = std::max(1, settings.jobs);
  std::vector<WorkerState> workers(static_cast<std::size_t>(jobs));

  auto produce = [&](RawBatch& batch) {
    while (source.next(batch)) {
      bytesRead += batch.bytes;
      if (settings.shard.owns(batch.index)) return true;
    }
    return false;
  };
  auto process = [&](RawBatch& batch, BatchOutput& out, int worker) {
    WorkerState& state = workers[static_cast<std::size_t>(worker)];
    state.loaded.clear();
    state.results.clear();
    evaluate(batch, state.loaded, state.results, worker);
    out.tally = std::make_unique<Tally>(rules);
    out.tally->rows = state.loaded.rows;
    for (const auto& r : state.results) {
      out.tally->add(r);
      out.worst = std::max(out.worst, r.verdict);
      reporter.format(r, out.text);
    }
    for (const auto& bad : state.loaded.invalid) out.tally->addInvalid(1, bad.rows);
    out.invalid = std::move(state.loaded.invalid);
    state.results.clear(); // before the workloads they point at
    state.loaded.clear();
  };
  auto consume = [&](BatchOutput& out) {
    for (const auto& bad : out.invalid) {
      if (!settings.skipInvalid) {
        progress.finish();
        throw LoadFailure(bad.errors);
      }
      if (settings.reportInvalid) settings.reportInvalid(bad);
    }
    reporter.write(out.text, sink);
    outcome.tally += *out.tally;
    outcome.worst = std::max(outcome.worst, out.worst);
    progress.update(outcome.tally.rows, bytesRead.load());
    if (output.closed()) throw OutputClosed{};
  };

  OrderedPipeline<RawBatch, BatchOutput> pipeline;
  const std::size_t window = static_cast<std::size_t>(2 * jobs + 2);
  try {
    pipeline.run(jobs, window, produce, process, consume);
  } catch (const OutputClosed&) {
    progress.finish();
    return outcome;
  }
  progress.finish();
  reporter.end(outcome.tally, sink);
  return outcome;
}

void loadBatch(const BatchSource& source, const ChipCatalog& catalog, RawBatch& batch,
               LoadedBatch& loaded, CsvScratch& scratch) {
  if (!batch.workloads.empty()) {
    loaded.workloads = std::move(batch.workloads);
    loaded.rows = loaded.workloads.size();
  } else if (const CsvInventory* csv = source.csv()) {
    csv->load(batch.text, batch.firstLine, loaded, scratch);
  } else {
    loadJsonl(source.name(), batch.text, batch.firstLine, catalog, loaded);
  }
}

BatchEvaluator auditEvaluator(const BatchSource& source, const DateView& view,
                              std::span<const Waiver> waivers, bool messages, int jobs) {
  // One screening cache per worker thread, shared by nothing else.
  auto caches =
      std::make_shared<std::vector<EvalCache>>(static_cast<std::size_t>(std::max(1, jobs)));
  auto scratch = std::make_shared<std::vector<CsvScratch>>(caches->size());
  return [&source, &view, waivers, messages, caches,
          scratch](RawBatch& batch, LoadedBatch& loaded, std::vector<Result>& results, int worker) {
    const auto w = static_cast<std::size_t>(worker);
    loadBatch(source, view.rules().catalog, batch, loaded, (*scratch)[w]);
    EvalOptions options;
    options.waivers = waivers;
    options.messages = messages;
    options.cache = &(*caches)[w];
    results.reserve(loaded.workloads.size());
    for (const auto& workload : loaded.workloads)
      results.push_back(evaluateWorkload(workload, view, options));
  };
}

} // namespace borderline
