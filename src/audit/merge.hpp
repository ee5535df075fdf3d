#pragma once
// `report merge`: the JSONL results of several audit runs (the shards of `--shard i/n`, an
// array job's tasks, the partitions of a batch engine) read back as one stream of batches for
// the batch driver, so that every report format can be made from them.
#include <memory>
#include <string>
#include <vector>

#include "audit/batch_source.hpp"
#include "audit/driver.hpp"

namespace borderline {

enum class MergeOrder {
  Source, // by source file name, then line: a k-way merge of inputs that are each in that
          // order, which restores input order for the shards of one inventory
  Input,  // the inputs one after the other, each in its own order
};

// Opens the result files ("-" = standard input). Throws LoadFailure when one cannot be read;
// reading then fails (located) on a line that is out of order or repeats a result.
std::unique_ptr<BatchSource> openResultSource(const std::vector<std::string>& paths,
                                              MergeOrder order, SourceSet& sources);

// Rebuilds each line's result against `rules` on `asOf`; refuses (LoadFailure at the line) a
// line that is not a result or that the rules would not have produced on that date, as far as
// a result records it (readResultJson, docs/audit.md).
BatchEvaluator mergeEvaluator(const CompiledRules& rules, Date asOf);

} // namespace borderline
