#pragma once
// Escaping text for XML 1.0 content and attribute values.
#include <string>
#include <string_view>

namespace borderline {

// Escapes & < > " ' and replaces characters XML 1.0 cannot hold at all (C0 controls other
// than tab, line feed and carriage return; U+FFFE, U+FFFF) with U+FFFD. Input is UTF-8.
std::string xmlEscape(std::string_view text);

} // namespace borderline
