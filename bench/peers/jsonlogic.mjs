// json-logic-engine: the four rules as JSON Logic, compiled once, applied to every record.
import { LogicEngine } from "json-logic-engine";
import { records, EU, report } from "./common.mjs";
const engine = new LogicEngine();
const personal = (origins) => ({ some: [{ var: "data" }, { and: [
  { in: [{ var: "origin" }, origins] }, { in: ["personal", { var: "categories" }] }] }] });
const rules = {
  "bench.r1": { and: [{ "==": [{ var: "acquisition" }, "purchase"] },
    { in: [{ var: "siteCountry" }, ["CN","HK","MO","RU","IR","KP","SY","CU"]] }] },
  "bench.r2": { and: [{ in: [{ var: "tenantHq" }, ["CN","HK","MO"]] },
    { "!": { in: [{ var: "siteCountry" }, ["CN","HK","MO"]] } },
    { in: [{ var: "acquisition" }, ["purchase","lease"]] }] },
  "bench.r3": { and: [{ "!=": [{ var: "siteCountry" }, "CN"] },
    { some: [{ var: "data" }, { and: [{ "==": [{ var: "origin" }, "CN"] },
      { in: ["personal", { var: "categories" }] }, { ">": [{ var: "subjects" }, 1000000] }] }] }] },
  "bench.r4": { and: [{ "!": { in: [{ var: "siteCountry" }, EU] } }, personal(["FR","DE","NL","IE"])] },
};
const compiled = Object.entries(rules).map(([id, logic]) => [id, engine.build(logic)]);
const counts = Object.fromEntries(compiled.map(([id]) => [id, 0]));
const start = process.hrtime.bigint();
for (const r of records) for (const [id, f] of compiled) if (f(r)) counts[id]++;
report("json-logic-engine", counts, Number(process.hrtime.bigint() - start) / 1e9);
