#include "load/manifest_format.hpp"

#include <array>

namespace borderline {

namespace {

using K = ValueKind;

constexpr FieldSpec kApiVersionField{.key = "apiVersion",
                                     .kind = K::Constant,
                                     .required = true,
                                     .description = "format version",
                                     .constant = kManifestApiVersion};

constexpr std::array kWorkloadDocumentFields = {
    kApiVersionField,
    FieldSpec{.key = "kind",
              .kind = K::Constant,
              .required = true,
              .description = "Workload",
              .constant = "Workload"},
    FieldSpec{.key = "metadata",
              .kind = K::Object,
              .required = true,
              .description = "the workload's name and labels",
              .object = &kMetadataSpec},
    FieldSpec{.key = "spec",
              .kind = K::Object,
              .required = true,
              .description = "what the workload is",
              .object = &kSpecSpec},
};

constexpr std::array kWorkloadListDocumentFields = {
    kApiVersionField,
    FieldSpec{.key = "kind",
              .kind = K::Constant,
              .required = true,
              .description = "WorkloadList",
              .constant = "WorkloadList"},
    FieldSpec{.key = "metadata",
              .kind = K::Object,
              .description = "the list's name and labels",
              .object = &kListMetadataSpec},
    FieldSpec{.key = "items",
              .kind = K::ObjectList,
              .required = true,
              .description = "the workloads",
              .object = &kWorkloadItemSpec,
              .minItems = 1},
};

constexpr std::array kWorkloadItemFields = {
    FieldSpec{.key = "apiVersion",
              .kind = K::Constant,
              .description = "format version",
              .constant = kManifestApiVersion},
    FieldSpec{
        .key = "kind", .kind = K::Constant, .description = "Workload", .constant = "Workload"},
    kWorkloadDocumentFields[2],
    kWorkloadDocumentFields[3],
};

constexpr std::array kBareWorkloadFields = {kWorkloadDocumentFields[2], kWorkloadDocumentFields[3]};

constexpr FieldSpec kLabels{
    .key = "labels", .kind = K::Labels, .description = "string labels, copied to reports"};

constexpr std::array kMetadataFields = {
    FieldSpec{.key = "name",
              .kind = K::Name,
              .required = true,
              .description = "unique within one run; 1-253 of A-Z a-z 0-9 . _ -",
              .example = "doubao-pretrain-johor"},
    kLabels,
};

constexpr std::array kListMetadataFields = {
    FieldSpec{.key = "name", .kind = K::Name, .description = "the list's name"},
    kLabels,
};

constexpr std::array kSpecFields = {
    FieldSpec{.key = "purpose",
              .kind = K::Enum,
              .required = true,
              .description = "what the compute does",
              .domain = &kPurposeDomain},
    FieldSpec{.key = "period",
              .kind = K::Object,
              .description = "when the workload runs",
              .object = &kPeriodSpec},
    FieldSpec{.key = "model",
              .kind = K::Object,
              .description = "the model trained or served",
              .object = &kModelSpec},
    FieldSpec{.key = "compute",
              .kind = K::Object,
              .required = true,
              .description = "the accelerators and how the tenant gets them",
              .object = &kComputeSpec},
    FieldSpec{.key = "site",
              .kind = K::Object,
              .required = true,
              .description = "where the chips physically are",
              .object = &kSiteSpec},
    FieldSpec{.key = "tenant",
              .kind = K::Object,
              .required = true,
              .description = "whose workload it is (the end user)",
              .object = &kPartySpec},
    FieldSpec{.key = "endUse",
              .kind = K::EnumList,
              .description = "declared end uses (default [civil])",
              .domain = &kEndUseDomain},
    FieldSpec{.key = "data",
              .kind = K::ObjectList,
              .description = "training, fine-tuning or inference data",
              .object = &kDataSourceSpec},
    FieldSpec{.key = "authorizations",
              .kind = K::ObjectList,
              .description = "licences, assessments and contracts already held",
              .object = &kAuthorizationSpec},
    FieldSpec{.key = "waivers",
              .kind = K::ObjectList,
              .description = "accepted findings with an expiry",
              .object = &kWaiverSpec},
};

constexpr std::array kPeriodFields = {
    FieldSpec{.key = "start", .kind = K::Date, .description = "first day"},
    FieldSpec{.key = "end", .kind = K::Date, .description = "last day (not before start)"},
};

constexpr std::array kModelFields = {
    FieldSpec{.key = "name", .kind = K::Text, .description = "model trained or served"},
    FieldSpec{.key = "developer",
              .kind = K::Object,
              .description = "who owns or develops the model",
              .object = &kPartySpec},
    FieldSpec{.key = "trainingCompute",
              .kind = K::Number,
              .description = "total training compute, operations (e.g. 3.1e25)",
              .minimum = 0},
    FieldSpec{.key = "weights",
              .kind = K::Enum,
              .description = "whether weights are published",
              .domain = &kWeightsDomain},
};

constexpr std::array kComputeFields = {
    FieldSpec{.key = "chips",
              .kind = K::ObjectList,
              .required = true,
              .description = "accelerators used",
              .object = &kChipUseSpec,
              .minItems = 1},
    FieldSpec{.key = "acquisition",
              .kind = K::Enum,
              .required = true,
              .description = "how the tenant gets the compute",
              .domain = &kAcquisitionDomain},
};

constexpr std::array kChipUseFields = {
    FieldSpec{.key = "model",
              .kind = K::ChipModel,
              .required = true,
              .description = "a chip id or alias from the chip catalog (borderline chips list), "
                             "or an inline spec",
              .object = &kInlineChipSpec,
              .example = "nvidia-h100-sxm"},
    FieldSpec{.key = "count",
              .kind = K::Integer,
              .required = true,
              .description = "number of chips",
              .minimum = 1,
              .maximum = 100'000'000},
};

constexpr std::array kInlineChipFields = {
    FieldSpec{.key = "name", .kind = K::Text, .required = true, .description = "product name"},
    FieldSpec{.key = "vendor", .kind = K::Text, .description = "vendor"},
    FieldSpec{
        .key = "origin", .kind = K::Country, .required = true, .description = "country of origin"},
    FieldSpec{.key = "datacenter",
              .kind = K::Boolean,
              .required = true,
              .description = "designed or marketed for data centres"},
    FieldSpec{.key = "tops",
              .kind = K::Tops,
              .required = true,
              .description = "dense throughput (TOPS, without sparsity) per precision"},
    FieldSpec{.key = "dieArea",
              .kind = K::Number,
              .description = "applicable die area, mm^2",
              .minimum = 0,
              .exclusiveMinimum = true},
    FieldSpec{.key = "memoryBandwidth",
              .kind = K::Number,
              .description = "DRAM/HBM bandwidth, GB/s",
              .minimum = 0,
              .exclusiveMinimum = true},
    FieldSpec{.key = "ioBandwidth",
              .kind = K::Number,
              .description = "aggregate bidirectional I/O bandwidth, GB/s",
              .minimum = 0,
              .exclusiveMinimum = true},
    FieldSpec{.key = "notes", .kind = K::Text, .description = "free text"},
};

constexpr std::array kSiteFields = {
    FieldSpec{.key = "name", .kind = K::Text, .description = "data centre name"},
    FieldSpec{.key = "country",
              .kind = K::Country,
              .required = true,
              .description = "where the chips physically are"},
    FieldSpec{.key = "owner",
              .kind = K::Object,
              .required = true,
              .description = "who owns the data centre or hardware",
              .object = &kPartySpec},
    FieldSpec{.key = "operator",
              .kind = K::Object,
              .description = "who operates it, if not the owner",
              .object = &kPartySpec},
};

constexpr std::array kPartyFields = {
    FieldSpec{.key = "name",
              .kind = K::Text,
              .required = true,
              .description = "legal name (screened against restricted-party lists)"},
    FieldSpec{.key = "hq",
              .kind = K::Country,
              .required = true,
              .description = "country of headquarters"},
    FieldSpec{.key = "parentName",
              .kind = K::Text,
              .description = "name of the ultimate parent (screened too)"},
    FieldSpec{.key = "parentHq",
              .kind = K::Country,
              .description = "headquarters of the ultimate parent (default: hq)"},
    FieldSpec{.key = "designations",
              .kind = K::TextList,
              .description = "designations such as ciio or state-owned"},
};

constexpr std::array kDataSourceFields = {
    FieldSpec{.key = "name", .kind = K::Text, .required = true, .description = "label"},
    FieldSpec{.key = "origin",
              .kind = K::Country,
              .required = true,
              .description = "where the data was collected / whose residents it describes"},
    FieldSpec{.key = "categories",
              .kind = K::EnumList,
              .required = true,
              .description = "what it contains",
              .domain = &kDataCategoryDomain},
    FieldSpec{.key = "subjects",
              .kind = K::Integer,
              .description = "number of individuals described",
              .minimum = 0,
              .maximum = 100'000'000'000},
    FieldSpec{.key = "transfer",
              .kind = K::TextList,
              .description = "transfer mechanisms and duties already met (e.g. "
                             "cac-security-assessment, consent, pipia, eu-scc)"},
};

constexpr std::array kAuthorizationFields = {
    FieldSpec{.key = "type",
              .kind = K::Text,
              .required = true,
              .description = "e.g. bis-license, nac-notification, veu"},
    FieldSpec{.key = "reference", .kind = K::Text, .description = "licence or filing number"},
    FieldSpec{.key = "covers",
              .kind = K::TextList,
              .description =
                  "rule ids or tags it satisfies (empty: every rule accepting its type)"},
    FieldSpec{.key = "expires",
              .kind = K::Date,
              .description = "last day it is valid (an expired one satisfies nothing)"},
};

constexpr std::array kWaiverFields = {
    FieldSpec{
        .key = "rule", .kind = K::Text, .required = true, .description = "the rule id waived"},
    FieldSpec{
        .key = "reason", .kind = K::Text, .required = true, .description = "why it is accepted"},
    FieldSpec{.key = "approvedBy", .kind = K::Text, .description = "who accepted it"},
    FieldSpec{.key = "expires",
              .kind = K::Date,
              .description = "last day it waives (without it, or past it, it waives nothing)"},
};

} // namespace

const ObjectSpec kWorkloadDocumentSpec{"Workload", "A workload document", kWorkloadDocumentFields};
const ObjectSpec kWorkloadListDocumentSpec{"WorkloadList", "Several workloads in one document",
                                           kWorkloadListDocumentFields};
const ObjectSpec kWorkloadItemSpec{"WorkloadItem", "A workload of a WorkloadList",
                                   kWorkloadItemFields};
const ObjectSpec kBareWorkloadSpec{"BareWorkload", "A workload without apiVersion and kind",
                                   kBareWorkloadFields};
const ObjectSpec kMetadataSpec{"Metadata", "The workload's name and labels", kMetadataFields};
const ObjectSpec kListMetadataSpec{"ListMetadata", "The list's name and labels",
                                   kListMetadataFields};
const ObjectSpec kSpecSpec{"Spec", "What the workload is", kSpecFields};
const ObjectSpec kPeriodSpec{"Period", "When the workload runs", kPeriodFields};
const ObjectSpec kModelSpec{"Model", "The model trained or served", kModelFields};
const ObjectSpec kComputeSpec{"Compute", "The accelerators and how the tenant gets them",
                              kComputeFields};
const ObjectSpec kChipUseSpec{"ChipUse", "Accelerators of one model", kChipUseFields};
const ObjectSpec kInlineChipSpec{"InlineChip", "A chip not in the catalog, specified inline",
                                 kInlineChipFields};
const ObjectSpec kSiteSpec{"Site", "Where the chips physically are", kSiteFields};
const ObjectSpec kPartySpec{"Party", "A company or person", kPartyFields};
const ObjectSpec kDataSourceSpec{"DataSource", "A data source", kDataSourceFields};
const ObjectSpec kAuthorizationSpec{"Authorization", "A licence, assessment or contract held",
                                    kAuthorizationFields};
const ObjectSpec kWaiverSpec{"Waiver", "An accepted finding with an expiry", kWaiverFields};

std::span<const ObjectSpec* const> manifestObjects() {
  static const std::array<const ObjectSpec*, 16> kAll = {&kWorkloadDocumentSpec,
                                                         &kWorkloadListDocumentSpec,
                                                         &kWorkloadItemSpec,
                                                         &kMetadataSpec,
                                                         &kListMetadataSpec,
                                                         &kSpecSpec,
                                                         &kPeriodSpec,
                                                         &kModelSpec,
                                                         &kComputeSpec,
                                                         &kChipUseSpec,
                                                         &kInlineChipSpec,
                                                         &kSiteSpec,
                                                         &kPartySpec,
                                                         &kDataSourceSpec,
                                                         &kAuthorizationSpec,
                                                         &kWaiverSpec};
  return kAll;
}

} // namespace borderline
