// JsonWriter (report/json_writer.cpp) writes the bytes nlohmann's dump() writes for the same
// document: compact and indented at any depth, every escape, non-ASCII text and invalid UTF-8.
#include <catch2/catch.hpp>

#include <random>
#include <string>

#include <nlohmann/json.hpp>

#include "report/json_writer.hpp"

using Json = nlohmann::ordered_json;
using borderline::JsonWriter;

namespace {

std::string dumped(const Json& j, int indent) {
  return j.dump(indent, ' ', false, Json::error_handler_t::replace);
}

// Writes `j` through a JsonWriter, member by member.
void write(JsonWriter& out, const Json& j) {
  if (j.is_object()) {
    out.beginObject();
    for (const auto& [k, v] : j.items()) {
      out.key(k);
      write(out, v);
    }
    out.endObject();
  } else if (j.is_array()) {
    out.beginArray();
    for (const auto& v : j) write(out, v);
    out.endArray();
  } else if (j.is_string()) {
    out.string(j.get_ref<const std::string&>());
  } else if (j.is_boolean()) {
    out.boolean(j.get<bool>());
  } else if (j.is_null()) {
    out.null();
  } else {
    out.number(j.get<std::int64_t>());
  }
}

std::string written(const Json& j, bool pretty, int depth = 0) {
  std::string text;
  JsonWriter out(text, pretty, depth);
  write(out, j);
  return text;
}

// dump(2) of a value nested `depth` levels deep: its inner lines move in by 2 * depth.
std::string nested(const Json& j, int depth) {
  std::string out;
  for (char c : dumped(j, 2)) {
    out += c;
    if (c == '\n') out.append(static_cast<std::size_t>(2 * depth), ' ');
  }
  return out;
}

} // namespace

TEST_CASE("JsonWriter strings are dump()'s bytes, escapes, UTF-8 and invalid bytes alike") {
  const std::vector<std::string> samples = {"",
                                            "plain ascii",
                                            "quote \" backslash \\ slash /",
                                            "\b\f\n\r\t\x01\x1f\x7f",
                                            "café ☃ 𝄞",
                                            "bad \xff byte",
                                            "cut \xe2\x98",
                                            "overlong \xc0\xaf",
                                            "surrogate \xed\xa0\x80",
                                            "past max \xf4\x90\x80\x80",
                                            "\xe2\x98\x83\xff\"x"};
  for (const auto& s : samples) {
    CAPTURE(s);
    CHECK(written(Json(s), false) == dumped(Json(s), -1));
  }
  // Random bytes, biased towards the interesting ones.
  std::mt19937 rng(7);
  const std::string alphabet = "ab\"\\\n\x01\x7f\x80\xbf\xc2\xc3\xe0\xe2\xed\xef\xf0\xf4\xf5\xff";
  for (int i = 0; i < 5000; ++i) {
    std::string s;
    const int length = static_cast<int>(rng() % 12);
    for (int k = 0; k < length; ++k) s += alphabet[rng() % alphabet.size()];
    CAPTURE(s);
    REQUIRE(written(Json(s), false) == dumped(Json(s), -1));
  }
}

TEST_CASE("JsonWriter layout is dump()'s, compact and indented at a depth") {
  const Json doc = Json::parse(R"({"a": 1, "b": [], "c": {}, "d": [1, {"e": null, "f": [true,
      false]}, "g"], "h": {"i": {"j": []}}, "k": -5})");
  CHECK(written(doc, false) == dumped(doc, -1));
  CHECK(written(doc, true) == dumped(doc, 2));
  CHECK(written(doc, true, 2) == nested(doc, 2));
  CHECK(written(Json::array(), true) == "[]");
}

TEST_CASE("JsonWriter pastes pieces written after resumeContainer") {
  std::string piece;
  {
    JsonWriter out(piece, true, 1);
    out.resumeContainer();
    out.key("b");
    out.json(Json::parse(R"({"c": [1, 2]})"));
  }
  std::string text;
  JsonWriter out(text, true, 1);
  out.beginObject();
  out.key("a");
  out.number(1);
  out.append(piece);
  out.endObject();
  CHECK(text == nested(Json::parse(R"({"a": 1, "b": {"c": [1, 2]}})"), 1));
}
