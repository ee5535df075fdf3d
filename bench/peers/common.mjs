// Shared by the node peers: the records, timing, and the result line run.sh reads.
import { readFileSync } from "node:fs";
export const records = JSON.parse(readFileSync(process.argv[2], "utf8"));
export const EU = ["AT","BE","BG","HR","CY","CZ","DK","EE","FI","FR","DE","GR","HU","IE","IT","LV","LT","LU","MT","NL","PL","PT","RO","SK","SI","ES","SE","IS","LI","NO"];
export function report(engine, counts, seconds) {
  console.log(JSON.stringify({ engine, workloads: records.length, seconds, counts }));
}
