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
void registerSchema(CLI::App& app, CommandRunner& run);
void registerExplain(CLI::App& app, CommandRunner& run);
void registerTimeline(CLI::App& app, CommandRunner& run);
void registerDiff(CLI::App& app, CommandRunner& run);
void registerWhatIf(CLI::App& app, CommandRunner& run);
void registerScreen(CLI::App& app, CommandRunner& run);
void registerParties(CLI::App& app, CommandRunner& run);
// `rules lint`, registered by registerRules on its `rules` subcommand.
void registerRulesLint(CLI::App& rules, CommandRunner& run);

} // namespace borderline
