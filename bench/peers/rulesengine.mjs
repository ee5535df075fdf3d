// json-rules-engine: the four rules as its conditions (a custom operator for "some data source
// matches", which its path syntax cannot say), one engine.run per record.
import { Engine } from "json-rules-engine";
import { records, EU, report } from "./common.mjs";
const engine = new Engine([], { allowUndefinedFacts: true });
engine.addOperator("someData", (data, want) => data.some((d) =>
  want.origins.includes(d.origin) && d.categories.includes("personal") && d.subjects > want.min));
const rule = (id, all) => engine.addRule({ name: id, conditions: { all }, event: { type: id } });
rule("bench.r1", [{ fact: "acquisition", operator: "equal", value: "purchase" },
  { fact: "siteCountry", operator: "in", value: ["CN","HK","MO","RU","IR","KP","SY","CU"] }]);
rule("bench.r2", [{ fact: "tenantHq", operator: "in", value: ["CN","HK","MO"] },
  { fact: "siteCountry", operator: "notIn", value: ["CN","HK","MO"] },
  { fact: "acquisition", operator: "in", value: ["purchase","lease"] }]);
rule("bench.r3", [{ fact: "siteCountry", operator: "notEqual", value: "CN" },
  { fact: "data", operator: "someData", value: { origins: ["CN"], min: 1000000 } }]);
rule("bench.r4", [{ fact: "siteCountry", operator: "notIn", value: EU },
  { fact: "data", operator: "someData", value: { origins: ["FR","DE","NL","IE"], min: -1 } }]);
const counts = { "bench.r1": 0, "bench.r2": 0, "bench.r3": 0, "bench.r4": 0 };
const start = process.hrtime.bigint();
for (const r of records) {
  const { events } = await engine.run(r);
  for (const e of events) counts[e.type]++;
}
report("json-rules-engine", counts, Number(process.hrtime.bigint() - start) / 1e9);
