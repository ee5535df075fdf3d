#pragma once
// Inventories for `audit`: the input formats, and what loading one batch of rows gives.
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "load/diagnostics.hpp"
#include "load/workload_pool.hpp"
#include "model/workload.hpp"

namespace borderline {

enum class InventoryFormat : std::uint8_t { Csv, Jsonl, Yaml, Json };

// The longest CSV record (with its quoted line breaks) or JSONL line: a reader must hold a whole
// record, so without a limit one unclosed quote would make it read the rest of the file into
// memory. One workload needs a few KiB.
inline constexpr std::size_t kMaxRecordBytes = 1024 * 1024;

std::string_view formatName(InventoryFormat format);
// --input-format: csv, jsonl (or ndjson), yaml (or yml), json.
std::optional<InventoryFormat> parseInventoryFormat(std::string_view name);
// From the file name's extension, or nullopt when it says nothing.
std::optional<InventoryFormat> formatFromPath(std::string_view path);

// A workload whose rows did not load: every error of its rows, for --skip-invalid.
struct InvalidWorkload {
  std::uint32_t line = 0; // first row
  std::uint32_t rows = 0;
  std::vector<Diagnostic> errors;
};

// The workloads of one batch of rows, in input order, and the ones that did not load.
struct LoadedBatch {
  std::vector<Workload> workloads;
  std::vector<InvalidWorkload> invalid;
  std::uint64_t rows = 0;
  // Text that locations of this batch point at when no SourceSet owns it (file names read
  // back from results by `report merge`).
  std::set<std::string, std::less<>> names;
  // The heap buffers of cleared workloads, for the next batch loaded into this one.
  WorkloadPool pool;
  std::string_view keep(std::string_view name) { return *names.emplace(name).first; }
  void clear() {
    pool.recycle(workloads);
    invalid.clear();
    rows = 0;
    names.clear();
  }
};

} // namespace borderline
