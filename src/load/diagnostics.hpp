#pragma once
// Errors are values with locations. Loaders and the compiler collect them here; the CLI prints
// them all the same way ("file:line:column: message") and exits 2.
#include <stdexcept>
#include <string>
#include <vector>

#include "model/location.hpp"

namespace borderline {

// Owns its file name: diagnostics outlive the SourceSet that loaded the file.
struct Diagnostic {
  Diagnostic(Location where, std::string text)
      : file(where.file), line(where.line), column(where.column), message(std::move(text)) {}
  std::string file;
  std::uint32_t line = 0, column = 0;
  std::string message;
  // "file:line:column" as far as it is known.
  std::string where() const { return Location{file, line, column}.str(); }
  std::string str() const;
};

class Diagnostics {
public:
  static constexpr std::size_t kMaxErrors = 50; // past this, loading stops: the rest is noise

  void error(Location loc, std::string message);
  bool ok() const { return errors_.empty(); }
  const std::vector<Diagnostic>& errors() const { return errors_; }

private:
  std::vector<Diagnostic> errors_;
};

// Thrown when loading cannot go on (too many errors, a limit exceeded, an unparsable file).
// Carries everything collected so far.
class LoadFailure : public std::runtime_error {
public:
  explicit LoadFailure(std::vector<Diagnostic> errors);
  const std::vector<Diagnostic>& errors() const { return errors_; }

private:
  std::vector<Diagnostic> errors_;
};

// Throws LoadFailure if any error was collected.
void throwIfErrors(const Diagnostics& diags);

} // namespace borderline
