#!/usr/bin/env python3
"""Seeded generator of realistic workload inventories for `borderline audit`.

The mix follows the examples and rule tests: sites in Asia, the Gulf, Europe and the US;
NVIDIA, AMD, Huawei and Cambricon chips bought, leased or rented; tenants and site owners from
China, Malaysia, Singapore, the EU and the US, a few of them on (or close to) the Entity List;
public, personal and sensitive data of Chinese, EU, Russian and US origin with and without
transfer mechanisms; a few licences. About one workload in six has two or three rows in CSV
(extra data sources and chips), as manifest.md's flat format allows.

Same seed and options, same bytes. Writes any of CSV, JSONL and YAML (a WorkloadList) of the
same workloads; in all three a data source is named "line N" after its CSV row, as the CSV
loader names it, so `check` on the YAML and `audit` on the CSV give the same results.

  bench/generate.py --rows 1000000 --seed 1 --csv inventory.csv
  bench/generate.py --rows 2000 --csv a.csv --yaml a.yaml --jsonl a.jsonl
"""
import argparse
import json
import random
import sys

SITES = [  # (country, weight)
    ("CN", 14), ("MY", 10), ("SG", 9), ("US", 12), ("AE", 5), ("SA", 3), ("DE", 5), ("FR", 3),
    ("NL", 2), ("IE", 2), ("JP", 4), ("KR", 3), ("IN", 4), ("VN", 3), ("ID", 2), ("TH", 2),
    ("HK", 3), ("TW", 2), ("GB", 3), ("RU", 2), ("BR", 2), ("MX", 1), ("KZ", 1), ("MO", 1),
]
CHIPS = [  # (catalog id or alias, typical counts, weight)
    ("nvidia-h100-sxm", (8, 64, 512, 1024, 8192), 18), ("nvidia-h200-sxm", (8, 256, 2048), 8),
    ("nvidia-b200", (8, 72, 576, 4608), 6), ("nvidia-h20", (8, 512, 4096), 9),
    ("H20", (64, 512), 3), ("nvidia-a100-sxm", (8, 128, 1024), 6), ("nvidia-a800-sxm", (8, 256), 3),
    ("nvidia-h800-sxm", (8, 512), 3), ("nvidia-l40s", (4, 32, 128), 5), ("nvidia-l20", (8, 64), 3),
    ("nvidia-rtx-4090", (1, 8, 200), 3), ("RTX 4090D", (8, 200), 3), ("nvidia-rtx-5090d", (8, 64), 2),
    ("amd-mi300x", (8, 256, 1024), 5), ("amd-mi308x", (8, 128), 2), ("amd-mi355x", (8, 512), 2),
    ("intel-gaudi3", (8, 64), 2), ("huawei-ascend-910b", (8, 512, 4096), 6),
    ("huawei-ascend-910c", (8, 384, 1024), 4), ("cambricon-mlu590", (8, 128), 2),
]
ACQUISITION = [("purchase", 30), ("lease", 25), ("iaas", 30), ("colocation", 10), ("owned", 5)]
PURPOSE = [("training", 35), ("fine-tuning", 25), ("inference", 40)]
# Parties: (name, hq, parentName, parentHq, weight); a few are listed or near-listed names.
OWNERS = [
    ("Example Data Centres Sdn Bhd", "MY", "", "", 8), ("Johor Hyperscale Sdn Bhd", "MY", "", "", 4),
    ("Example Cloud Pte. Ltd.", "SG", "", "", 8), ("Example Gulf AI LLC", "AE", "", "", 4),
    ("Example IDC (Shenzhen) Co., Ltd.", "CN", "", "", 8), ("Example Compute Inc.", "US", "", "", 10),
    ("Frankfurt Rechenzentrum GmbH", "DE", "", "", 4), ("Example Datacenter B.V.", "NL", "", "", 2),
    ("Tokyo Compute K.K.", "JP", "", "", 3), ("Seoul AI Cloud Co., Ltd.", "KR", "", "", 2),
    ("Mumbai Cloud Private Limited", "IN", "", "", 3), ("Hanoi Data Centre JSC", "VN", "", "", 2),
    ("Example Cloud Computing (Hong Kong) Limited", "HK", "", "", 2),
    ("Example Riyadh Compute Company", "SA", "", "", 2),
    ("Example Colo Sdn Bhd", "MY", "Example Holdings Ltd.", "CN", 2),
    ("Huawei Cloud Guiyang", "CN", "", "", 1), ("Nettrix Information Industry Co., Ltd.", "CN", "", "", 1),
]
TENANTS = [
    ("ByteDance Ltd.", "CN", "", "", 6), ("Example AI Lab Ltd.", "CN", "", "", 6),
    ("Example Cloud Computing (Shenzhen) Co., Ltd.", "CN", "", "", 5),
    ("Example Animation Studio Co., Ltd.", "CN", "", "", 3), ("Example Models Inc.", "US", "", "", 10),
    ("Example Research Labs LLC", "US", "", "", 6), ("Example Gulf AI LLC", "AE", "", "", 3),
    ("Example Vietnam AI JSC", "VN", "", "", 2), ("Example Sprachmodelle GmbH", "DE", "", "", 4),
    ("Example Assistants SAS", "FR", "", "", 3), ("Example Singapore AI Pte. Ltd.", "SG", "", "", 5),
    ("Example Malaysia AI Sdn Bhd", "MY", "", "", 4), ("Example Retail OOO", "RU", "", "", 2),
    ("Example Subsidiary Pte. Ltd.", "SG", "Example AI Lab Ltd.", "CN", 3),
    ("Example Offshore Ltd.", "HK", "ByteDance Ltd.", "CN", 2),
    ("Beijing Academy of Artificial Intelligence", "CN", "", "", 1),
    ("Huawei Technologies Co., Ltd.", "CN", "", "", 1), ("Huawei Technologies Co Ltd", "CN", "", "", 1),
    ("Sophon Technology Beijing Co Ltd", "CN", "", "", 1),
    ("Example Municipal Public Security Bureau", "CN", "", "", 1),
]
DEVELOPERS = [("", "", 50), ("ByteDance Ltd.", "CN", 8), ("Example Models Inc.", "US", 10),
              ("Example AI Lab Ltd.", "CN", 6), ("Example Sprachmodelle GmbH", "DE", 3)]
DATA = [  # (origin, categories, subjects choices, transfer choices, weight)
    ("US", "public", (0,), ("",), 20), ("CN", "public", (0,), ("",), 8),
    ("CN", "personal", (5000, 50000, 500000, 2500000), ("", "consent;pipia", "cn-standard-contract;consent;pipia",
                                                        "cac-security-assessment;consent;pipia"), 10),
    ("CN", "sensitive-personal;personal", (2000, 20000), ("", "consent;pipia"), 3),
    ("CN", "important", (0,), ("", "cac-security-assessment"), 2),
    ("FR", "personal", (5000, 200000), ("", "eu-scc", "eu-scc;eu-tia"), 5),
    ("DE", "personal;health", (1000, 100000), ("", "eu-scc;eu-tia"), 3),
    ("RU", "personal;identifiers", (300000, 3000000), ("", "ru-localization", "ru-localization;rkn-notification"), 3),
    ("US", "personal;health", (10000, 200000, 2000000), ("",), 3),
    ("US", "personal;geolocation", (1000, 150000), ("",), 2),
    ("US", "proprietary", (0,), ("",), 6), ("SG", "personal", (10000,), ("",), 2),
    ("MY", "public", (0,), ("",), 2),
]
AUTHS = ["", "", "", "", "", "", "bis-license:D1234567:2027-06-30", "nac-notification:NAC-0042:",
         "cisa-security-requirements::2026-12-31", "my-strategic-trade-permit:STA-77:2026-09-30",
         "bis-license:D7654321:2024-12-31"]
END_USES = [("", 90), ("civil", 6), ("civil;surveillance", 2), ("military", 1), ("military-intelligence", 1)]
COLUMNS = ["name", "purpose", "period.start", "period.end", "model.name", "model.developer.name",
           "model.developer.hq", "model.trainingCompute", "chips", "compute.acquisition",
           "site.country", "site.owner.name", "site.owner.hq", "site.owner.parentName",
           "site.owner.parentHq", "tenant.name", "tenant.hq", "tenant.parentName",
           "tenant.parentHq", "tenant.designations", "endUse", "data.origin", "data.categories",
           "data.subjects", "data.transfer", "authorizations"]


def weighted(rng, items):
    population = [i[:-1] if len(i) > 2 else i[0] for i in items]
    weights = [i[-1] for i in items]
    return lambda: rng.choices(population, weights)[0]


def generate(rows, seed):
    """Yields workloads as dicts of CSV cells plus extra rows (chips, data) for later rows."""
    rng = random.Random(seed)
    site, chip, acq, purpose = weighted(rng, SITES), weighted(rng, CHIPS), weighted(rng, ACQUISITION), weighted(rng, PURPOSE)
    owner, tenant, developer = weighted(rng, OWNERS), weighted(rng, TENANTS), weighted(rng, DEVELOPERS)
    data, end_use = weighted(rng, DATA), weighted(rng, END_USES)
    emitted = 0
    n = 0
    while emitted < rows:
        n += 1
        extra = 0 if rng.random() < 0.84 else rng.choice((1, 1, 2))
        extra = min(extra, rows - emitted - 1)
        country = site()
        o = owner()
        t = tenant()
        d = developer()
        p = purpose()
        model, counts = chip()
        start_year = rng.choice((2023, 2024, 2025, 2026))
        w = {
            "name": "wl-%07d-%s" % (n, p),
            "purpose": p,
            "period.start": "%d-%02d-01" % (start_year, rng.randint(1, 12)) if rng.random() < 0.6 else "",
            "period.end": "",
            "model.name": rng.choice(("", "Example-7B", "Example-70B", "Doubao-2", "Qwen-Example")),
            "model.developer.name": d[0], "model.developer.hq": d[1],
            "model.trainingCompute": rng.choice(("", "", "3.1e24", "2.5e25", "1.2e26")) if p == "training" else "",
            "chips": "%s*%d" % (model, rng.choice(counts)),
            "compute.acquisition": acq(),
            "site.country": country,
            "site.owner.name": o[0], "site.owner.hq": o[1], "site.owner.parentName": o[2], "site.owner.parentHq": o[3],
            "tenant.name": t[0], "tenant.hq": t[1], "tenant.parentName": t[2], "tenant.parentHq": t[3],
            "tenant.designations": "state-organ" if "Bureau" in t[0] else ("ciio" if rng.random() < 0.02 else ""),
            "endUse": end_use(),
            "authorizations": rng.choice(AUTHS),
        }
        if w["period.start"] and rng.random() < 0.5:
            w["period.end"] = "%d-12-31" % (start_year + rng.randint(0, 3))
        rows_of_w = []
        for k in range(extra + 1):
            row_chip = ""
            if k > 0 and rng.random() < 0.3:
                m, c = chip()
                row_chip = "%s*%d" % (m, rng.choice(c))
            src = data() if (k > 0 or rng.random() < 0.8) else None
            if src:
                origin, cats, subjects, transfers = src
                row_data = (origin, cats, rng.choice(subjects), rng.choice(transfers))
            else:
                row_data = None
            rows_of_w.append((row_chip, row_data))
        emitted += len(rows_of_w)
        yield w, rows_of_w


def csv_cell(v):
    v = str(v)
    if any(c in v for c in ',"\n\r'):
        return '"' + v.replace('"', '""') + '"'
    return v


def split(v):
    return [x for x in v.split(";") if x] if v else []


def manifest(w, rows_of_w, first_line):
    """The workload as a manifest object (JSON form), data sources named after their CSV line."""
    spec = {"purpose": w["purpose"]}
    if w["period.start"] or w["period.end"]:
        spec["period"] = {k: w["period." + k] for k in ("start", "end") if w["period." + k]}
    model = {}
    if w["model.name"]:
        model["name"] = w["model.name"]
    if w["model.developer.name"]:
        model["developer"] = {"name": w["model.developer.name"], "hq": w["model.developer.hq"]}
    if w["model.trainingCompute"]:
        model["trainingCompute"] = float(w["model.trainingCompute"])
    if model:
        spec["model"] = model
    chips = [w["chips"]] + [c for c, _ in rows_of_w if c]
    spec["compute"] = {"chips": [{"model": c.rsplit("*", 1)[0], "count": int(c.rsplit("*", 1)[1])} for c in chips],
                       "acquisition": w["compute.acquisition"]}

    def party(prefix, designations=""):
        p = {"name": w[prefix + ".name"], "hq": w[prefix + ".hq"]}
        if w.get(prefix + ".parentName"):
            p["parentName"] = w[prefix + ".parentName"]
        if w.get(prefix + ".parentHq"):
            p["parentHq"] = w[prefix + ".parentHq"]
        if designations:
            p["designations"] = split(designations)
        return p

    spec["site"] = {"country": w["site.country"], "owner": party("site.owner")}
    spec["tenant"] = party("tenant", w["tenant.designations"])
    if w["endUse"]:
        spec["endUse"] = split(w["endUse"])
    data = []
    for k, (_, d) in enumerate(rows_of_w):
        if not d:
            continue
        origin, cats, subjects, transfer = d
        src = {"name": "line %d" % (first_line + k), "origin": origin, "categories": split(cats)}
        if subjects:
            src["subjects"] = subjects
        if transfer:
            src["transfer"] = split(transfer)
        data.append(src)
    if data:
        spec["data"] = data
    auths = []
    for a in split(w["authorizations"]):
        t, ref, exp = a.split(":")
        item = {"type": t}
        if ref:
            item["reference"] = ref
        if exp:
            item["expires"] = exp
        auths.append(item)
    if auths:
        spec["authorizations"] = auths
    return {"metadata": {"name": w["name"]}, "spec": spec}


def yaml_scalar(v):
    if isinstance(v, str):
        return json.dumps(v)  # a JSON string is a valid YAML scalar
    return json.dumps(v)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rows", type=int, default=10000, help="CSV rows to generate (10k to 10M)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--csv")
    ap.add_argument("--jsonl")
    ap.add_argument("--yaml")
    a = ap.parse_args()
    if not (a.csv or a.jsonl or a.yaml):
        ap.error("give at least one of --csv, --jsonl, --yaml")
    csv_out = open(a.csv, "w", newline="") if a.csv else None
    jsonl_out = open(a.jsonl, "w") if a.jsonl else None
    yaml_out = open(a.yaml, "w") if a.yaml else None
    if csv_out:
        csv_out.write(",".join(COLUMNS) + "\n")
    if yaml_out:
        yaml_out.write("apiVersion: borderline/v1\nkind: WorkloadList\nmetadata: {name: generated}\nitems:\n")
    line = 2  # CSV line of the next row (the header is line 1)
    buf = []
    for w, rows_of_w in generate(a.rows, a.seed):
        if csv_out:
            for k, (chip, d) in enumerate(rows_of_w):
                cells = dict(w) if k == 0 else {"name": w["name"]}
                if k > 0:
                    cells["chips"] = chip
                if d:
                    cells["data.origin"], cells["data.categories"], cells["data.subjects"], cells["data.transfer"] = (
                        d[0], d[1], d[2] if d[2] else "", d[3])
                buf.append(",".join(csv_cell(cells.get(c, "")) for c in COLUMNS))
            if len(buf) > 10000:
                csv_out.write("\n".join(buf) + "\n")
                buf = []
        if jsonl_out or yaml_out:
            m = manifest(w, rows_of_w, line)
            if jsonl_out:
                jsonl_out.write(json.dumps(dict({"apiVersion": "borderline/v1", "kind": "Workload"}, **m),
                                           separators=(",", ":")) + "\n")
            if yaml_out:
                yaml_out.write("  - " + json.dumps(m) + "\n")
        line += len(rows_of_w)
    if csv_out:
        if buf:
            csv_out.write("\n".join(buf) + "\n")
        csv_out.close()
    for f in (jsonl_out, yaml_out):
        if f:
            f.close()


if __name__ == "__main__":
    sys.exit(main())
