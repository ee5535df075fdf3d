#pragma once
#include <string>
#include <string_view>

namespace borderline {

// Lower-case hex SHA-256 of `data` (OpenSSL).
std::string sha256Hex(std::string_view data);

} // namespace borderline
