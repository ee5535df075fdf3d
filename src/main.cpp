// borderline: export-control and data-localization checks for AI compute workloads.
// This file only registers the commands and maps failures to exit codes (cli.md).
#include <csignal>
#include <iostream>

#include <CLI/CLI.hpp>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "report/text_format.hpp"
#include "util/output_file.hpp"

int main(int argc, char** argv) {
  using namespace borderline;
  std::signal(SIGPIPE, SIG_IGN); // a closed pipe is reported by write(), see writeStdout
  CLI::App app{"borderline: export-control and data-localization checks for AI compute.\n"
               "Not legal advice."};
  app.set_version_flag("--version", std::string("borderline ") + BORDERLINE_VERSION);
  app.require_subcommand(1);
  // CLI11's own parse errors carry the same prefix as every other message of ours, and the
  // arguments they quote are escaped as in printLine. Subcommands copy this when registered, so
  // it is set before them.
  app.failure_message([](const CLI::App* from, const CLI::Error& e) {
    return "borderline: " + visible(e.what()) + "\n" +
           CLI::FailureMessage::simple(from, e).substr(std::string_view(e.what()).size() + 1);
  });
  CommandRunner run;
  registerCheck(app, run);
  registerRules(app, run);
  registerChips(app, run);
  registerSchema(app, run);
  registerExplain(app, run);
  registerTimeline(app, run);
  registerDiff(app, run);
  registerWhatIf(app, run);
  registerScreen(app, run);
  registerParties(app, run);
  registerAudit(app, run);
  registerReport(app, run);
  refuseEmptyValues(app);
  try {
    rejectEmptyOptionValues(std::vector<std::string_view>(argv + 1, argv + argc));
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitInvalid;
  } catch (const UsageError& e) {
    printLine(std::string("borderline: ") + e.what());
    return kExitInvalid;
  }
  try {
    return run ? run() : kExitInvalid;
  } catch (const LoadFailure& failure) {
    printDiagnostics(failure.errors());
    return kExitInvalid;
  } catch (const UsageError& e) {
    printLine(std::string("borderline: ") + e.what());
    return kExitInvalid;
  } catch (const OutputError& e) {
    printLine(std::string("borderline: ") + e.what());
    return kExitInvalid;
  } catch (const std::bad_alloc&) {
    std::cerr << "borderline: out of memory\n";
    return kExitInvalid;
  } catch (const std::exception& e) {
    printLine(std::string("borderline: internal error: ") + e.what());
    return kExitInvalid;
  }
}
