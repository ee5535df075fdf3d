#include "model/location.hpp"

#include <fmt/format.h>

namespace borderline {

std::string Location::str() const {
  if (line == 0) return std::string(file);
  if (column == 0) return fmt::format("{}:{}", file, line);
  return fmt::format("{}:{}:{}", file, line, column);
}

} // namespace borderline
