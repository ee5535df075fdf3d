#pragma once
// The one table of paths a rule may name: their types, shapes and how the evaluator reads them.
// The condition compiler, message templates, `explain` and `schema` all use this table;
// adding a field to the model is one row here plus one case in evaluate/fields.cpp.
#include <cstdint>
#include <span>
#include <string_view>

#include "model/enums.hpp"
#include "model/workload.hpp"

namespace borderline {

// Where a path is read from: the workload, or one element of one of its lists.
enum class Scope : std::uint8_t { Workload, Chip, DataSource, Authorization };

enum class ValueType : std::uint8_t { String, Country, Number, Bool, Date, Enum, Party };

enum class Shape : std::uint8_t {
  Scalar,     // one value (possibly missing)
  List,       // a list of values (endUse, categories, designations, listed ...)
  ObjectList, // a list of objects with their own fields (compute.chips, data, authorizations)
};

enum class Field : std::uint8_t {
  // Workload scope
  Purpose,
  PeriodStart,
  PeriodEnd,
  ModelName,
  TrainingCompute,
  Weights,
  Acquisition,
  TotalTpp,
  Chips,
  SiteName,
  SiteCountry,
  EndUse,
  Data,
  Authorizations,
  // A party (role in PathInfo::role)
  PartySelf,
  PartyName,
  PartyHq,
  PartyParentName,
  PartyParentHq,
  PartyDesignations,
  PartyListed,
  PartyParentListed,
  // Chip scope (an element of compute.chips, or a catalog chip in a classification)
  ChipModel,
  ChipId,
  ChipName,
  ChipVendor,
  ChipOrigin,
  ChipDatacenter,
  ChipTpp,
  ChipPerformanceDensity,
  ChipEccn,
  ChipMemoryBandwidth,
  ChipIoBandwidth,
  ChipDieArea,
  ChipCount,
  // Data source scope
  DataName,
  DataOrigin,
  DataCategories,
  DataSubjects,
  DataTransfer,
  DataLeavesOrigin,
  DataOutboundSubjects,
  DataSharedCategorySubjects,
  // Authorization scope
  AuthType,
  AuthReference,
  AuthCovers,
  AuthExpires,
};

struct PathInfo {
  std::string_view path; // relative to `scope`, e.g. "site.owner.hq" or "tpp"
  Scope scope;
  Field field;
  ValueType type;
  Shape shape;
  const EnumDomain* domain = nullptr; // for ValueType::Enum
  Scope elements = Scope::Workload;   // for Shape::ObjectList: the scope of its elements
  PartyRole role = PartyRole::Tenant; // for party fields
  bool classification = false;        // usable in a classification (chip facts only)
  std::string_view meaning;
};

std::span<const PathInfo> allPaths();
// The path named `path` in `scope`, or null.
const PathInfo* findPath(Scope scope, std::string_view path);
// The object-list path of `scope` that `path` starts with ("compute.chips" for
// "compute.chips.eccn"), or null.
const PathInfo* findListPrefix(Scope scope, std::string_view path);

std::string_view scopeName(Scope scope);
std::string_view typeName(ValueType type);

} // namespace borderline
