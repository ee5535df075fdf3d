#pragma once
// Workload manifests (manifest.md): YAML, multi-document, Workload and WorkloadList, and the
// same structure as JSON. Strict: anything unknown or malformed is an error with a location.
#include <vector>

#include "load/source.hpp"
#include "load/yaml_reader.hpp"
#include "model/chip_catalog.hpp"
#include "model/workload.hpp"

namespace borderline {

inline constexpr std::size_t kMaxWorkloadsPerFile = 100'000;

// Every workload in one source. Throws LoadFailure listing every error found.
std::vector<Workload> loadManifest(const SourceText& source, const ChipCatalog& catalog);

// Reads one `{metadata, spec}` body (a Workload document, a WorkloadList item, a rule test
// case). `allowEnvelope` also accepts apiVersion/kind keys. Errors go to the reader.
std::optional<Workload> readWorkload(YamlReader& reader, const YAML::Node& node,
                                     const ChipCatalog& catalog, bool allowEnvelope);

// "unknown chip 'x': ... did you mean ...", the same for every input format.
std::string unknownChipMessage(const ChipCatalog& catalog, std::string_view name);

// Checks that workload names are unique across everything loaded in one run.
void checkUniqueNames(const std::vector<Workload>& workloads, Diagnostics& diags);

} // namespace borderline
