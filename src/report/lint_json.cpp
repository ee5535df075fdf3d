// `rules lint --format json`.
#include "report/json_reporter.hpp"
#include "report/lint_report.hpp"

namespace borderline {

using Json = nlohmann::ordered_json;

void writeLintJson(const CompiledRules& rules, const LintResult& lint, std::ostream& out) {
  Json j;
  j["tool"] = toolJson();
  j["rules"] = rulesJson(rules);
  j["summary"] = {{"errors", lint.count(Severity::Error)},
                  {"warnings", lint.count(Severity::Warning)},
                  {"notes", lint.count(Severity::Note)},
                  {"rules", lint.rules},
                  {"classifications", lint.classifications},
                  {"groups", lint.groups},
                  {"chips", lint.chips},
                  {"citations", lint.citations}};
  j["issues"] = Json::array();
  for (const auto& i : lint.issues)
    j["issues"].push_back({{"severity", std::string(severityName(i.severity))},
                           {"check", i.check},
                           {"subject", i.subject},
                           {"message", i.message},
                           {"location", toJson(i.loc)}});
  writeJsonDocument(j, out);
}

} // namespace borderline
