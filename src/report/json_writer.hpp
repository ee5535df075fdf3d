#pragma once
// Writes JSON straight into a string, byte for byte as nlohmann's dump() would write the same
// document (compact, or indented by two spaces; invalid UTF-8 replaced), without building the
// document first. The audit's streamed JSON reports write millions of results: building and
// dumping nlohmann objects for each was most of their time.
#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

namespace borderline {

class JsonWriter {
public:
  // `pretty`: two-space indentation, as dump(2), for a value that starts `depth` levels deep
  // (its inner lines are indented accordingly); otherwise compact, as dump().
  JsonWriter(std::string& out, bool pretty, int depth = 0)
      : out_(out), pretty_(pretty), base_(depth), depth_(depth) {}

  void beginObject() { open('{'); }
  void endObject() { close('}'); }
  void beginArray() { open('['); }
  void endArray() { close(']'); }
  void key(std::string_view name); // the next value is this member's

  void string(std::string_view text);
  void number(std::int64_t value);
  void boolean(bool value);
  void null();
  // A value built with nlohmann (for rare or constant parts), dumped in this writer's layout.
  void json(const nlohmann::ordered_json& value);

  // Carries on inside an object or array that already has members: what follows starts with
  // its comma. For pieces written once and pasted with append() (see ResultJsonWriter).
  void resumeContainer();
  // Members (or elements) written by a writer at the same depth after resumeContainer().
  void append(std::string_view piece);

  bool pretty() const { return pretty_; }
  int depth() const { return depth_; }

private:
  void beforeValue(); // the separator an element or member needs
  void open(char bracket);
  void close(char bracket);
  void newline(int depth);

  std::string& out_;
  bool pretty_;
  int base_;  // the depth of the top-level value, which needs no separator
  int depth_; // of what is written next

  // One bit per open container (innermost lowest): set until it has a member.
  std::uint64_t empty_ = 0;
  bool afterKey_ = false;
};

// Appends `text` as one JSON string, exactly as dump() writes it.
inline void appendJsonString(std::string& out, std::string_view text) {
  JsonWriter(out, false).string(text);
}

} // namespace borderline
