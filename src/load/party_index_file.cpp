#include "load/party_index_file.hpp"

#include <fstream>
#include <iterator>

namespace borderline {

std::string partyIndexPath(const std::string& packPath) {
  return packPath + ".idx";
}

std::string partyIndexHeader(std::string_view yamlSha256) {
  return "borderline-party-index 1 " + std::string(yamlSha256) + "\n";
}

std::optional<std::string> readPartyIndexFor(const std::string& packPath,
                                             std::string_view yamlSha256) {
  std::ifstream in(partyIndexPath(packPath), std::ios::binary);
  if (!in) return std::nullopt;
  const std::string header = partyIndexHeader(yamlSha256);
  std::string first(header.size(), '\0');
  if (!in.read(first.data(), static_cast<std::streamsize>(first.size())) || first != header)
    return std::nullopt;
  std::string payload((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return std::nullopt;
  return payload;
}

} // namespace borderline
