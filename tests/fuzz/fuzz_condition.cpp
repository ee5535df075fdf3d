// libFuzzer target: arbitrary bytes as the `when` of one rule, compiled against the path table
// and the bundled groups, party lists and chip catalog (as the pack compiler does for a
// workload-scoped rule). Compiling must either succeed, and the condition print back, or
// report located errors.
#include <cstddef>
#include <cstdint>
#include <string>

#include "compile/compile_condition.hpp"
#include "compile/condition_text.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace borderline;
  const CompiledRules& rules = fuzzRules();
  SourceSet sources;
  try {
    const SourceText source =
        checkSource(sources, "fuzz.yaml", std::string(reinterpret_cast<const char*>(data), size));
    const auto documents = parseYamlDocuments(source.name, source.text);
    if (documents.empty()) return 0;
    Diagnostics diags;
    YamlReader reader(source.name, diags);
    ConditionEnv env;
    env.findGroup = [&](std::string_view name) { return rules.findGroup(name); };
    env.partyLists = &rules.partyLists;
    env.catalog = &rules.catalog;
    const Condition condition = compileCondition(reader, documents.front(), env);
    if (diags.ok())
      (void)conditionText(condition);
    else
      requireLocated(LoadFailure(diags.errors()));
  } catch (const LoadFailure& failure) {
    requireLocated(failure);
  }
  return 0;
}
