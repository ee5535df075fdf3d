// The evaluation engine alone: rule evaluations per second on one thread, with the workloads
// already loaded in memory, so that bench/README.md can quote the engine apart from reading
// and parsing CSV and from writing a report.
//
//   engine_bench INVENTORY.csv [--rows N] [--as-of DATE] [--passes P] [--messages]
//                [--rules PATH]... [--peer-json]
//
// Loads the first N rows (default 100,000) of a CSV inventory with the audit's own loader (not
// timed), then evaluates every workload P times (default 5) against the bundled rules (or the
// packs of --rules, as the CLI's option) on the date, as `audit --format text` does (messages
// off; --messages renders them, as the other formats need). Times the evaluation loop in
// thread CPU time and in wall time. Rule evaluations count workloads x rules in effect, as
// bench/run.sh does. --peer-json prints instead the result line of bench/peers/run.sh: the
// open findings per rule of one pass and the wall time per pass.
#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>

#include "cli/common.hpp"
#include "evaluate/date_view.hpp"
#include "evaluate/eval_cache.hpp"
#include "evaluate/evaluator.hpp"
#include "load/csv_inventory.hpp"

using namespace borderline;

namespace {

double threadCpuSeconds() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

// The first `rows` records after the header, and the header.
std::string firstRows(const std::string& path, std::size_t rows, std::string& header) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::getline(in, header);
  std::string text, line;
  for (std::size_t i = 0; i < rows && std::getline(in, line); ++i) {
    text += line;
    text += '\n';
  }
  return text;
}

int run(int argc, char** argv) {
  std::string path, asOf = "2025-09-01";
  std::size_t rows = 100'000;
  int passes = 5;
  bool messages = false;
  bool peerJson = false;
  RuleOptions ruleOptions;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--rows" && i + 1 < argc)
      rows = std::stoul(argv[++i]);
    else if (arg == "--as-of" && i + 1 < argc)
      asOf = argv[++i];
    else if (arg == "--passes" && i + 1 < argc)
      passes = std::stoi(argv[++i]);
    else if (arg == "--messages")
      messages = true;
    else if (arg == "--rules" && i + 1 < argc)
      ruleOptions.rules.push_back(argv[++i]);
    else if (arg == "--peer-json")
      peerJson = true;
    else
      path = arg;
  }
  if (path.empty()) {
    std::cerr << "usage: engine_bench INVENTORY.csv [--rows N] [--as-of DATE] [--passes P] "
                 "[--messages] [--rules PATH]... [--peer-json]\n";
    return 2;
  }

  SourceSet sources;
  const LoadedRules rules = loadRules(ruleOptions, sources);
  const DateView view(*rules.compiled, parseAsOf(asOf));
  std::string header;
  const std::string text = firstRows(path, rows, header);
  const CsvInventory inventory(sources.intern(path), header, 1, rules.compiled->catalog);
  LoadedBatch loaded;
  CsvScratch scratch;
  inventory.load(text, 2, loaded, scratch);

  EvalCache cache;
  EvalOptions options;
  options.messages = messages;
  options.cache = &cache;
  std::size_t findings = 0;
  std::map<std::string, std::size_t> open; // per rule, in the last pass
  const double cpu0 = threadCpuSeconds();
  const auto wall0 = std::chrono::steady_clock::now();
  for (int p = 0; p < passes; ++p) {
    const bool last = p + 1 == passes;
    for (const auto& w : loaded.workloads) {
      const Result result = evaluateWorkload(w, view, options);
      findings += result.findings.size();
      if (peerJson && last)
        for (const auto& f : result.findings)
          if (f.status == FindingStatus::Open) ++open[f.rule->id];
    }
  }
  const double cpu = threadCpuSeconds() - cpu0;
  const double wall =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - wall0).count();

  if (peerJson) {
    std::printf("{\"engine\": \"borderline engine alone (-j1, in memory)\", \"workloads\": %zu, "
                "\"seconds\": %.6f, \"counts\": {",
                loaded.workloads.size(), wall / passes);
    const char* comma = "";
    for (const auto& [id, count] : open) {
      std::printf("%s\"%s\": %zu", comma, id.c_str(), count);
      comma = ", ";
    }
    std::printf("}}\n");
    return 0;
  }
  const double workloads = static_cast<double>(loaded.workloads.size()) * passes;
  const double evals = workloads * static_cast<double>(view.rulesInEffect().size());
  std::printf("%zu rows, %zu workloads (%zu invalid), %zu rules in effect on %s, %d passes, "
              "messages %s, %zu findings\n",
              static_cast<std::size_t>(loaded.rows), loaded.workloads.size(), loaded.invalid.size(),
              view.rulesInEffect().size(), asOf.c_str(), passes, messages ? "on" : "off", findings);
  std::printf("thread CPU %.3f s: %.0f workloads/s, %.2f M rule evaluations/s per core\n", cpu,
              workloads / cpu, evals / cpu / 1e6);
  std::printf("wall       %.3f s: %.0f workloads/s, %.2f M rule evaluations/s\n", wall,
              workloads / wall, evals / wall / 1e6);
  return 0;
}

} // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "engine_bench: " << e.what() << '\n';
    return 2;
  }
}
