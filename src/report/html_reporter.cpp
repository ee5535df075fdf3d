#include "report/html_reporter.hpp"

#include <algorithm>
#include <numeric>

#include <fmt/format.h>

#include "evaluate/render.hpp"
#include "report/json_reporter.hpp"
#include "report/jsonl_reporter.hpp"
#include "report/text_reporter.hpp"
#include "util/output_file.hpp"

namespace borderline {

using Json = nlohmann::ordered_json;

namespace {

constexpr std::string_view kColors[kVerdictBuckets] = {"#b3261e", "#d08000", "#7b3fa0", "#2e7d32"};
constexpr std::string_view kClasses[kVerdictBuckets] = {"prohibited", "authorization-required",
                                                        "review", "allowed"};
constexpr std::size_t kChartRows = 20;

std::string esc(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
    case '&':
      out += "&amp;";
      break;
    case '<':
      out += "&lt;";
      break;
    case '>':
      out += "&gt;";
      break;
    case '"':
      out += "&quot;";
      break;
    case '\'':
      out += "&#39;";
      break;
    default:
      out += c;
    }
  }
  return out;
}

// JSON inside <script>: "</" would end the element early; "<\/" means the same in JSON.
std::string scriptJson(const Json& json) {
  std::string text = dumpJson(json);
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    out += text[i];
    if (text[i] == '<' && i + 1 < text.size() && text[i + 1] == '/') out += '\\';
  }
  return out;
}

std::uint64_t sum(const VerdictCounts& c) {
  return std::accumulate(c.begin(), c.end(), std::uint64_t{0});
}
std::string num(std::uint64_t n) {
  return formatNumber(static_cast<double>(n));
}

std::string label(int bucket, bool breakdown) {
  if (breakdown && bucket == 3) return "nothing open";
  std::string s(levelName(bucketVerdict(bucket)));
  std::replace(s.begin(), s.end(), '-', ' ');
  return s;
}

// A count the browser test compares with the JSON report: `key` is its path in "summary",
// '/'-separated (rule ids hold dots).
std::string cell(std::uint64_t n, const std::string& key) {
  return fmt::format("<td class=num data-count=\"{}\">{}</td>", esc(key), num(n));
}

struct Row {
  std::string label;
  std::string key;   // path of its counts in the JSON summary
  std::string title; // tooltip
  VerdictCounts counts;
};

// Horizontal stacked bars, one per row, scaled to the largest total.
std::string chart(const std::vector<Row>& rows, bool breakdown) {
  if (rows.empty()) return {};
  const std::size_t shown = std::min(rows.size(), kChartRows);
  std::uint64_t max = 1;
  for (std::size_t i = 0; i < shown; ++i) max = std::max(max, sum(rows[i].counts));
  constexpr int kLabel = 190, kWidth = 560, kBar = 18, kGap = 6;
  const int height = static_cast<int>(shown) * (kBar + kGap) + kGap;
  std::string svg =
      fmt::format("<svg class=chart role=img viewBox=\"0 0 {} {}\" width=\"{}\" height=\"{}\">",
                  kLabel + kWidth + 80, height, kLabel + kWidth + 80, height);
  for (std::size_t i = 0; i < shown; ++i) {
    const Row& r = rows[i];
    const int y = kGap + static_cast<int>(i) * (kBar + kGap);
    std::string name = r.label.size() > 28 ? r.label.substr(0, 27) + "…" : r.label;
    svg += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=end>{}</text>", kLabel - 8,
                       y + kBar - 4, esc(name));
    double x = kLabel;
    for (int b = 0; b < kVerdictBuckets; ++b) {
      const auto n = r.counts[static_cast<std::size_t>(b)];
      if (!n) continue;
      const double w =
          static_cast<double>(kWidth) * static_cast<double>(n) / static_cast<double>(max);
      svg += fmt::format("<rect x=\"{:.1f}\" y=\"{}\" width=\"{:.1f}\" height=\"{}\" fill=\"{}\">"
                         "<title>{}: {} {}</title></rect>",
                         x, y, std::max(w, 0.5), kBar, kColors[b], esc(r.label), num(n),
                         esc(label(b, breakdown)));
      x += w;
    }
    svg += fmt::format("<text x=\"{:.1f}\" y=\"{}\" class=total>{}</text>", x + 6, y + kBar - 4,
                       num(sum(r.counts)));
  }
  return svg + "</svg>";
}

std::string legend(bool breakdown) {
  std::string out = "<p class=legend>";
  for (int b = 0; b < kVerdictBuckets; ++b)
    out += fmt::format("<span><i style=\"background:{}\"></i>{}</span>", kColors[b],
                       label(b, breakdown));
  return out + "</p>";
}

// A breakdown: chart, then the full table of counts. `breakdown`: the last column counts
// workloads with nothing open there (else: allowed workloads).
std::string section(std::string_view id, std::string_view title, std::string_view note,
                    std::string_view what, const std::vector<Row>& rows, bool breakdown) {
  std::string out =
      fmt::format("<section id=\"{}\"><h2>{}</h2><p class=note>{}</p>", id, esc(title), note);
  if (rows.empty()) return out + "<p>None.</p></section>";
  out += legend(breakdown) + chart(rows, breakdown);
  out += fmt::format("<table class=counts><thead><tr><th>{}</th><th>total</th>", esc(what));
  for (int b = 0; b < kVerdictBuckets; ++b) out += fmt::format("<th>{}</th>", label(b, breakdown));
  out += "</tr></thead><tbody>";
  for (const auto& r : rows) {
    out += fmt::format("<tr><th title=\"{}\">{}</th><td class=num>{}</td>", esc(r.title),
                       esc(r.label), num(sum(r.counts)));
    for (int b = 0; b < kVerdictBuckets; ++b)
      out += cell(r.counts[static_cast<std::size_t>(b)],
                  fmt::format("{}/{}", r.key, levelName(bucketVerdict(b))));
    out += "</tr>";
  }
  return out + "</tbody></table></section>";
}

// Per-rule facts the table's details show, written once rather than in every row.
Json rulesData(const CompiledRules& rules, const Tally& tally) {
  Json j = Json::object();
  for (std::size_t i = 0; i < rules.rules.size(); ++i) {
    if (!tally.byRule[i].total()) continue;
    const Rule& r = rules.rules[i];
    Json c = Json::array();
    for (const auto& citation : r.citations) c.push_back(toJson(citation));
    j[r.id] = {{"title", r.title},
               {"regime", std::string(kRegimeDomain.name(static_cast<std::uint8_t>(r.regime)))},
               {"jurisdiction", r.pack->jurisdiction},
               {"citations", c}};
  }
  return j;
}

constexpr std::string_view kStyle = R"CSS(
:root{--p:#b3261e;--a:#d08000;--r:#7b3fa0;--ok:#2e7d32;--line:#ddd;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d1d1f}
body{margin:0 auto;max-width:1200px;padding:24px}
h1{font-size:1.6em;margin:0 0 4px}h2{font-size:1.2em;margin:32px 0 4px;border-bottom:1px solid var(--line);padding-bottom:4px}
.meta,.note{color:#555;font-size:.9em;margin:4px 0 12px}
.cards{display:flex;gap:12px;flex-wrap:wrap;margin:16px 0}
.card{flex:1;min-width:160px;border-radius:8px;padding:12px 16px;color:#fff}
.card .n{font-size:1.8em;font-weight:600;display:block}
.card.prohibited{background:var(--p)}.card.authorization-required{background:var(--a)}.card.review{background:var(--r)}.card.allowed{background:var(--ok)}
.card.total{background:#37474f}
table{border-collapse:collapse;width:100%;font-size:.9em;margin:8px 0}
th,td{border-bottom:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
td.num{text-align:right;font-variant-numeric:tabular-nums}
.counts tbody th{font-weight:normal}
.chart text{font-size:12px;fill:#333}.chart .total{fill:#555}
.legend span{margin-right:16px;font-size:.85em}.legend i{display:inline-block;width:10px;height:10px;margin-right:4px;border-radius:2px}
.controls{display:flex;gap:8px;margin:8px 0;flex-wrap:wrap}
.controls input{flex:1;min-width:200px;padding:6px}.controls select,.controls button{padding:6px}
#workloads thead th{cursor:pointer;user-select:none;background:#f5f5f7;position:sticky;top:0}
#workloads thead th[aria-sort=ascending]::after{content:" ▲"}#workloads thead th[aria-sort=descending]::after{content:" ▼"}
#workloads tbody tr.w{cursor:pointer}#workloads tbody tr.w:hover{background:#f5f7ff}
.v{font-weight:600;white-space:nowrap}.v.prohibited{color:var(--p)}.v.authorization-required{color:var(--a)}.v.review{color:var(--r)}.v.allowed{color:var(--ok)}
.details td{background:#fafafa}.finding{margin:6px 0 10px}.finding .msg{margin:2px 0}.finding .cite{color:#555;font-size:.9em;margin-left:12px}
.status{font-size:.8em;border:1px solid #bbb;border-radius:4px;padding:0 4px;margin-right:6px}
.warn{background:#fff4e5;border:1px solid #f0c36d;padding:8px 12px;border-radius:6px}
)CSS";

// Renders the workload table from the embedded rows: sorting, filtering, paging, details.
constexpr std::string_view kScript = R"JS(
(function(){
"use strict";
var rows=JSON.parse(document.getElementById("rows-data").textContent);
rows.forEach(function(r,i){r.i=i;});
var rules=JSON.parse(document.getElementById("rules-data").textContent);
var verdicts=["prohibited","authorization-required","review","allowed"];
var statuses=["open","satisfied","waived","advisory"];
var body=document.querySelector("#workloads tbody"),filter=document.getElementById("filter"),
    verdict=document.getElementById("verdict-filter"),more=document.getElementById("more"),
    shownEl=document.getElementById("shown");
var sortKey="input",sortDir=1,page=200,limit=page,view=rows;
document.getElementById("loaded").textContent=rows.length;
function el(tag,cls,text){var e=document.createElement(tag);if(cls)e.className=cls;if(text!==undefined)e.textContent=text;return e;}
function openRules(r){return r.f.filter(function(f){return f[1]===0;}).map(function(f){return f[0];});}
function key(r,k){switch(k){case "name":return r.n;case "verdict":return r.v;case "country":return r.c;
  case "rules":return openRules(r).join(" ");case "source":return r.l;default:return r.i;}}
function apply(){
  var q=filter.value.trim().toLowerCase(),v=verdict.value;
  view=rows.filter(function(r){
    if(v!==""&&String(r.v)!==v)return false;
    if(!q)return true;
    return r.n.toLowerCase().indexOf(q)>=0||r.c.toLowerCase()===q||
      r.f.some(function(f){return f[0].toLowerCase().indexOf(q)>=0;});});
  view.sort(function(a,b){var x=key(a,sortKey),y=key(b,sortKey);
    if(x<y)return -sortDir;if(x>y)return sortDir;return a.i-b.i;});
  limit=page;render();}
function details(r){
  var tr=el("tr","details"),td=el("td");td.colSpan=5;
  if(!r.f.length)td.appendChild(el("p","","No findings."));
  r.f.forEach(function(f){
    var d=el("div","finding"),rule=rules[f[0]]||{title:"",citations:[]},h=el("div");
    h.appendChild(el("span","status",statuses[f[1]]));
    h.appendChild(el("span","v "+(f[2]==="advisory"?"":f[2]),f[2]));h.appendChild(document.createTextNode(" "+f[0]+" — "+rule.title));
    d.appendChild(h);d.appendChild(el("p","msg",f[3]));
    if(f[4])d.appendChild(el("p","cite",f[4]));
    rule.citations.forEach(function(c){var p=el("p","cite");
      var text=c.ref+(c.title?", "+c.title:"")+(c.published?" ("+c.published+")":"")+(c.provenance!=="primary"?" ["+c.provenance+"]":"");
      if(c.url){var a=el("a","",text);a.href=c.url;a.rel="noreferrer noopener";a.target="_blank";p.appendChild(a);}else p.textContent=text;
      d.appendChild(p);});
    if(f[5])d.appendChild(el("p","cite","at "+f[5]));
    td.appendChild(d);});
  tr.appendChild(td);return tr;}
function render(){
  body.textContent="";
  view.slice(0,limit).forEach(function(r){
    var tr=el("tr","w");
    tr.appendChild(el("td","",r.n));
    tr.appendChild(el("td","v "+verdicts[r.v],verdicts[r.v].replace(/-/g," ")));
    tr.appendChild(el("td","",r.c));
    tr.appendChild(el("td","",openRules(r).join(", ")));
    tr.appendChild(el("td","",r.s));
    tr.addEventListener("click",function(){
      var next=tr.nextSibling;
      if(next&&next.className==="details")body.removeChild(next);else body.insertBefore(details(r),next);});
    body.appendChild(tr);});
  shownEl.textContent=Math.min(limit,view.length)+" of "+view.length;
  shownEl.setAttribute("data-shown",Math.min(limit,view.length));shownEl.setAttribute("data-matching",view.length);
  var first=body.querySelector("tr.w td");shownEl.setAttribute("data-first",first?first.textContent:"");
  more.hidden=limit>=view.length;}
document.querySelectorAll("#workloads thead th").forEach(function(th){
  th.addEventListener("click",function(){
    var k=th.getAttribute("data-key");
    if(sortKey===k)sortDir=-sortDir;else{sortKey=k;sortDir=1;}
    document.querySelectorAll("#workloads thead th").forEach(function(o){o.removeAttribute("aria-sort");});
    th.setAttribute("aria-sort",sortDir>0?"ascending":"descending");apply();});});
filter.addEventListener("input",apply);verdict.addEventListener("change",apply);
// A link can carry the view: #q=TEXT&v=VERDICT&sort=KEY&dir=desc (also how tests drive it).
new URLSearchParams(location.hash.slice(1)).forEach(function(value,name){
  if(name==="q")filter.value=value;else if(name==="v")verdict.value=value;
  else if(name==="sort")sortKey=value;else if(name==="dir")sortDir=value==="desc"?-1:1;});
more.addEventListener("click",function(){limit+=page;render();});
apply();
})();
)JS";

} // namespace

HtmlReporter::HtmlReporter(StreamContext context, std::size_t rowLimit)
    : StreamReporter(std::move(context)), rowLimit_(rowLimit) {}

// One row per line: the verdict bucket, then the row as compact JSON (findings as arrays:
// rule, status, level, message, status reason, location).
void HtmlReporter::format(const Result& r, std::string& out) const {
  const int bucket = verdictBucket(r.verdict);
  Json findings = Json::array();
  for (const auto& f : r.findings)
    findings.push_back({f.rule->id, static_cast<int>(f.status), std::string(levelName(f.level)),
                        f.message, f.statusReason, f.location.str()});
  const Workload& w = *r.workload;
  Json row = {{"n", w.name},
              {"v", bucket},
              {"c", w.siteCountry.has() ? std::string(countryCode(*w.siteCountry.value)) : ""},
              {"s", fmt::format("{}:{}", w.loc.file, w.loc.line)},
              {"l", w.loc.line},
              {"f", std::move(findings)}};
  out += static_cast<char>('0' + bucket);
  out += scriptJson(row);
  out += '\n';
}

void HtmlReporter::write(std::string_view formatted, Sink) {
  for (std::size_t pos = 0; pos < formatted.size();) {
    const std::size_t nl = formatted.find('\n', pos);
    const std::string_view line = formatted.substr(pos, nl - pos + 1);
    pos = nl + 1;
    Spool& spool = line.front() == '3' ? allowed_ : attention_;
    if (spool.rows >= rowLimit_) continue;
    if (!spool.file) {
      spool.file.reset(std::tmpfile());
      if (!spool.file) throw OutputError("cannot create a temporary file for the HTML report");
    }
    if (std::fwrite(line.data() + 1, 1, line.size() - 1, spool.file.get()) != line.size() - 1)
      throw OutputError("cannot write a temporary file for the HTML report");
    ++spool.rows;
  }
}

// Copies the first `rows` rows of a spool as JSON array elements.
void HtmlReporter::copy(Spool& spool, std::size_t rows, Sink out, bool& first) {
  if (!spool.file || rows == 0) return;
  std::rewind(spool.file.get());
  std::string line;
  char buffer[1 << 16];
  std::size_t done = 0;
  while (done < rows && std::fgets(buffer, sizeof buffer, spool.file.get())) {
    line += buffer;
    if (line.empty() || line.back() != '\n') continue;
    line.pop_back();
    out(first ? "\n" : ",\n");
    first = false;
    out(line);
    line.clear();
    ++done;
  }
}

void HtmlReporter::end(const Tally& t, Sink out) {
  const std::string title = fmt::format("borderline audit — {}", t.sourcesText());
  std::string h =
      fmt::format("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                  "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                  "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                  "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">"
                  "<title>{}</title><style>{}</style></head>\n<body>\n",
                  esc(title), kStyle);
  h += fmt::format("<header><h1>{}</h1><p class=meta>{} · rules digest sha256:{}</p>"
                   "<p class=note>Not legal advice: each finding cites its source so that a "
                   "qualified person can check it.</p></header>\n",
                   esc(title), esc(textHeader(rules(), ctx_.asOf)), esc(rules().digest));

  // Totals
  h += "<section id=\"totals\"><h2>Verdicts</h2><div class=cards>";
  h += fmt::format("<div class=\"card total\"><span class=n data-count=\"workloads\">{}</span>"
                   "workloads</div>",
                   num(t.workloads));
  for (int b = 0; b < kVerdictBuckets; ++b)
    h += fmt::format("<div class=\"card {}\"><span class=n data-count=\"{}\">{}</span>{}</div>",
                     kClasses[b], levelName(bucketVerdict(b)),
                     num(t.verdicts[static_cast<std::size_t>(b)]), label(b, false));
  h += "</div>";
  if (t.invalidWorkloads)
    h += fmt::format("<p class=warn><span data-count=\"invalid/workloads\">{}</span> invalid "
                     "workloads (<span data-count=\"invalid/rows\">{}</span> rows) were skipped "
                     "and not judged; the audit listed each on its standard error.</p>",
                     num(t.invalidWorkloads), num(t.invalidRows));
  h += legend(false) + chart({{"all workloads", "", "", t.verdicts}}, false) + "</section>\n";
  out(h);

  std::vector<Row> rows;
  for (std::size_t i = 0; i < t.jurisdictions.size(); ++i)
    if (sum(t.byJurisdiction[i]))
      rows.push_back({t.jurisdictions[i], "breakdown/jurisdiction/" + t.jurisdictions[i],
                      t.jurisdictions[i], t.byJurisdiction[i]});
  out(section(
      "jurisdiction", "By jurisdiction",
      "Workloads with findings under each jurisdiction's rules, by their worst open finding "
      "there.",
      "jurisdiction", rows, true));
  rows.clear();
  for (std::size_t g = 0; g < t.byRegime.size(); ++g)
    if (sum(t.byRegime[g])) {
      const std::string name(kRegimeDomain.name(static_cast<std::uint8_t>(g)));
      rows.push_back({name, "breakdown/regime/" + name, name, t.byRegime[g]});
    }
  out(section("regime", "By regime",
              "Workloads with findings in each regime, by their worst open finding there.",
              "regime", rows, true));
  rows.clear();
  for (int c = 0; c < kCountryCount; ++c) {
    const auto& v = t.bySiteCountry[static_cast<std::size_t>(c)];
    if (!sum(v)) continue;
    const std::string code(countryCode(static_cast<CountryId>(c)));
    rows.push_back({fmt::format("{} {}", code, countryName(static_cast<CountryId>(c))),
                    "breakdown/siteCountry/" + code, code, v});
  }
  std::stable_sort(rows.begin(), rows.end(),
                   [](const Row& a, const Row& b) { return sum(a.counts) > sum(b.counts); });
  out(section("site-country", "By site country",
              "Workloads by the country where the chips are, by verdict (the chart shows the 20 "
              "largest).",
              "site country", rows, false));

  // Rules: findings by status.
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < t.byRule.size(); ++i)
    if (t.byRule[i].total()) order.push_back(i);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return t.byRule[a].byStatus[0] > t.byRule[b].byStatus[0];
  });
  std::string r = "<section id=\"rules\"><h2>By rule</h2><p class=note>Findings of each rule, by "
                  "status; open findings decide verdicts.</p>";
  if (order.empty())
    r += "<p>None.</p>";
  else {
    r += "<table class=counts><thead><tr><th>rule</th><th>jurisdiction</th><th>regime</th>"
         "<th>open</th><th>satisfied</th><th>waived</th><th>advisory</th></tr></thead><tbody>";
    for (std::size_t i : order) {
      const Rule& rule = rules().rules[i];
      r += fmt::format("<tr><th title=\"{}\">{}</th><td>{}</td><td>{}</td>", esc(rule.title),
                       esc(rule.id), esc(rule.pack->jurisdiction),
                       kRegimeDomain.name(static_cast<std::uint8_t>(rule.regime)));
      for (int s = 0; s < 4; ++s)
        r += cell(t.byRule[i].byStatus[static_cast<std::size_t>(s)],
                  fmt::format("breakdown/rule/{}/{}", rule.id,
                              statusName(static_cast<FindingStatus>(s))));
      r += "</tr>";
    }
    r += "</tbody></table>";
  }
  out(r + "</section>\n");

  // The workload table.
  const std::size_t attention = std::min(attention_.rows, rowLimit_);
  const std::size_t allowed = std::min(allowed_.rows, rowLimit_ - attention);
  std::string w = "<section id=\"workload-table\"><h2>Workloads</h2>";
  if (attention + allowed < t.workloads)
    w += fmt::format("<p class=warn>The table holds {} of the {} workloads ({} limit; those that "
                     "are not allowed first). The totals above count every workload; the jsonl "
                     "and csv reports list them all.</p>",
                     num(attention + allowed), num(t.workloads), num(rowLimit_));
  w += "<div class=controls><input id=filter type=search placeholder=\"Filter by name, rule id "
       "or site country\" aria-label=filter><select id=verdict-filter aria-label=verdict>"
       "<option value=\"\">every verdict</option>";
  for (int b = 0; b < kVerdictBuckets; ++b)
    w += fmt::format("<option value=\"{}\">{}</option>", b, label(b, false));
  w += "</select></div><p class=note>Showing <span id=shown></span> (table rows loaded: "
       "<span id=loaded>0</span>). Click a heading to sort, a row for its "
       "findings and citations.</p>"
       "<table id=workloads><thead><tr><th data-key=name>workload</th><th data-key=verdict>"
       "verdict</th><th data-key=country>site</th><th data-key=rules>open findings</th>"
       "<th data-key=source>source</th></tr></thead><tbody></tbody></table>"
       "<p><button id=more type=button>show more</button></p></section>\n";
  w += "<script type=\"application/json\" id=\"rules-data\">" + scriptJson(rulesData(rules(), t)) +
       "</script>\n<script type=\"application/json\" id=\"rows-data\">[";
  out(w);
  bool first = true;
  copy(attention_, attention, out, first);
  copy(allowed_, allowed, out, first);
  out(fmt::format("]</script>\n<script>{}</script>\n</body></html>\n", kScript));
}

} // namespace borderline
