#pragma once
// What evaluating one workload produces: findings with their status, and notices about the
// manifest itself (expired authorizations, waivers that cannot waive).
#include <string>
#include <vector>

#include "compile/rules.hpp"
#include "evaluate/party_screen.hpp"
#include "model/workload.hpp"

namespace borderline {

enum class FindingStatus : std::uint8_t { Open, Satisfied, Waived, Advisory };
std::string_view statusName(FindingStatus status);

struct Finding {
  const Rule* rule = nullptr;
  Level level = Level::Review;  // the rule's verdict, or review for a fuzzy-only party match
  FindingStatus status = FindingStatus::Open;
  std::string message;
  std::string remediation;
  std::string statusReason;  // which authorization satisfied or waiver waived it, and why not
  Location location;
  const Waiver* waiver = nullptr;       // the waiver that waived it (status Waived)
  std::vector<ScreeningMatch> matches;  // party-list matches behind the finding
  bool fuzzyOnly = false;               // fired only because of a fuzzy name match
  std::vector<int> firingChips;         // indices of the chips and data sources that made the
  std::vector<int> firingData;          // rule fire (explain, whatif)
};

struct Notice {
  Location loc;
  std::string message;
};

struct Result {
  const Workload* workload = nullptr;
  Level verdict = Level::Allowed;  // Allowed, Review, AuthorizationRequired or Prohibited
  std::vector<Finding> findings;   // worst first, then by rule id
  std::vector<Notice> notices;
};

}  // namespace borderline
