#pragma once
// Each command registers its flags on the CLI11 app and, when chosen, leaves the function
// that runs it in `run`. main() calls it and maps errors to exit codes in one place.
#include <functional>

#include <CLI/CLI.hpp>

namespace borderline {

using CommandRunner = std::function<int()>;

void registerCheck(CLI::App& app, CommandRunner& run);
void registerRules(CLI::App& app, CommandRunner& run);
void registerChips(CLI::App& app, CommandRunner& run);
void registerAudit(CLI::App& app, CommandRunner& run);
void registerReport(CLI::App& app, CommandRunner& run);

}  // namespace borderline
