#include "audit/merge.hpp"

#include <charconv>
#include <optional>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "audit/file_input.hpp"
#include "load/result_json.hpp"
#include "report/jsonl_reporter.hpp"

namespace borderline {

using Json = nlohmann::ordered_json;

namespace {

[[noreturn]] void fail(Location where, std::string message) {
  throw LoadFailure({Diagnostic{where, std::move(message)}});
}

// What orders results: the workload's source file and line, and its name to tell repeats.
struct Key {
  std::string file;
  std::uint64_t line = 0;
  std::string workload;
  bool operator<(const Key& o) const { return file != o.file ? file < o.file : line < o.line; }
  bool operator==(const Key& o) const {
    return file == o.file && line == o.line && workload == o.workload;
  }
};

// Reads a JSON string starting at text[pos] == '"' (escapes kept as written: keys are only
// compared with each other). Advances pos past it.
std::optional<std::string_view> rawString(std::string_view text, std::size_t& pos) {
  if (pos >= text.size() || text[pos] != '"') return std::nullopt;
  const std::size_t start = ++pos;
  for (; pos < text.size(); ++pos) {
    if (text[pos] == '\\')
      ++pos;
    else if (text[pos] == '"')
      return text.substr(start, pos++ - start);
  }
  return std::nullopt;
}

bool expect(std::string_view text, std::size_t& pos, std::string_view literal) {
  if (text.substr(pos, literal.size()) != literal) return false;
  pos += literal.size();
  return true;
}

// The key of a result line. Results written by borderline start
// {"workload":"…","source":{"file":"…","line":N: read that without parsing the rest; anything
// else is parsed whole.
std::optional<Key> keyOf(std::string_view line) {
  std::size_t pos = 0;
  if (expect(line, pos, "{\"workload\":")) {
    const auto name = rawString(line, pos);
    if (name && expect(line, pos, ",\"source\":{\"file\":")) {
      const auto file = rawString(line, pos);
      if (file && expect(line, pos, ",\"line\":")) {
        std::uint64_t number = 0;
        auto [p, ec] = std::from_chars(line.data() + pos, line.data() + line.size(), number);
        if (ec == std::errc() && p < line.data() + line.size() && (*p == '}' || *p == ','))
          return Key{std::string(*file), number, std::string(*name)};
      }
    }
  }
  const Json j = Json::parse(line, nullptr, false);
  if (!j.is_object() || !j.contains("workload") || !j.contains("source")) return std::nullopt;
  const Json& s = j["source"];
  if (!s.is_object() || !s.contains("file") || !s["file"].is_string() || !j["workload"].is_string())
    return std::nullopt;
  const std::string file = s["file"].dump(); // escaped like the fast path
  const std::uint64_t number =
      s.contains("line") && s["line"].is_number_unsigned() ? s["line"].get<std::uint64_t>() : 0;
  const std::string name = j["workload"].dump();
  return Key{file.substr(1, file.size() - 2), number, name.substr(1, name.size() - 2)};
}

class ResultSource : public BatchSource {
public:
  ResultSource(const std::vector<std::string>& paths, MergeOrder order, SourceSet& sources)
      : order_(order) {
    for (const auto& path : paths) {
      const std::string_view shown = sources.intern(path == "-" ? "<stdin>" : path);
      auto& in = inputs_.emplace_back(
          Input{shown, std::make_unique<LineInput>(path, shown), {}, {}, {}, false});
      advance(in);
    }
    name_ = paths.size() == 1 ? std::string(inputs_.front().name)
                              : fmt::format("{} result files", paths.size());
  }

  bool next(RawBatch& batch) override {
    batch.text.clear();
    batch.origins.clear();
    batch.workloads.clear();
    std::size_t count = 0;
    while (count < kBatchRecords) {
      Input* pick = nullptr;
      for (auto& in : inputs_) {
        if (in.done) continue;
        if (!pick) pick = &in;
        if (order_ == MergeOrder::Input) break;
        if (in.key < pick->key) pick = &in;
      }
      if (!pick) break;
      if (last_ && *last_ == pick->key)
        fail(pick->where,
             fmt::format("the result of workload '{}' ({}:{}) is here and at {}: was a "
                         "part given twice?",
                         pick->key.workload, pick->key.file, pick->key.line, lastWhere_.str()));
      last_ = pick->key;
      lastWhere_ = pick->where;
      batch.text += pick->line;
      batch.text += '\n';
      batch.origins.push_back(pick->where);
      ++count;
      advance(*pick);
    }
    if (count == 0) return false;
    batch.index = index_++;
    batch.firstLine = 0;
    batch.bytes = batch.text.size();
    return true;
  }

  std::string_view name() const override { return name_; }

private:
  struct Input {
    std::string_view name;
    std::unique_ptr<LineInput> lines;
    std::string line;
    Key key;
    Location where;
    bool done = false;
  };

  // Moves an input to its next non-blank line and reads its key.
  void advance(Input& in) {
    std::string_view line;
    do {
      if (!in.lines->next(line)) {
        in.done = true;
        return;
      }
    } while (line.find_first_not_of(" \t") == std::string_view::npos);
    const Location where{in.name, in.lines->lineNumber(), 0};
    auto key = keyOf(line);
    if (!key)
      fail(where, "expected a result object of `audit --format jsonl` (with workload and source)");
    if (order_ == MergeOrder::Source && in.where.line > 0 && *key < in.key)
      fail(where, fmt::format("results are not in source order here ({}:{} after {}:{}); merge "
                              "with --order input to keep each file's order",
                              key->file, key->line, in.key.file, in.key.line));
    in.line.assign(line);
    in.key = std::move(*key);
    in.where = where;
  }

  MergeOrder order_;
  std::vector<Input> inputs_;
  std::string name_;
  std::optional<Key> last_;
  Location lastWhere_;
  std::uint64_t index_ = 0;
};

// The first place where two JSON values differ, as a JSON pointer, for error messages.
std::string firstDifference(const Json& expected, const Json& actual) {
  const auto patch = nlohmann::json::diff(nlohmann::json(actual), nlohmann::json(expected));
  if (patch.empty()) return "key order";
  return patch.front().value("path", "");
}

// nlohmann's message without its own prefix ("[json.exception.parse_error.101] parse error at
// line 1, column 1789: ", which the location says) and without the text it last read (up to a
// whole result line): "syntax error while parsing value - invalid string: missing closing quote".
std::string parseErrorText(std::string_view what) {
  static constexpr std::string_view kColumn = ", column ";
  if (const std::size_t at = what.find(kColumn); at != std::string_view::npos)
    if (const std::size_t colon = what.find(": ", at); colon != std::string_view::npos)
      what.remove_prefix(colon + 2);
  return std::string(what.substr(0, what.find("; last read:")));
}

} // namespace

std::unique_ptr<BatchSource> openResultSource(const std::vector<std::string>& paths,
                                              MergeOrder order, SourceSet& sources) {
  return std::make_unique<ResultSource>(paths, order, sources);
}

BatchEvaluator mergeEvaluator(const CompiledRules& rules, Date asOf) {
  return [&rules, asOf](RawBatch& batch, LoadedBatch& loaded, std::vector<Result>& results, int) {
    std::vector<Json> parsed;
    std::vector<std::string_view> lines; // for the columns of errors
    std::string_view text = batch.text;
    for (std::size_t i = 0; i < batch.origins.size(); ++i) {
      const std::size_t nl = text.find('\n');
      const std::string_view line = text.substr(0, nl);
      text.remove_prefix(nl + 1);
      lines.push_back(line);
      try {
        parsed.push_back(Json::parse(line));
      } catch (const Json::parse_error& e) {
        Location where = batch.origins[i];
        where.column = static_cast<std::uint32_t>(e.byte);
        fail(where, fmt::format("invalid JSON: {}", parseErrorText(e.what())));
      }
    }
    loaded.rows = parsed.size();
    loaded.workloads.resize(parsed.size()); // before results point at them
    results.resize(parsed.size());
    for (std::size_t i = 0; i < parsed.size(); ++i) {
      readResultJson(parsed[i], lines[i], batch.origins[i], rules, asOf, loaded,
                     loaded.workloads[i], results[i]);
      const Json again = resultJson(results[i], rules);
      if (again != parsed[i]) {
        const std::string difference = firstDifference(again, parsed[i]);
        Location where = batch.origins[i];
        where.column = jsonColumn(lines[i], difference);
        fail(where,
             fmt::format("the result of workload '{}' does not match the loaded rule packs (first "
                         "difference at {}): merge with the rules the audit used",
                         loaded.workloads[i].name, difference));
      }
    }
  };
}

} // namespace borderline
