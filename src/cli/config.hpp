#pragma once
// Finding and applying `.borderline.yaml`: the nearest one upward from the working directory,
// or the file given with --config; --no-config ignores both. Flags given on the command line
// win over the file, key by key.
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/common.hpp"
#include "load/config_file.hpp"
#include "model/workload.hpp"

namespace borderline {

inline constexpr std::string_view kConfigFileName = ".borderline.yaml";

struct ConfigOptions {
  std::string path;  // --config
  bool none = false; // --no-config
};
void addConfigOptions(CLI::App& command, ConfigOptions& options);

// The config in force, or none. Throws LoadFailure for a bad or missing file or a directory,
// UsageError for --config together with --no-config.
std::optional<ConfigFile> loadConfig(const ConfigOptions& options, SourceSet& sources);

// The nearest `.borderline.yaml` in `start` or one of its parents, as a path relative to
// `start` (e.g. "../.borderline.yaml"); empty when there is none. A directory of that name
// counts (and is an error when loaded).
std::string findConfigFile(const std::string& start);

// Fills what the command line left unset from the config: rule paths, --as-of, --fail-on and
// --waivers (each empty string meaning "not given").
struct ConfiguredValues {
  RuleOptions* rules = nullptr;
  std::string* asOf = nullptr;
  std::string* failOn = nullptr;
  std::string* waivers = nullptr;
};
void applyConfig(const std::optional<ConfigFile>& config, const ConfiguredValues& values);

// What every command that evaluates workloads reads besides the rule packs: the config file
// and the central waivers file (--config, --no-config, --waivers).
struct InputOptions {
  ConfigOptions config;
  std::string waivers; // empty: from the config file, else none
};
void addInputOptions(CLI::App& command, InputOptions& options);
// Fills what the command line left unset from the config (rule paths, --as-of when `asOf` is
// given, --fail-on when `failOn` is given) and loads the waivers file. Throws LoadFailure.
std::vector<Waiver> resolveInputs(InputOptions& inputs, SourceSet& sources, RuleOptions& rules,
                                  std::string* asOf, std::string* failOn = nullptr);

// The paths a command reads as its command line names them, for checkInputPaths: `files` (its
// manifests, inventories or result files), the rule packs, --config and, with InputOptions,
// --waivers. The paths a config file names are not among them: the check comes before any
// file is read, so that '-' twice is refused before standard input is read once.
std::vector<std::string> inputPaths(std::vector<std::string> files, const RuleOptions& rules,
                                    const ConfigOptions& config);
std::vector<std::string> inputPaths(std::vector<std::string> files, const RuleOptions& rules,
                                    const InputOptions& inputs);

// --waivers FILE: a central waivers file (load/waiver_file.hpp), for every command that
// evaluates workloads, so that they all judge with the same accepted findings.
void addWaiverOptions(CLI::App& command, std::string& path);
// The waivers of `path`, or none when it is empty. Throws LoadFailure.
std::vector<Waiver> loadWaivers(const std::string& path, SourceSet& sources);

} // namespace borderline
