#include "audit/batch_source.hpp"

#include <algorithm>
#include <cstring>

#include <fmt/format.h>

#include "audit/file_input.hpp"
#include "load/manifest.hpp"

namespace borderline {

namespace {

// Batches of whole records of CSV or JSONL text.
class RecordSource : public BatchSource {
public:
  RecordSource(const std::string& path, std::string_view shown, bool csv,
               const ChipCatalog& catalog)
      : input_(path, shown), shown_(shown), csv_(csv) {
    more_ = input_.read(buffer_);
    if (buffer_.starts_with("\xEF\xBB\xBF")) pos_ = 3; // a UTF-8 byte order mark
    if (!csv_) return;
    if (atEnd()) failInput(shown, "empty file: a CSV inventory starts with a header row");
    std::size_t lineBreaks = 0;
    const std::size_t end = recordEnd(pos_, lineBreaks);
    inventory_.emplace(shown, std::string_view(buffer_).substr(pos_, end - pos_), 1, catalog);
    pos_ = end;
    line_ = 2;
  }

  bool next(RawBatch& batch) override {
    // Drop what earlier batches took only once it is at least as long as what is left, so
    // that each byte is moved at most once (erasing after every batch moved the rest of a
    // 4 MiB read block, ~2 MiB, per batch of ~170 KiB).
    if (pos_ >= buffer_.size() - pos_) {
      buffer_.erase(0, pos_);
      pos_ = 0;
    }
    start_ = pos_;
    std::size_t count = 0, previous = pos_, lineBreaks = 0, batchLineBreaks = 0;
    std::string lastName;
    bool haveLast = false;
    while (!atEnd()) {
      const std::size_t end = recordEnd(pos_, lineBreaks);
      // Past the batch size, a CSV batch still takes the rest of its last workload's rows.
      if (count >= kBatchRecords) {
        if (!csv_) break;
        if (!haveLast) {
          lastName = inventory_->nameOf(std::string_view(buffer_).substr(previous, pos_ - previous),
                                        scratch_);
          haveLast = true;
        }
        const auto name =
            inventory_->nameOf(std::string_view(buffer_).substr(pos_, end - pos_), scratch_);
        if (name.empty() || name != lastName) break;
      }
      previous = pos_;
      pos_ = end;
      batchLineBreaks += lineBreaks;
      ++count;
    }
    if (count == 0) return false;
    batch.index = index_++;
    batch.text.assign(buffer_, start_, pos_ - start_);
    batch.firstLine = line_;
    batch.bytes = pos_ - start_;
    batch.workloads.clear();
    line_ += static_cast<std::uint32_t>(batchLineBreaks);
    return true;
  }

  std::optional<std::uint64_t> size() const override { return input_.size(); }
  std::string_view name() const override { return shown_; }
  const CsvInventory* csv() const override { return inventory_ ? &*inventory_ : nullptr; }

private:
  // Whether every record has been taken (reading more input to find out).
  bool atEnd() {
    while (pos_ >= buffer_.size() && more_) more_ = input_.read(buffer_);
    return pos_ >= buffer_.size();
  }

  // The end of the record at `pos`, reading more input until it is complete, and how many line
  // breaks it holds.
  std::size_t recordEnd(std::size_t pos, std::size_t& lineBreaks) {
    while (true) {
      bool complete = false;
      std::size_t end;
      if (csv_) {
        end = csvRecordEnd(buffer_, pos, complete, lineBreaks);
      } else {
        const void* nl = std::memchr(buffer_.data() + pos, '\n', buffer_.size() - pos);
        complete = nl != nullptr;
        lineBreaks = complete ? 1 : 0;
        end = nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - buffer_.data()) + 1
                 : buffer_.size();
      }
      if (end - pos > kMaxRecordBytes) tooLong(pos);
      if (complete || !more_) return end;
      more_ = input_.read(buffer_);
    }
  }

  [[noreturn]] void tooLong(std::size_t pos) const {
    const auto line = line_ + static_cast<std::uint32_t>(
                                  std::count(buffer_.begin() + static_cast<long>(start_),
                                             buffer_.begin() + static_cast<long>(pos), '\n'));
    throw LoadFailure({Diagnostic{Location{shown_, line, 1},
                                  fmt::format("{} longer than {} bytes, the limit of one record{}",
                                              csv_ ? "CSV record" : "JSONL line", kMaxRecordBytes,
                                              csv_ ? " (an unclosed quote?)" : "")}});
  }

  FileInput input_;
  std::string_view shown_;
  bool csv_;
  bool more_ = true;
  std::string buffer_;
  std::size_t pos_ = 0;
  std::size_t start_ = 0; // where the batch being read starts in buffer_ (line_ is its line)
  std::uint32_t line_ = 1;
  std::uint64_t index_ = 0;
  std::optional<CsvInventory> inventory_;
  CsvScratch scratch_;
};

// YAML and JSON manifests: loaded whole (within the limits of `check`), then cut into batches.
class ManifestSource : public BatchSource {
public:
  ManifestSource(const std::string& path, SourceSet& sources, const ChipCatalog& catalog) {
    const SourceText text = readSource(sources, path);
    name_ = text.name;
    size_ = text.text.size();
    workloads_ = loadManifest(text, catalog);
  }

  bool next(RawBatch& batch) override {
    if (taken_ >= workloads_.size()) return false;
    const std::size_t end = std::min(taken_ + kBatchRecords, workloads_.size());
    batch.index = index_++;
    batch.text.clear();
    batch.workloads.assign(std::make_move_iterator(workloads_.begin() + static_cast<long>(taken_)),
                           std::make_move_iterator(workloads_.begin() + static_cast<long>(end)));
    batch.bytes = size_ * (end - taken_) / workloads_.size();
    taken_ = end;
    return true;
  }
  std::optional<std::uint64_t> size() const override { return size_; }
  std::string_view name() const override { return name_; }

private:
  std::string_view name_;
  std::vector<Workload> workloads_;
  std::size_t taken_ = 0;
  std::uint64_t index_ = 0, size_ = 0;
};

} // namespace

std::unique_ptr<BatchSource> openBatchSource(const std::string& path, InventoryFormat format,
                                             SourceSet& sources, const ChipCatalog& catalog) {
  switch (format) {
  case InventoryFormat::Csv:
  case InventoryFormat::Jsonl: {
    const std::string_view shown = sources.intern(path == "-" ? "<stdin>" : path);
    return std::make_unique<RecordSource>(path, shown, format == InventoryFormat::Csv, catalog);
  }
  default:
    return std::make_unique<ManifestSource>(path, sources, catalog);
  }
}

} // namespace borderline
