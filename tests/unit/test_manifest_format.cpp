// The manifest format tables (load/manifest_format.cpp) against the loader and the schema
// generator: the loader reads every key the tables list, as the kind they give it, requires
// exactly the required ones, and `borderline schema` describes the same objects and keys.
// (tests/validate/differential.py also checks the schema against the loader from outside.)
#include "support.hpp"

#include <nlohmann/json.hpp>

#include "load/manifest_format.hpp"
#include "load/manifest_schema.hpp"
#include "model/chip.hpp"

using namespace bltest;
using Json = nlohmann::json;

namespace {

// A value of each kind that the loader accepts (the chip is in the test catalog).
Json sampleObject(const ObjectSpec& object);
Json sampleValue(const FieldSpec& f) {
  switch (f.kind) {
  case ValueKind::Text:
    return "x";
  case ValueKind::Name:
    return "w1";
  case ValueKind::Constant:
    return f.constant;
  case ValueKind::Country:
    return "SG";
  case ValueKind::Date:
    return "2025-01-01";
  case ValueKind::Number:
    return 5;
  case ValueKind::Integer:
    return static_cast<std::int64_t>(std::max(f.minimum, 1.0));
  case ValueKind::Boolean:
    return true;
  case ValueKind::Enum:
    return f.domain->names[0];
  case ValueKind::EnumList:
    return Json::array({f.domain->names[0]});
  case ValueKind::TextList:
    return Json::array({"x"});
  case ValueKind::Object:
    return sampleObject(*f.object);
  case ValueKind::ObjectList:
    return Json::array({sampleObject(*f.object)});
  case ValueKind::Labels:
    return {{"team", "x"}};
  case ValueKind::ChipModel:
    return "big-chip";
  case ValueKind::Tops:
    return {{knownPrecisions()[0].name, 10}};
  }
  return nullptr;
}
Json sampleObject(const ObjectSpec& object) {
  Json j = Json::object();
  for (const auto& f : object.fields) j[std::string(f.key)] = sampleValue(f);
  return j;
}

// A Workload document with every key of every object, and the same with an inline chip.
Json completeWorkload() {
  return sampleObject(kWorkloadDocumentSpec);
}
Json inlineChipWorkload() {
  Json doc = completeWorkload();
  doc["spec"]["compute"]["chips"][0]["model"] = sampleObject(kInlineChipSpec);
  return doc;
}

// Every (JSON pointer to an object, its spec) in `doc`, following the tables.
void objectsIn(const Json& node, const ObjectSpec& spec, const Json::json_pointer& at,
               std::vector<std::pair<Json::json_pointer, const ObjectSpec*>>& out) {
  out.emplace_back(at, &spec);
  for (const auto& f : spec.fields) {
    const Json& value = node.at(std::string(f.key));
    if (f.kind == ValueKind::Object) objectsIn(value, *f.object, at / std::string(f.key), out);
    if (f.kind == ValueKind::ObjectList)
      objectsIn(value.at(0), *f.object, at / std::string(f.key) / 0, out);
    if (f.kind == ValueKind::ChipModel && value.is_object())
      objectsIn(value, *f.object, at / std::string(f.key), out);
  }
}

} // namespace

TEST_CASE("manifest format: a manifest with every key of the tables loads, every key read",
          "[format]") {
  for (const Json& doc : {completeWorkload(), inlineChipWorkload()}) {
    Engine engine;
    INFO(doc.dump());
    // A loader reading a key the tables do not describe throws std::logic_error here.
    const auto errors = engine.loadErrors(doc.dump(), "complete.json");
    INFO(describe(errors));
    REQUIRE(errors.empty());
    const Workload& w = engine.loadOne(doc.dump(), "complete2.json");
    CHECK(w.labels.size() == 1);
    CHECK(w.periodStart.has());
    CHECK(w.trainingCompute.has());
    CHECK(w.party(PartyRole::Operator).designations.values.size() == 1);
    CHECK(w.data.size() == 1);
    CHECK(w.data[0].subjects.has());
    CHECK(w.authorizations.size() == 1);
    CHECK(w.waivers.size() == 1);
  }
  Json list = sampleObject(kWorkloadListDocumentSpec);
  Engine engine;
  CHECK(engine.loadErrors(list.dump(), "list.json").empty());
}

TEST_CASE("manifest format: the loader requires exactly the keys the tables mark required",
          "[format]") {
  for (const Json& doc : {completeWorkload(), inlineChipWorkload()}) {
    std::vector<std::pair<Json::json_pointer, const ObjectSpec*>> objects;
    objectsIn(doc, kWorkloadDocumentSpec, Json::json_pointer(), objects);
    for (const auto& [at, spec] : objects) {
      for (const auto& f : spec->fields) {
        Json changed = doc;
        changed.at(at).erase(std::string(f.key));
        Engine engine;
        const auto errors = engine.loadErrors(changed.dump(), "variant.json");
        INFO(spec->name << "." << f.key << " removed: " << describe(errors));
        CHECK(errors.empty() == !f.required);
      }
      // And an unknown key is an error everywhere.
      Json extra = doc;
      extra.at(at)["zzUnknown"] = "x";
      Engine engine;
      INFO(spec->name << " with an unknown key");
      CHECK_FALSE(engine.loadErrors(extra.dump(), "variant.json").empty());
    }
  }
}

TEST_CASE("manifest format: the schema describes every object and key of the tables", "[format]") {
  const auto schema = manifestSchema();
  const auto& defs = schema.at("$defs");
  CHECK(defs.size() == manifestObjects().size());
  for (const ObjectSpec* object : manifestObjects()) {
    INFO(object->name);
    REQUIRE(defs.contains(std::string(object->name)));
    const auto& def = defs.at(std::string(object->name));
    CHECK(def.at("additionalProperties") == false);
    std::vector<std::string> keys, required;
    for (const auto& f : object->fields) {
      keys.emplace_back(f.key);
      if (f.required) required.emplace_back(f.key);
    }
    std::vector<std::string> schemaKeys;
    for (const auto& [key, value] : def.at("properties").items()) schemaKeys.push_back(key);
    CHECK(schemaKeys == keys);
    CHECK(def.value("required", std::vector<std::string>{}) == required);
  }
  CHECK(schema.at("$schema") == "https://json-schema.org/draft/2020-12/schema");
}
