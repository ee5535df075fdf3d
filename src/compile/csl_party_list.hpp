#pragma once
// The Consolidated Screening List as a PartyList: one entry per CSL record, its facts taken
// only from the record's own fields (docs/screening.md has the mapping).
#include <string>
#include <vector>

#include "compile/rules.hpp"
#include "load/csl_import.hpp"

namespace borderline {

struct CslImportOptions {
  std::string name = "us-csl"; // the PartyList's metadata.name (what `*.listed` rules name)
  std::string sourceFile;      // the imported file's name, for the title
  Date listDate;               // the date of the CSL data
};

struct ImportedPartyList {
  PackInfo info;
  std::vector<PartyEntry> entries; // locations are filled in when the YAML is written
};

ImportedPartyList cslPartyList(const CslData& csl, const CslImportOptions& options);

} // namespace borderline
