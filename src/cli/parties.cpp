// `borderline parties import FILE -o LIST.yaml`: the Consolidated Screening List (JSON of the
// trade.gov API, or its CSV download) as a PartyList pack plus its binary index.
#include <algorithm>
#include <filesystem>
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "compile/csl_party_list.hpp"
#include "compile/party_index.hpp"
#include "load/csl_import.hpp"
#include "load/party_index_file.hpp"
#include "report/party_list_yaml.hpp"
#include "util/output_file.hpp"
#include "util/sha256.hpp"

namespace borderline {

namespace {

struct ImportOptions {
  std::string file;
  std::string output;
  std::string name = "us-csl";
  std::string listDate;
};

// "us-csl": what rules write in `tenant.listed: {contains: us-csl}`.
bool validListName(std::string_view name) {
  return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
  });
}

int runImport(const ImportOptions& o) {
  if (o.output.empty() || o.output == "-")
    throw UsageError("parties import needs -o LIST.yaml (it writes LIST.yaml and LIST.yaml.idx)");
  checkInputPaths({o.file}, o.output);
  if (!validListName(o.name))
    throw UsageError(
        fmt::format("--name '{}': use lower-case letters, digits, '.', '-', '_'", o.name));
  const std::optional<Date> given = parseDateOption("--list-date", o.listDate);
  SourceSet sources;
  const SourceText source = readSource(sources, o.file);
  const CslData csl = readCsl(source);
  // The file's own date; --list-date only where the file has none (the CSV download) or
  // where the user knows better. Never a guess such as the file's modification time.
  const std::optional<Date> date = given ? given : csl.date;
  if (!date)
    throw UsageError(fmt::format("{} does not say when the list was published (the CSV download "
                                 "has no date): give it with --list-date YYYY-MM-DD",
                                 source.name));
  if (csl.entries.empty())
    throw LoadFailure({Diagnostic{{source.name, 0, 0}, "the list has no entries"}});

  CslImportOptions options;
  options.name = o.name;
  options.sourceFile = std::filesystem::path(std::string(source.name)).filename().string();
  options.listDate = *date;
  ImportedPartyList list = cslPartyList(csl, options);
  const std::string notes = fmt::format(
      "Imported by `borderline parties import` from {} (sha256 {}): {} entries. Names, aliases, "
      "sources, countries, licence requirements and policies and Federal Register citations are "
      "the CSL's own; entries without `listed` have no listing date in the CSL and are treated "
      "as listed on every date. {} address countries that are not ISO codes were left out. {} "
      "entries have a start_date that is not a date and are treated as listed on every date.",
      options.sourceFile, sha256Hex(source.text), list.entries.size(), csl.countriesNotIso,
      csl.startDatesUnreadable);
  const std::string yaml = partyListYaml(list.info, notes, list.entries, o.output);
  const std::string index =
      partyIndexHeader(sha256Hex(yaml)) + encodePartyIndex(list.info, list.entries);
  // The index first: if the YAML cannot be written, an index without its YAML is removed.
  const std::string indexPath = partyIndexPath(o.output);
  writeFileAtomically(indexPath, index);
  try {
    writeFileAtomically(o.output, yaml);
  } catch (...) {
    std::error_code ec;
    std::filesystem::remove(indexPath, ec);
    throw;
  }
  printLine(fmt::format("imported {} entries of the list dated {} from {} into {} (and {})",
                        list.entries.size(), date->str(), source.name, o.output, indexPath));
  return kExitOk;
}

} // namespace

void registerParties(CLI::App& app, CommandRunner& run) {
  CLI::App* parties = app.add_subcommand("parties", "Restricted-party lists");
  parties->require_subcommand(1);
  auto options = std::make_shared<ImportOptions>();
  CLI::App* cmd = parties->add_subcommand(
      "import", "Import the US Consolidated Screening List (JSON or CSV) as a PartyList pack");
  cmd->add_option("file", options->file, "consolidated.json or consolidated.csv (- = stdin)")
      ->required();
  cmd->add_option("-o,--output", options->output,
                  "The PartyList pack to write (its binary index goes to FILE.idx)")
      ->required();
  cmd->add_option("--name", options->name, "The list's name in rules (default us-csl)");
  cmd->add_option("--list-date", options->listDate,
                  "The date of the list data, when the file does not say (CSV)");
  cmd->callback([options, &run] { run = [options] { return runImport(*options); }; });
}

} // namespace borderline
