#pragma once
// The JSON Schema (draft 2020-12) of the manifest format, generated from the format tables the
// loader reads through (load/manifest_format.hpp), for editors (YAML language server) and CI.
#include <nlohmann/json.hpp>

namespace borderline {

nlohmann::ordered_json manifestSchema();

} // namespace borderline
