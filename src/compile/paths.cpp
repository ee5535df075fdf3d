#include "compile/paths.hpp"

#include <string>
#include <vector>

#include "model/party_path.hpp"

namespace borderline {

namespace {

std::vector<PathInfo> buildTable() {
  using enum ValueType;
  using S = Scope;
  std::vector<PathInfo> t = {
      {"purpose",
       S::Workload,
       Field::Purpose,
       Enum,
       Shape::Scalar,
       &kPurposeDomain,
       {},
       {},
       false,
       "what the compute does"},
      {"period.start",
       S::Workload,
       Field::PeriodStart,
       Date,
       Shape::Scalar,
       nullptr,
       {},
       {},
       false,
       "first day of the workload"},
      {"period.end",
       S::Workload,
       Field::PeriodEnd,
       Date,
       Shape::Scalar,
       nullptr,
       {},
       {},
       false,
       "last day of the workload"},
      {"model.name",
       S::Workload,
       Field::ModelName,
       String,
       Shape::Scalar,
       nullptr,
       {},
       {},
       false,
       "model trained or served"},
      {"model.trainingCompute",
       S::Workload,
       Field::TrainingCompute,
       Number,
       Shape::Scalar,
       nullptr,
       {},
       {},
       false,
       "total training compute (operations)"},
      {"model.weights",
       S::Workload,
       Field::Weights,
       Enum,
       Shape::Scalar,
       &kWeightsDomain,
       {},
       {},
       false,
       "open or closed weights"},
      {"compute.acquisition",
       S::Workload,
       Field::Acquisition,
       Enum,
       Shape::Scalar,
       &kAcquisitionDomain,
       {},
       {},
       false,
       "how the tenant gets the compute"},
      {"compute.totalTpp",
       S::Workload,
       Field::TotalTpp,
       Number,
       Shape::Scalar,
       nullptr,
       {},
       {},
       false,
       "sum of TPP x count over all chips"},
      {"compute.chips",
       S::Workload,
       Field::Chips,
       Number,
       Shape::ObjectList,
       nullptr,
       S::Chip,
       {},
       false,
       "accelerators used"},
      {"site.name",
       S::Workload,
       Field::SiteName,
       String,
       Shape::Scalar,
       nullptr,
       {},
       {},
       false,
       "data centre name"},
      {"site.country",
       S::Workload,
       Field::SiteCountry,
       Country,
       Shape::Scalar,
       nullptr,
       {},
       {},
       false,
       "where the chips physically are"},
      {"endUse",
       S::Workload,
       Field::EndUse,
       Enum,
       Shape::List,
       &kEndUseDomain,
       {},
       {},
       false,
       "declared end uses (default [civil])"},
      {"data",
       S::Workload,
       Field::Data,
       Number,
       Shape::ObjectList,
       nullptr,
       S::DataSource,
       {},
       false,
       "data sources"},
      {"authorizations",
       S::Workload,
       Field::Authorizations,
       Number,
       Shape::ObjectList,
       nullptr,
       S::Authorization,
       {},
       false,
       "licences and assessments held"},

      {"model",
       S::Chip,
       Field::ChipModel,
       String,
       Shape::Scalar,
       nullptr,
       {},
       {},
       false,
       "chip as written in the manifest"},
      {"id",
       S::Chip,
       Field::ChipId,
       String,
       Shape::Scalar,
       nullptr,
       {},
       {},
       true,
       "catalog id (missing for inline specs)"},
      {"name",
       S::Chip,
       Field::ChipName,
       String,
       Shape::Scalar,
       nullptr,
       {},
       {},
       true,
       "product name"},
      {"vendor",
       S::Chip,
       Field::ChipVendor,
       String,
       Shape::Scalar,
       nullptr,
       {},
       {},
       true,
       "vendor"},
      {"origin",
       S::Chip,
       Field::ChipOrigin,
       Country,
       Shape::Scalar,
       nullptr,
       {},
       {},
       true,
       "country of origin"},
      {"datacenter",
       S::Chip,
       Field::ChipDatacenter,
       Bool,
       Shape::Scalar,
       nullptr,
       {},
       {},
       true,
       "designed or marketed for data centres"},
      {"tpp",
       S::Chip,
       Field::ChipTpp,
       Number,
       Shape::Scalar,
       nullptr,
       {},
       {},
       true,
       "Total Processing Performance"},
      {"performanceDensity",
       S::Chip,
       Field::ChipPerformanceDensity,
       Number,
       Shape::Scalar,
       nullptr,
       {},
       {},
       true,
       "TPP / applicable die area"},
      {"eccn",
       S::Chip,
       Field::ChipEccn,
       String,
       Shape::Scalar,
       nullptr,
       {},
       {},
       false,
       "ECCN on the evaluation date"},
      {"memoryBandwidth",
       S::Chip,
       Field::ChipMemoryBandwidth,
       Number,
       Shape::Scalar,
       nullptr,
       {},
       {},
       true,
       "DRAM/HBM bandwidth, GB/s"},
      {"ioBandwidth",
       S::Chip,
       Field::ChipIoBandwidth,
       Number,
       Shape::Scalar,
       nullptr,
       {},
       {},
       true,
       "aggregate bidirectional I/O, GB/s"},
      {"dieArea",
       S::Chip,
       Field::ChipDieArea,
       Number,
       Shape::Scalar,
       nullptr,
       {},
       {},
       true,
       "applicable die area, mm^2"},
      {"count",
       S::Chip,
       Field::ChipCount,
       Number,
       Shape::Scalar,
       nullptr,
       {},
       {},
       false,
       "number of chips"},

      {"name",
       S::DataSource,
       Field::DataName,
       String,
       Shape::Scalar,
       nullptr,
       {},
       {},
       false,
       "label"},
      {"origin",
       S::DataSource,
       Field::DataOrigin,
       Country,
       Shape::Scalar,
       nullptr,
       {},
       {},
       false,
       "where the data was collected"},
      {"categories",
       S::DataSource,
       Field::DataCategories,
       Enum,
       Shape::List,
       &kDataCategoryDomain,
       {},
       {},
       false,
       "what the data contains"},
      {"subjects",
       S::DataSource,
       Field::DataSubjects,
       Number,
       Shape::Scalar,
       nullptr,
       {},
       {},
       false,
       "number of individuals described"},
      {"transfer",
       S::DataSource,
       Field::DataTransfer,
       String,
       Shape::List,
       nullptr,
       {},
       {},
       false,
       "transfer mechanisms already met"},
      {"leavesOrigin",
       S::DataSource,
       Field::DataLeavesOrigin,
       Bool,
       Shape::Scalar,
       nullptr,
       {},
       {},
       false,
       "site.country differs from origin"},

      {"type",
       S::Authorization,
       Field::AuthType,
       String,
       Shape::Scalar,
       nullptr,
       {},
       {},
       false,
       "authorization type"},
      {"reference",
       S::Authorization,
       Field::AuthReference,
       String,
       Shape::Scalar,
       nullptr,
       {},
       {},
       false,
       "licence or filing number"},
      {"covers",
       S::Authorization,
       Field::AuthCovers,
       String,
       Shape::List,
       nullptr,
       {},
       {},
       false,
       "rule ids or tags covered"},
      {"expires",
       S::Authorization,
       Field::AuthExpires,
       Date,
       Shape::Scalar,
       nullptr,
       {},
       {},
       false,
       "expiry date"},
  };
  // The same fields for each of the four parties (kPartyRolePaths: "tenant", "site.owner"...).
  struct PartyField {
    std::string_view suffix;
    Field field;
    ValueType type;
    Shape shape;
    std::string_view meaning;
  };
  static const PartyField kFields[] = {
      {"", Field::PartySelf, Party, Shape::Scalar, "the party (use with exists)"},
      {".name", Field::PartyName, String, Shape::Scalar, "name (screened against party lists)"},
      {".hq", Field::PartyHq, Country, Shape::Scalar, "country of headquarters"},
      {".parentName", Field::PartyParentName, String, Shape::Scalar, "ultimate parent's name"},
      {".parentHq", Field::PartyParentHq, Country, Shape::Scalar,
       "ultimate parent's headquarters (defaults to hq)"},
      {".designations", Field::PartyDesignations, String, Shape::List,
       "designations such as ciio, state-owned"},
      {".listed", Field::PartyListed, String, Shape::List,
       "party lists whose entries match the name on the date"},
      {".parentListed", Field::PartyParentListed, String, Shape::List,
       "party lists whose entries match parentName on the date"},
  };
  static std::vector<std::string> names; // storage for the composed path names
  names.reserve(std::size(kPartyRolePaths) * std::size(kFields));
  for (int r = 0; r < kPartyRoles; ++r)
    for (const auto& f : kFields) {
      names.push_back(std::string(kPartyRolePaths[r]) + std::string(f.suffix));
      t.push_back({names.back(), S::Workload, f.field, f.type, f.shape, nullptr, S::Workload,
                   static_cast<PartyRole>(r), false, f.meaning});
    }
  return t;
}

} // namespace

std::span<const PathInfo> allPaths() {
  static const std::vector<PathInfo> table = buildTable();
  return table;
}

const PathInfo* findPath(Scope scope, std::string_view path) {
  for (const auto& p : allPaths())
    if (p.scope == scope && p.path == path) return &p;
  return nullptr;
}

const PathInfo* findListPrefix(Scope scope, std::string_view path) {
  for (const auto& p : allPaths())
    if (p.scope == scope && p.shape == Shape::ObjectList && path.size() > p.path.size() &&
        path.starts_with(p.path) && path[p.path.size()] == '.')
      return &p;
  return nullptr;
}

std::string_view scopeName(Scope scope) {
  switch (scope) {
  case Scope::Workload:
    return "workload";
  case Scope::Chip:
    return "chip";
  case Scope::DataSource:
    return "data source";
  case Scope::Authorization:
    return "authorization";
  }
  return "?";
}

std::string_view typeName(ValueType type) {
  switch (type) {
  case ValueType::String:
    return "string";
  case ValueType::Country:
    return "country code";
  case ValueType::Number:
    return "number";
  case ValueType::Bool:
    return "boolean";
  case ValueType::Date:
    return "date";
  case ValueType::Enum:
    return "enumeration";
  case ValueType::Party:
    return "party";
  }
  return "?";
}

} // namespace borderline
