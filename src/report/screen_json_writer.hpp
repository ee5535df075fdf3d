#pragma once
// `screen --format json` written without a JSON document per match: the constant parts of
// each list entry's match object are serialised once (on first use) and reused, and the
// varying parts (matched name, score, flags) are written in between. The same bytes as
// writeScreenJsonOne (which uses it).
#include <memory>
#include <string>
#include <vector>

#include "analyze/screen.hpp"

namespace borderline {

class ScreenJsonWriter {
public:
  explicit ScreenJsonWriter(const CompiledRules& rules);
  // Appends the JSON Lines record of `screen` (with its final newline) to `out`.
  void append(const NameScreen& screen, std::string& out);

private:
  struct Pieces {
    std::string head; // {"name":...,"matchedOn":
    std::string mid;  // ,"list":...[,"source":...],"score":
    std::string tail; // ,"listed":... to the closing brace
  };
  const Pieces& piecesOf(const PartyEntry& entry);

  const CompiledRules& rules_;
  // By entry index; null = not yet serialised. Pointers, so that a writer per thread costs a
  // pointer per list entry (26,000 for the CSL) until entries match.
  std::vector<std::unique_ptr<Pieces>> pieces_;
};

} // namespace borderline
