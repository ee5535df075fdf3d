#include "report/junit_reporter.hpp"

#include <sstream>
#include <vector>

#include <fmt/format.h>

#include "report/text_format.hpp"
#include "report/text_reporter.hpp"
#include "util/xml.hpp"

namespace borderline {

namespace {

struct Suite {
  std::string_view file;
  std::vector<const Result*> results;
  int failures = 0;
};

// Suites in the order their files first appear, so output follows the input.
std::vector<Suite> byFile(std::span<const Result> results, std::optional<Level> failOn) {
  std::vector<Suite> suites;
  for (const auto& r : results) {
    const std::string_view file = r.workload->loc.file;
    auto it =
        std::find_if(suites.begin(), suites.end(), [&](const Suite& s) { return s.file == file; });
    if (it == suites.end()) it = suites.insert(suites.end(), Suite{file, {}, 0});
    it->results.push_back(&r);
    if (failsGate(r.verdict, failOn)) ++it->failures;
  }
  return suites;
}

// "AUTHORIZATION REQUIRED: cn.cross-border.security-assessment, us.ear.x"
std::string failureMessage(const Result& r) {
  std::vector<std::string> open;
  for (const auto& f : r.findings)
    if (f.status == FindingStatus::Open) open.push_back(f.rule->id);
  return fmt::format("{}: {}", upperWords(levelName(r.verdict)), fmt::join(open, ", "));
}

std::string body(const Result& r) {
  std::ostringstream text;
  text << upperWords(levelName(r.verdict)) << "  " << r.workload->name << "  ("
       << r.workload->loc.str() << ")\n\n";
  writeResultBody(text, r);
  return text.str();
}

} // namespace

void JunitReporter::write(const Report& report, std::ostream& out) const {
  const auto suites = byFile(report.results, failOn_);
  int failures = 0;
  for (const auto& s : suites) failures += s.failures;
  const std::string failOn = failOn_ ? std::string(levelName(*failOn_)) : "never";

  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << fmt::format("<testsuites name=\"borderline\" tests=\"{}\" failures=\"{}\" errors=\"0\" "
                     "time=\"0\">\n",
                     report.results.size(), failures);
  for (const auto& s : suites) {
    const std::string file = xmlEscape(s.file);
    out << fmt::format("  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\" "
                       "skipped=\"0\" time=\"0\">\n",
                       file, s.results.size(), s.failures);
    out << "    <properties>\n";
    auto property = [&](std::string_view name, std::string_view value) {
      out << fmt::format("      <property name=\"{}\" value=\"{}\"/>\n", name, xmlEscape(value));
    };
    property("borderline.version", BORDERLINE_VERSION);
    property("asOf", report.asOf.str());
    property("failOn", failOn);
    property("rulesDigest", "sha256:" + report.rules.digest);
    out << "    </properties>\n";
    for (const Result* r : s.results) {
      out << fmt::format("    <testcase name=\"{}\" classname=\"{}\" status=\"{}\" time=\"0\"",
                         xmlEscape(r->workload->name), file, levelName(r->verdict));
      if (r->findings.empty() && r->notices.empty()) {
        out << "/>\n";
        continue;
      }
      out << ">\n";
      if (failsGate(r->verdict, failOn_))
        out << fmt::format("      <failure message=\"{}\" type=\"{}\">{}</failure>\n",
                           xmlEscape(failureMessage(*r)), levelName(r->verdict),
                           xmlEscape(body(*r)));
      else
        out << fmt::format("      <system-out>{}</system-out>\n", xmlEscape(body(*r)));
      out << "    </testcase>\n";
    }
    out << "  </testsuite>\n";
  }
  out << "</testsuites>\n";
}

} // namespace borderline
