#pragma once
// The project configuration file `.borderline.yaml` (kind Config): defaults a team commits once
// instead of repeating flags in every CI job. Command-line flags win over it (docs/ci.md).
#include <optional>
#include <string>
#include <vector>

#include "load/source.hpp"

namespace borderline {

struct ConfigFile {
  // Paths as written, resolved against the directory of the config file (`baseDir`).
  std::optional<std::vector<std::string>> rules;    // like --rules (replaces the bundle)
  std::optional<std::vector<std::string>> addRules; // like --add-rules
  std::optional<std::string> waivers;               // like --waivers
  std::optional<std::string> failOn;                // like --fail-on (a checked level name)
  std::optional<std::string> asOf;                  // like --as-of (a checked ISO date)
};

// Parses a config file; relative paths in it are joined to `baseDir` (the file's directory,
// as a path relative to the working directory or absolute). Unknown keys and bad values are
// errors with their location. Throws LoadFailure.
ConfigFile loadConfigFile(const SourceText& source, const std::string& baseDir);

} // namespace borderline
