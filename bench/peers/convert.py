#!/usr/bin/env python3
"""The facts the four benchmark rules read, from an inventory CSV, for the peer engines:
records.json (a JSON array) and records.txt (one line per fact, for the CLIPS program), plus
the CSV rows of the same workloads (for borderline). Consecutive rows with the same name are
one workload, as in borderline. (Generated inventories have one record per line.)
  convert.py inventory.csv LIMIT records.json records.txt records.csv"""
import csv, json, sys

src, limit, out_json, out_txt, out_csv = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
records = []
with open(src, newline="") as f, open(out_csv, "w", newline="") as subset:
    header = f.readline()
    subset.write(header)
    columns = next(csv.reader([header]))
    for line in f:
        row = dict(zip(columns, next(csv.reader([line]))))
        if records and records[-1]["name"] == row["name"]:
            w = records[-1]
        else:
            if len(records) == limit:
                break
            w = {"name": row["name"], "acquisition": row["compute.acquisition"],
                 "siteCountry": row["site.country"], "tenantHq": row["tenant.hq"], "data": []}
            records.append(w)
        if row["data.origin"]:
            w["data"].append({"origin": row["data.origin"],
                              "categories": [c for c in row["data.categories"].split(";") if c],
                              "subjects": int(row["data.subjects"] or 0)})
        subset.write(line)
json.dump(records, open(out_json, "w"))
with open(out_txt, "w") as f:
    for i, w in enumerate(records):
        f.write("(workload (id %d) (acquisition %s) (site %s) (tenant %s))\n" % (
            i, w["acquisition"], w["siteCountry"], w["tenantHq"]))
        for d in w["data"]:
            f.write("(datum (id %d) (origin %s) (personal %s) (subjects %d))\n" % (
                i, d["origin"], "yes" if "personal" in d["categories"] else "no", d["subjects"]))
        f.write("end\n")
print(len(records))
