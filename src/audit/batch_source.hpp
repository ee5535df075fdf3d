#pragma once
// Cutting an inventory into batches, on one thread, without parsing it: batches hold whole
// records (CSV rows, JSONL lines) or, for YAML and JSON manifests, workloads already loaded.
// Batch boundaries depend only on the input, never on the number of threads, so `--shard`
// picks the same batches whatever the machine.
#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "load/csv_inventory.hpp"
#include "load/inventory.hpp"
#include "load/source.hpp"
#include "model/chip_catalog.hpp"

namespace borderline {

// Records (or workloads) per batch. A CSV batch runs on past it until the workload ends.
inline constexpr std::size_t kBatchRecords = 1024;

struct RawBatch {
  std::uint64_t index = 0;         // 0-based position in the input
  std::string text;                // whole records (csv, jsonl)
  std::uint32_t firstLine = 0;     // line of text's first record
  std::vector<Workload> workloads; // yaml, json: loaded already
  std::uint64_t bytes = 0;         // input bytes it covers, for progress
  std::vector<Location> origins;   // where each line of text is from, when not one file
};

class BatchSource {
public:
  virtual ~BatchSource() = default;
  // The next batch, or false at the end of the input. Throws LoadFailure when the input cannot
  // be read at all (missing file, bad CSV header).
  virtual bool next(RawBatch& batch) = 0;
  // The size of the input when known (a regular file), for the progress line's ETA.
  virtual std::optional<std::uint64_t> size() const { return std::nullopt; }
  // The input's display name (owned by the SourceSet).
  virtual std::string_view name() const = 0;
  // How to load a batch of CSV text; null for other sources.
  virtual const CsvInventory* csv() const { return nullptr; }
};

// Opens `path` ("-" = standard input) as an inventory of `format`. The display name is kept in
// `sources`, which must outlive every workload loaded from the batches.
std::unique_ptr<BatchSource> openBatchSource(const std::string& path, InventoryFormat format,
                                             SourceSet& sources, const ChipCatalog& catalog);

} // namespace borderline
