#include "load/diagnostics.hpp"

namespace borderline {

std::string Diagnostic::str() const {
  return file.empty() ? message : where() + ": " + message;
}

void Diagnostics::error(Location loc, std::string message) {
  errors_.emplace_back(loc, std::move(message));
  if (errors_.size() >= kMaxErrors) {
    errors_.emplace_back(loc, "too many errors; stopping here");
    throw LoadFailure(errors_);
  }
}

LoadFailure::LoadFailure(std::vector<Diagnostic> errors)
    : std::runtime_error(errors.empty() ? "load failed" : errors.front().str()),
      errors_(std::move(errors)) {}

void throwIfErrors(const Diagnostics& diags) {
  if (!diags.ok()) throw LoadFailure(diags.errors());
}

} // namespace borderline
