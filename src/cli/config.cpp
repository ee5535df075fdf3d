#include "cli/config.hpp"

#include <filesystem>

#include <fmt/format.h>

#include "load/waiver_file.hpp"

namespace borderline {

namespace fs = std::filesystem;

void addConfigOptions(CLI::App& command, ConfigOptions& options) {
  command.add_option("--config", options.path,
                     "Config file (default: the nearest .borderline.yaml upward from the working "
                     "directory)");
  command.add_flag("--no-config", options.none, "Ignore .borderline.yaml files");
}

std::string findConfigFile(const std::string& start) {
  std::error_code ec;
  const fs::path origin = fs::absolute(start, ec);
  if (ec) return {};
  fs::path relative = ".";
  fs::path dir = origin.lexically_normal();
  if (dir.filename().empty()) dir = dir.parent_path(); // "/a/b/." normalises to "/a/b/"
  for (;; dir = dir.parent_path()) {
    // Anything of that name is the config, a directory too: loadConfig then says it is not a
    // file, rather than the search passing over it to a parent's config (or to none).
    if (fs::exists(dir / kConfigFileName, ec))
      return (relative / kConfigFileName).lexically_normal().string();
    if (dir == dir.root_path() || dir.parent_path() == dir) return {};
    relative /= "..";
  }
}

std::optional<ConfigFile> loadConfig(const ConfigOptions& options, SourceSet& sources) {
  if (options.none && !options.path.empty())
    throw UsageError("--config and --no-config cannot be used together");
  if (options.none) return std::nullopt;
  std::string path = options.path;
  if (path.empty()) path = findConfigFile(".");
  if (path.empty()) return std::nullopt;
  std::error_code ec;
  if (fs::is_directory(path, ec))
    throw LoadFailure({Diagnostic{{sources.intern(path), 0, 0},
                                  "is a directory (expected a config file, kind Config)"}});
  const SourceText source = readSource(sources, path);
  return loadConfigFile(source, fs::path(path).parent_path().string());
}

void applyConfig(const std::optional<ConfigFile>& config, const ConfiguredValues& values) {
  if (!config) return;
  if (values.rules) {
    if (values.rules->rules.empty() && config->rules) values.rules->rules = *config->rules;
    if (values.rules->addRules.empty() && config->addRules)
      values.rules->addRules = *config->addRules;
  }
  auto fill = [](std::string* value, const std::optional<std::string>& fromConfig) {
    if (value && value->empty() && fromConfig) *value = *fromConfig;
  };
  fill(values.asOf, config->asOf);
  fill(values.failOn, config->failOn);
  fill(values.waivers, config->waivers);
}

void addInputOptions(CLI::App& command, InputOptions& options) {
  addWaiverOptions(command, options.waivers);
  addConfigOptions(command, options.config);
}

std::vector<Waiver> resolveInputs(InputOptions& inputs, SourceSet& sources, RuleOptions& rules,
                                  std::string* asOf, std::string* failOn) {
  applyConfig(loadConfig(inputs.config, sources), {&rules, asOf, failOn, &inputs.waivers});
  return loadWaivers(inputs.waivers, sources);
}

std::vector<std::string> inputPaths(std::vector<std::string> files, const RuleOptions& rules,
                                    const ConfigOptions& config) {
  files.push_back(config.path);
  return inputPaths(std::move(files), rules);
}

std::vector<std::string> inputPaths(std::vector<std::string> files, const RuleOptions& rules,
                                    const InputOptions& inputs) {
  files.push_back(inputs.waivers);
  return inputPaths(std::move(files), rules, inputs.config);
}

void addWaiverOptions(CLI::App& command, std::string& path) {
  command.add_option(
      "--waivers", path,
      "Central waivers file (YAML, kind WaiverList) applied with the manifests' own");
}

std::vector<Waiver> loadWaivers(const std::string& path, SourceSet& sources) {
  if (path.empty()) return {};
  return loadWaiverFile(readSource(sources, path));
}

} // namespace borderline
