#pragma once
// A file or standard input, read in large blocks (inventories and result files can be far
// larger than memory).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace borderline {

// Throws LoadFailure for a whole input file (no line or column): it cannot be opened, or
// its contents are not an inventory.
[[noreturn]] void failInput(std::string_view file, std::string message);

class FileInput {
public:
  static constexpr std::size_t kBlock = 4u << 20;

  // `path` "-" = standard input. Throws LoadFailure (located at `shown`) when it cannot be
  // opened or is a directory.
  FileInput(const std::string& path, std::string_view shown);
  ~FileInput();
  FileInput(const FileInput&) = delete;
  FileInput& operator=(const FileInput&) = delete;

  // Appends the next block to `buffer`; false at the end of the input.
  bool read(std::string& buffer);
  // The size of a regular file, for progress.
  std::optional<std::uint64_t> size() const { return size_; }

private:
  std::string_view shown_;
  int fd_ = -1;
  bool owned_ = false;
  std::optional<std::uint64_t> size_;
};

// Reads a file line by line through FileInput.
class LineInput {
public:
  LineInput(const std::string& path, std::string_view shown) : input_(path, shown) {}
  // The next line without its line break (and CR); false at the end. The view lives until
  // the next call.
  bool next(std::string_view& line);
  std::uint32_t lineNumber() const { return number_; }

private:
  FileInput input_;
  std::string buffer_;
  std::size_t pos_ = 0;
  bool more_ = true;
  std::uint32_t number_ = 0;
};

} // namespace borderline
