// `borderline chips [list|show ID]`: the chip catalog with TPP, performance density and the
// classification on a date.
#include <cmath>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "evaluate/date_view.hpp"
#include "evaluate/render.hpp"

namespace borderline {

namespace {

struct ChipsOptions {
  RuleOptions rules;
  std::string asOf;
  std::string format = "text";
  std::optional<std::string> id; // show: one chip (`show ""` is an unknown chip, not all)
};

nlohmann::ordered_json chipJson(const ChipSpec& c, const std::string* eccn) {
  using Json = nlohmann::ordered_json;
  auto optional = [](const std::optional<double>& v) { return v ? Json(*v) : Json(nullptr); };
  Json j;
  j["id"] = c.id;
  j["name"] = c.name;
  j["vendor"] = c.vendor;
  j["origin"] = c.origin ? Json(std::string(countryCode(*c.origin))) : Json(nullptr);
  j["datacenter"] = c.datacenter ? Json(*c.datacenter) : Json(nullptr);
  j["tpp"] = c.tpp;
  j["performanceDensity"] = optional(c.performanceDensity);
  j["eccn"] = eccn ? Json(*eccn) : Json(nullptr);
  j["memoryBandwidth"] = optional(c.memoryBandwidth);
  j["ioBandwidth"] = optional(c.ioBandwidth);
  j["sources"] = c.sources;
  return j;
}

std::string number(const std::optional<double>& v, int decimals) {
  return v ? fmt::format("{:.{}f}", *v, decimals) : "-";
}

int runChips(const ChipsOptions& o) {
  const Date asOf = parseAsOf(o.asOf);
  SourceSet sources;
  const LoadedRules loaded = loadRules(o.rules, sources);
  const CompiledRules& rules = *loaded.compiled;
  const DateView view(rules, asOf);
  std::vector<int> chosen;
  if (!o.id) {
    for (std::size_t i = 0; i < rules.catalog.chips().size(); ++i)
      chosen.push_back(static_cast<int>(i));
  } else {
    const int index = rules.catalog.find(*o.id);
    if (index < 0)
      throw UsageError(fmt::format("unknown chip '{}' (see `borderline chips list`)", *o.id));
    chosen.push_back(index);
  }
  std::ostringstream out;
  if (o.format == "json") {
    nlohmann::ordered_json all = nlohmann::ordered_json::array();
    for (int i : chosen)
      all.push_back(chipJson(rules.catalog.at(i), view.eccn(rules.catalog.at(i), i)));
    out << (o.id ? all.front() : all).dump(2) << '\n';
  } else if (o.format == "text") {
    out << fmt::format("Chip catalog as of {}\n\n", asOf.str());
    out << fmt::format("{:<24} {:<26} {:>8} {:>7} {:>8} {:>8}  {}\n", "ID", "NAME", "TPP", "PD",
                       "MEM GB/s", "I/O GB/s", "ECCN");
    for (int i : chosen) {
      const ChipSpec& c = rules.catalog.at(i);
      const std::string* eccn = view.eccn(c, i);
      out << fmt::format("{:<24} {:<26} {:>8} {:>7} {:>8} {:>8}  {}\n", c.id, c.name,
                         formatNumber(std::round(c.tpp)), number(c.performanceDensity, 2),
                         number(c.memoryBandwidth, 0), number(c.ioBandwidth, 0),
                         eccn ? *eccn : "-");
      if (o.id) {
        out << fmt::format("\n  vendor {} · origin {} · datacenter {}\n", c.vendor,
                           c.origin ? countryCode(*c.origin) : "-",
                           c.datacenter ? (*c.datacenter ? "yes" : "no") : "-");
        for (const auto& s : c.sources) out << "  source: " << s << '\n';
        if (!c.notes.empty()) out << "  notes: " << c.notes << '\n';
      }
    }
  } else {
    throw UsageError(
        fmt::format("chips cannot write format '{}' (expected text or json)", o.format));
  }
  emit("", out.str());
  return kExitOk;
}

} // namespace

void registerChips(CLI::App& app, CommandRunner& run) {
  auto options = std::make_shared<ChipsOptions>();
  CLI::App* chips =
      app.add_subcommand("chips", "The chip catalog with TPP, performance density and ECCN");
  auto common = [&](CLI::App& cmd) {
    addRuleOptions(cmd, options->rules);
    addAsOfOption(cmd, options->asOf);
    cmd.add_option("--format", options->format, "text or json");
  };
  common(*chips);
  CLI::App* list = chips->add_subcommand("list", "Every chip (the default)");
  common(*list);
  CLI::App* show = chips->add_subcommand("show", "One chip with its sources");
  show->add_option("id", options->id, "Chip id or alias")->required();
  common(*show);
  chips->callback([options, &run] { run = [options] { return runChips(*options); }; });
}

} // namespace borderline
