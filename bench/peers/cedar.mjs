// Cedar (@cedar-policy/cedar-wasm): the four rules as permit policies over the request context;
// one isAuthorized call per record, whose determining policies are the rules that fire.
import * as cedar from "@cedar-policy/cedar-wasm/nodejs";
import { records, EU, report } from "./common.mjs";
const set = (xs) => "[" + xs.map((x) => JSON.stringify(x)).join(",") + "]";
const policies = {
  "bench.r1": `permit(principal, action, resource) when { context.acquisition == "purchase" && ${set(["CN","HK","MO","RU","IR","KP","SY","CU"])}.contains(context.siteCountry) };`,
  "bench.r2": `permit(principal, action, resource) when { ${set(["CN","HK","MO"])}.contains(context.tenantHq) && !${set(["CN","HK","MO"])}.contains(context.siteCountry) && ${set(["purchase","lease"])}.contains(context.acquisition) };`,
  "bench.r3": `permit(principal, action, resource) when { context.siteCountry != "CN" && context.cnPersonalOver1M };`,
  "bench.r4": `permit(principal, action, resource) when { !${set(EU)}.contains(context.siteCountry) && context.euPersonal };`,
};
// Cedar has no "some element of a list of records satisfies" operator: the two data tests are
// computed in JavaScript while building the request (which counts in the timing).
// Policies get ids policy0.. in order; parsed once and cached inside the wasm module.
const ids = Object.keys(policies);
const staticPolicies = Object.values(policies).join("\n");
const parsed = cedar.preparsePolicySet("bench", { staticPolicies });
if (parsed.type !== "success") throw new Error(JSON.stringify(parsed.errors));
const counts = { "bench.r1": 0, "bench.r2": 0, "bench.r3": 0, "bench.r4": 0 };
const start = process.hrtime.bigint();
for (const r of records) {
  const context = { acquisition: r.acquisition, siteCountry: r.siteCountry, tenantHq: r.tenantHq,
    cnPersonalOver1M: r.data.some((d) => d.origin === "CN" && d.categories.includes("personal") && d.subjects > 1000000),
    euPersonal: r.data.some((d) => ["FR","DE","NL","IE"].includes(d.origin) && d.categories.includes("personal")) };
  const answer = cedar.statefulIsAuthorized({
    principal: { type: "User", id: "u" }, action: { type: "Action", id: "audit" },
    resource: { type: "Workload", id: r.name }, context,
    preparsedPolicySetId: "bench", entities: [] });
  if (answer.type !== "success") throw new Error(JSON.stringify(answer.errors));
  for (const id of answer.response.diagnostics.reason) counts[ids[Number(id.slice(6))]]++;
}
report("cedar-wasm", counts, Number(process.hrtime.bigint() - start) / 1e9);
