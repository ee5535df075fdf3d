#pragma once
// The manifest format (docs/manifest.md) as data. The loader (load/manifest.cpp,
// load/chip_spec.cpp) reads keys only through these tables and `borderline schema`
// (load/manifest_schema.cpp) generates the JSON Schema from them: adding or changing a key is
// one edit here, and tests/unit/test_manifest_format.cpp checks the loader against it.
#include <span>

#include "load/object_spec.hpp"

namespace borderline {

inline constexpr std::string_view kManifestApiVersion = "borderline/v1";

extern const ObjectSpec kWorkloadDocumentSpec;     // kind: Workload
extern const ObjectSpec kWorkloadListDocumentSpec; // kind: WorkloadList
extern const ObjectSpec kWorkloadItemSpec;         // an item of a WorkloadList
extern const ObjectSpec kMetadataSpec;
extern const ObjectSpec kListMetadataSpec;
extern const ObjectSpec kSpecSpec;
extern const ObjectSpec kPeriodSpec;
extern const ObjectSpec kModelSpec;
extern const ObjectSpec kComputeSpec;
extern const ObjectSpec kChipUseSpec;
extern const ObjectSpec kInlineChipSpec;
extern const ObjectSpec kSiteSpec;
extern const ObjectSpec kPartySpec;
extern const ObjectSpec kDataSourceSpec;
extern const ObjectSpec kAuthorizationSpec;
extern const ObjectSpec kWaiverSpec;
// `{metadata, spec}` without apiVersion and kind: a workload inside a rule test case.
extern const ObjectSpec kBareWorkloadSpec;

// Every object of the format, each once, the documents first.
std::span<const ObjectSpec* const> manifestObjects();

// The pattern of metadata.name (and of workload names everywhere).
inline constexpr std::string_view kNameCharacters =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-";
inline constexpr std::size_t kMaxNameLength = 253;

} // namespace borderline
