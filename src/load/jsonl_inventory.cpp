#include "load/jsonl_inventory.hpp"

#include "load/manifest.hpp"
#include "load/source.hpp"
#include "load/yaml_reader.hpp"

namespace borderline {

namespace {

// One line: a whole Workload document, exactly as a single-document JSON manifest.
std::optional<Workload> loadLine(std::string_view file, std::string_view line, std::uint32_t number,
                                 const ChipCatalog& catalog, Diagnostics& diags) {
  std::string_view problem;
  if (const auto bad = findEncodingError(line, problem); bad != std::string_view::npos) {
    diags.error({file, number, static_cast<std::uint32_t>(bad + 1)}, std::string(problem));
    return std::nullopt;
  }
  const std::size_t first = line.find_first_not_of(" \t");
  if (line[first] != '{') {
    diags.error({file, number, static_cast<std::uint32_t>(first + 1)},
                "expected a JSON object (one Workload per line)");
    return std::nullopt;
  }
  std::vector<YAML::Node> documents;
  try {
    documents = parseYamlDocuments(file, std::string(line));
  } catch (const LoadFailure& failure) { // located in the line: move it into the file
    for (const auto& d : failure.errors())
      diags.error({file, d.line ? d.line - 1 + number : number, d.column}, d.message);
    return std::nullopt;
  }
  YamlReader reader(file, diags);
  reader.setLineOffset(number - 1);
  if (documents.size() != 1 || !reader.isMap(documents.front(), "line")) {
    if (documents.size() > 1)
      reader.error(documents[1], "expected exactly one JSON object on the line: a second value "
                                 "starts here");
    else if (documents.empty())
      diags.error({file, number, 1}, "expected exactly one JSON object on the line");
    return std::nullopt;
  }
  const YAML::Node& doc = documents.front();
  if (!doc["kind"]) reader.error(doc, "missing required key 'kind' (expected Workload)");
  if (!doc["apiVersion"]) reader.error(doc, "missing required key 'apiVersion'");
  auto w = readWorkload(reader, doc, catalog, /*allowEnvelope=*/true);
  return diags.ok() ? std::move(w) : std::nullopt;
}

} // namespace

void loadJsonl(std::string_view file, std::string_view text, std::uint32_t firstLine,
               const ChipCatalog& catalog, LoadedBatch& out) {
  std::uint32_t number = firstLine;
  for (std::size_t pos = 0; pos < text.size(); ++number) {
    const std::size_t nl = text.find('\n', pos);
    const std::size_t end = nl == std::string_view::npos ? text.size() : nl;
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    if (line.ends_with('\r')) line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    ++out.rows;
    Diagnostics diags;
    std::optional<Workload> w;
    try {
      w = loadLine(file, line, number, catalog, diags);
    } catch (const LoadFailure& failure) { // too many errors on one line
      out.invalid.push_back({number, 1, failure.errors()});
      continue;
    }
    if (w)
      out.workloads.push_back(std::move(*w));
    else
      out.invalid.push_back({number, 1, diags.errors()});
  }
}

} // namespace borderline
