#include "compile/csl_party_list.hpp"

#include <fmt/format.h>

namespace borderline {

ImportedPartyList cslPartyList(const CslData& csl, const CslImportOptions& options) {
  ImportedPartyList out;
  out.info.kind = "PartyList";
  out.info.name = options.name;
  out.info.title = fmt::format("US Consolidated Screening List of {} (imported from {})",
                               options.listDate.str(), options.sourceFile);
  out.info.jurisdiction = "US";
  out.info.version = options.listDate.str();
  out.info.listDate = options.listDate;
  out.entries.reserve(csl.entries.size());
  const std::string published = "Consolidated Screening List of " + options.listDate.str();
  for (const auto& r : csl.entries) {
    PartyEntry e;
    e.name = r.name;
    e.aliases = r.altNames;
    e.country = r.country;
    e.listed = r.startDate; // mostly empty: the CSL seldom says since when an entry is listed
    e.source = r.source;
    e.licenseRequirement = r.licenseRequirement;
    e.licensePolicy = r.licensePolicy;
    // The record's own Federal Register citation when it has one, else the list itself. Both
    // come from the CSL, not from reading the notice: secondary.
    Citation c;
    c.ref = r.federalRegisterNotice.empty() ? "Consolidated Screening List: " + r.source
                                            : r.federalRegisterNotice;
    if (!r.federalRegisterNotice.empty()) c.title = r.source;
    c.published = published;
    c.url = r.sourceListUrl;
    c.provenance = Provenance::Secondary;
    e.citations.push_back(std::move(c));
    out.entries.push_back(std::move(e));
  }
  return out;
}

} // namespace borderline
